package uk.gov.inspectorates.portal.core.organisation;

/** The six parties to the information sharing protocol. */
public enum Inspectorate {
    OFSTED("Ofsted", true),
    CQC("Care Quality Commission", true),
    HMIC("HM Inspectorate of Constabulary", true),
    HMI_PROBATION("HM Inspectorate of Probation", true),
    HMI_PRISONS("HM Inspectorate of Prisons", false),
    HMCPSI("HM Crown Prosecution Service Inspectorate", false);

    private final String title;
    private final boolean takesPartInJtai;

    Inspectorate(String title, boolean takesPartInJtai) {
        this.title = title;
        this.takesPartInJtai = takesPartInJtai;
    }

    public String title() {
        return title;
    }

    /** Only Ofsted, CQC, HMIC and HMI Probation take part in a Joint Targeted Area Inspection (ISP footnote 4). */
    public boolean takesPartInJtai() {
        return takesPartInJtai;
    }

    /** The inspectorate a code names (its enum name, e.g. {@code HMI_PROBATION}), if any. */
    public static java.util.Optional<Inspectorate> byCode(String code) {
        return java.util.Arrays.stream(values()).filter(i -> i.name().equals(code)).findFirst();
    }

    /** The organisation id under which the inspectorate is held in the directory. */
    public String organisationId() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
