package uk.gov.inspectorates.portal.core.report;

import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** One of the inspection report types that the protocol's Annex B says are shared at the pre-publication stage, or the JTAI findings letter. */
public record ReportType(String code, Inspectorate inspectorate, String title) {

    /**
     * The pre-publication findings letter of a joint targeted area inspection (JTAI timeline day 41): not an Annex B
     * type that anyone shares through the share form, but issued from its inspection's findings letter process
     * (docs/adr/0025), so it is not among {@link AnnexBReportTypes#all()}.
     */
    public static final ReportType JTAI_FINDINGS_LETTER = new ReportType("JTAI_FINDINGS_LETTER", Inspectorate.OFSTED,
            "Joint targeted area inspection findings letter");

    /** Any type a stored report may have: the Annex B types and the findings letter. */
    public static java.util.Optional<ReportType> byCode(String code) {
        return JTAI_FINDINGS_LETTER.code().equals(code) ? java.util.Optional.of(JTAI_FINDINGS_LETTER)
                : AnnexBReportTypes.byCode(code);
    }
}
