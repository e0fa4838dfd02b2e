package uk.gov.inspectorates.portal.core.shared;

/** One invalid input field and what is wrong with it, in words a user can act on. */
public record FieldError(String field, String message) {
}
