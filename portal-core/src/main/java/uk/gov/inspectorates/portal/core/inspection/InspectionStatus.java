package uk.gov.inspectorates.portal.core.inspection;

/**
 * Whether an inspection still takes requests and uploads (OPEN), or has been closed: then each participating inspectorate
 * exports what it requested, and at the end of the export window its data is removed ({@link InspectionClosure}).
 */
public enum InspectionStatus {
    OPEN,
    CLOSED
}
