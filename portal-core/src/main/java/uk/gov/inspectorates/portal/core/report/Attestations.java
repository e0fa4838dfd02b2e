package uk.gov.inspectorates.portal.core.report;

/** The three pre-publication conditions of the protocol, each attested by the sharer. */
public record Attestations(boolean subjectHadChanceToComment, boolean contentFinal,
                           boolean subjectHasFinalUnderEmbargo) {
}
