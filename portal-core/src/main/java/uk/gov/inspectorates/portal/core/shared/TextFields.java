package uk.gov.inspectorates.portal.core.shared;

import java.util.List;

/** Free-text fields of the forms: required or optional, stripped, within a length (one message for each failure). */
public final class TextFields {

    private TextFields() {
    }

    public static String required(String value, String field, String missing, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        return optional(value, field, max, errors);
    }

    public static String optional(String value, String field, int max, List<FieldError> errors) {
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
