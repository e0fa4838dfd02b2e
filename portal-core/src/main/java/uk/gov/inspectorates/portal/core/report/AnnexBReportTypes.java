package uk.gov.inspectorates.portal.core.report;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Reference data: ISP Annex B, "Inspection reports shared at the pre-publication stage". */
public final class AnnexBReportTypes {

    private static final List<ReportType> ALL = List.of(
            type("OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS", Inspectorate.OFSTED,
                    "Services for children in need of help and protection, children looked after and care leavers"),
            type("OFSTED_LSCB_EFFECTIVENESS", Inspectorate.OFSTED,
                    "Effectiveness of the local safeguarding children board"),
            type("OFSTED_THEMATIC_CHILDREN", Inspectorate.OFSTED,
                    "Thematic or survey inspection including the protection or care of children and young people"),
            type("CQC_CLAS", Inspectorate.CQC, "Children Looked After and Safeguarding report"),
            type("CQC_THEMATIC_CHILDREN", Inspectorate.CQC,
                    "Single or joint thematic review including the care and protection of children and young people"),
            type("HMIC_THEMATIC_CHILDREN", Inspectorate.HMIC,
                    "Thematic inspection including the protection of children and young people"),
            type("HMI_PROBATION_ADULT_OFFENDING", Inspectorate.HMI_PROBATION,
                    "Inspection of adult offending work with findings contributed by Ofsted"),
            type("HMI_PROBATION_YOUTH_OFFENDING", Inspectorate.HMI_PROBATION,
                    "Inspection of youth offending work with findings contributed by Ofsted"),
            type("HMI_PROBATION_THEMATIC_CHILDREN", Inspectorate.HMI_PROBATION,
                    "Thematic inspection including the protection or care of children and young people"),
            type("HMI_PRISONS_CUSTODY_CHILDREN", Inspectorate.HMI_PRISONS,
                    "Inspection of custody or secure settings holding children"),
            type("HMCPSI_CHILDREN", Inspectorate.HMCPSI,
                    "Single or joint inspection including the protection or care of children and young people"));

    private AnnexBReportTypes() {
    }

    public static List<ReportType> all() {
        return ALL;
    }

    public static List<ReportType> of(Inspectorate inspectorate) {
        return ALL.stream().filter(type -> type.inspectorate() == inspectorate).toList();
    }

    public static Optional<ReportType> byCode(String code) {
        return ALL.stream().filter(type -> type.code().equals(code)).findFirst();
    }

    private static ReportType type(String code, Inspectorate inspectorate, String title) {
        return new ReportType(code, inspectorate, title);
    }
}
