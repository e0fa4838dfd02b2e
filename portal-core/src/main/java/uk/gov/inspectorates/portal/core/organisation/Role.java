package uk.gov.inspectorates.portal.core.organisation;

/** What a person does in the portal. Reader-list membership comes from teams, not from a role. */
public enum Role {
    INSPECTOR,
    DATA_ANALYST,
    INSPECTION_SUPPORT,
    SIRO,
    ADMINISTRATOR,
    AGENCY_UPLOADER;

    /** Inspectorate staff who share their inspectorate's reports with the other parties. */
    public boolean sharesReports() {
        return this == INSPECTOR || this == INSPECTION_SUPPORT;
    }
}
