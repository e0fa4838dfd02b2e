package uk.gov.inspectorates.portal.core.testdata;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import uk.gov.inspectorates.portal.core.report.ReportDraft;

/** A complete, valid draft from Ofsted unless told otherwise: {@code aReportDraft().withTitle(null).build()}. */
public final class ReportDraftBuilder {

    private java.util.List<String> addressees;

    private String title = "Inspection of services for children in Northdale";
    private String reportType = "OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS";
    private String subject = "Northdale Council";
    private String tier = "OFFICIAL-SENSITIVE";
    private String descriptor = null;
    private String handlingInstructions = "Reader lists only.";
    private Boolean subjectHadChanceToComment = true;
    private Boolean contentFinal = true;
    private Boolean subjectHasFinalUnderEmbargo = true;
    private OffsetDateTime expectedPublication = OffsetDateTime.of(2030, 1, 15, 0, 1, 0, 0, ZoneOffset.UTC);

    private ReportDraftBuilder() {
    }

    public static ReportDraftBuilder aReportDraft() {
        return new ReportDraftBuilder();
    }

    public ReportDraftBuilder withTitle(String value) {
        title = value;
        return this;
    }

    public ReportDraftBuilder withReportType(String value) {
        reportType = value;
        return this;
    }

    public ReportDraftBuilder withSubject(String value) {
        subject = value;
        return this;
    }

    public ReportDraftBuilder withTier(String value) {
        tier = value;
        return this;
    }

    public ReportDraftBuilder withDescriptor(String value) {
        descriptor = value;
        return this;
    }

    public ReportDraftBuilder withHandlingInstructions(String value) {
        handlingInstructions = value;
        return this;
    }

    public ReportDraftBuilder withSubjectHadChanceToComment(Boolean value) {
        subjectHadChanceToComment = value;
        return this;
    }

    public ReportDraftBuilder withContentFinal(Boolean value) {
        contentFinal = value;
        return this;
    }

    public ReportDraftBuilder withSubjectHasFinalUnderEmbargo(Boolean value) {
        subjectHasFinalUnderEmbargo = value;
        return this;
    }

    public ReportDraftBuilder addressedTo(String... codes) {
        addressees = java.util.List.of(codes);
        return this;
    }

    public ReportDraft build() {
        return new ReportDraft(title, reportType, subject, tier, descriptor, handlingInstructions,
                subjectHadChanceToComment, contentFinal, subjectHasFinalUnderEmbargo, expectedPublication, addressees);
    }
}
