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

    /**
     * A draft from the share form's fields: ticked boxes send "true", the expected publication is a UK date
     * (YYYY-MM-DD), the parties are the ticked ones joined with commas, and nothing ticked is not "everyone".
     */
    public static ReportDraft ofForm(java.util.Map<String, String> fields, java.time.ZoneId zone) {
        return new ReportDraft(fields.get("title"), fields.get("reportType"), fields.get("subject"),
                fields.get("classificationTier"), fields.get("classificationDescriptor"),
                fields.get("handlingInstructions"), "true".equals(fields.get("subjectHadChanceToComment")),
                "true".equals(fields.get("contentFinal")), "true".equals(fields.get("subjectHasFinalUnderEmbargo")),
                formDate(fields.get("expectedPublication"), zone), formParties(fields.get("addressees")));
    }

    private static OffsetDateTime formDate(String date, java.time.ZoneId zone) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(date.strip()).atStartOfDay(zone).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            throw uk.gov.inspectorates.portal.core.shared.InvalidInput.of("expectedPublication",
                    "Enter the expected publication date as YYYY-MM-DD");
        }
    }

    private static List<String> formParties(String ticked) {
        return ticked == null || ticked.isBlank() ? List.of("") : List.of(ticked.split(","));
    }
}
