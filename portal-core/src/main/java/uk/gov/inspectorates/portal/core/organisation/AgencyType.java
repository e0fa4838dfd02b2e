package uk.gov.inspectorates.portal.core.organisation;

/** The local agencies of a JTAI and the inspectorate that inspects each (ISP "Sharing information on a JTAI"). */
public enum AgencyType {
    LOCAL_AUTHORITY_CHILDRENS_SERVICES("Local authority children's services", Inspectorate.OFSTED),
    POLICE_FORCE("Police force", Inspectorate.HMIC),
    HEALTH_COMMISSIONER("Health commissioner", Inspectorate.CQC),
    YOUTH_OFFENDING_SERVICE("Youth offending service", Inspectorate.HMI_PROBATION),
    PROBATION_SERVICE("Probation service", Inspectorate.HMI_PROBATION);

    private final String title;
    private final Inspectorate inspectedBy;

    AgencyType(String title, Inspectorate inspectedBy) {
        this.title = title;
        this.inspectedBy = inspectedBy;
    }

    public String title() {
        return title;
    }

    public Inspectorate inspectedBy() {
        return inspectedBy;
    }
}
