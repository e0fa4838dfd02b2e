package uk.gov.inspectorates.portal.core.report;

import java.time.OffsetDateTime;
import java.util.Set;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** A checked {@link ReportDraft}: every field present and valid, the attestations all given. */
public record ReportDetails(String title, ReportType type, String subject, Classification classification,
                            String handlingInstructions, Attestations attestations,
                            OffsetDateTime expectedPublication, Set<Inspectorate> addressees) {

    /** A last line of defence behind {@link ReportValidator}: nothing incomplete or above OFFICIAL-SENSITIVE. */
    public ReportDetails {
        java.util.Objects.requireNonNull(title, "title");
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(subject, "subject");
        java.util.Objects.requireNonNull(handlingInstructions, "handlingInstructions");
        addressees = Set.copyOf(addressees);
        if (addressees.isEmpty() || addressees.contains(type.inspectorate())) {
            throw new IllegalArgumentException("a report is addressed to at least one other party");
        }
        if (!classification.tier().permittedInPortal()) {
            throw new IllegalArgumentException(classification.tier() + " is not permitted in the portal");
        }
        if (!(attestations.subjectHadChanceToComment() && attestations.contentFinal()
                && attestations.subjectHasFinalUnderEmbargo())) {
            throw new IllegalArgumentException("all three pre-publication attestations are required");
        }
    }
}
