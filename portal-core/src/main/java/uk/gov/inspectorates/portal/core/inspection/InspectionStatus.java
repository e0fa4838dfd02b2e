package uk.gov.inspectorates.portal.core.inspection;

/** Whether an inspection still takes requests and uploads; closure and removal come with the next issue. */
public enum InspectionStatus {
    OPEN,
    CLOSED
}
