package uk.gov.inspectorates.portal.core.report;

public enum ReportStatus {
    UNDER_EMBARGO,
    PUBLISHED,
    WITHDRAWN
}
