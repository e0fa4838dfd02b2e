package uk.gov.inspectorates.portal.core.report;

import java.util.List;
import uk.gov.inspectorates.portal.core.shared.FieldError;

/** Free-text fields of the report forms: required or optional, stripped, within a length. */
final class TextFields {

    private TextFields() {
    }

    static String required(String value, String field, String missing, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        return optional(value, field, max, errors);
    }

    static String optional(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            errors.add(new FieldError(field, "This must be " + max + " characters or fewer"));
            return null;
        }
        return value.strip();
    }
}
