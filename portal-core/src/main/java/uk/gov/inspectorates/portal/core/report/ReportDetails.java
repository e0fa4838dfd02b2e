package uk.gov.inspectorates.portal.core.report;

import java.time.OffsetDateTime;
import uk.gov.inspectorates.portal.core.classification.Classification;

/** A checked {@link ReportDraft}: every field present and valid, the attestations all given. */
public record ReportDetails(String title, ReportType type, String subject, Classification classification,
                            String handlingInstructions, Attestations attestations,
                            OffsetDateTime expectedPublication) {
}
