package uk.gov.inspectorates.portal.core.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The sections of the share task list and the form fields each one sets. */
public enum ShareSection {
    DETAILS("details", List.of("title", "reportType", "subject", "expectedPublication")),
    CLASSIFICATION("classification", List.of("classificationTier", "classificationDescriptor",
            "handlingInstructions")),
    ATTESTATIONS("attestations", List.of("subjectHadChanceToComment", "contentFinal",
            "subjectHasFinalUnderEmbargo")),
    ADDRESSEES("addressees", List.of("addressees"));

    private final String slug;
    private final List<String> fields;

    ShareSection(String slug, List<String> fields) {
        this.slug = slug;
        this.fields = fields;
    }

    public String slug() {
        return slug;
    }

    public List<String> fields() {
        return fields;
    }

    /** Whether a field error (validator field path) belongs to this section. */
    public boolean owns(String errorField) {
        String field = errorField.startsWith("attestations.") ? errorField.substring("attestations.".length())
                : errorField.equals("classification.tier") ? "classificationTier"
                : errorField.equals("classification.descriptor") ? "classificationDescriptor"
                : errorField;
        return fields.contains(field);
    }

    public static Optional<ShareSection> bySlug(String slug) {
        return Arrays.stream(values()).filter(section -> section.slug.equals(slug)).findFirst();
    }
}
