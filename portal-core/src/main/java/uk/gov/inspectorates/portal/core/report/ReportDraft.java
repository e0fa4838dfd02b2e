package uk.gov.inspectorates.portal.core.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a sharer submits about a report, as given (any field may be missing); {@link ReportValidator} checks it.
 * No addressees (null or empty) means every other party.
 */
public record ReportDraft(String title, String reportType, String subject, String classificationTier,
                          String classificationDescriptor, String handlingInstructions,
                          Boolean subjectHadChanceToComment, Boolean contentFinal,
                          Boolean subjectHasFinalUnderEmbargo, OffsetDateTime expectedPublication,
                          List<String> addressees) {
}
