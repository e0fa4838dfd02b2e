package uk.gov.inspectorates.portal.core.organisation;

/**
 * What a person does in the portal. Which embargoed reports a reader may open still comes from their reader-list
 * teams, not from a role.
 */
public enum Role {
    INSPECTOR(false),
    /** Leads an inspection for their inspectorate; which inspection comes with the JTAI model. */
    LEAD_INSPECTOR(false),
    DATA_ANALYST(false),
    INSPECTION_SUPPORT(false),
    /** Reads what is shared with their inspectorate, as far as their reader-list teams allow. */
    READER(false),
    SIRO(false),
    /** Administers the people and teams of their own organisation (an inspectorate or an agency). */
    ADMINISTRATOR(true),
    AGENCY_UPLOADER(true),
    /** The agency's accountable chief officer (director of children's services, chief constable, ...). */
    AGENCY_CHIEF_OFFICER(true);

    private final boolean heldByAgencyStaff;

    Role(boolean heldByAgencyStaff) {
        this.heldByAgencyStaff = heldByAgencyStaff;
    }

    /** Inspectorate staff who share their inspectorate's reports with the other parties. */
    public boolean sharesReports() {
        return this == INSPECTOR || this == LEAD_INSPECTOR || this == INSPECTION_SUPPORT;
    }

    /** Whether staff of a local agency may hold the role (administrator is held in both kinds of organisation). */
    public boolean heldByAgencyStaff() {
        return heldByAgencyStaff;
    }

    /** Whether inspectorate staff may hold the role. */
    public boolean heldByInspectorateStaff() {
        return this == ADMINISTRATOR || !heldByAgencyStaff;
    }
}
