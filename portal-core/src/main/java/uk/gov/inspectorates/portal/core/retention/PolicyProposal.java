package uk.gov.inspectorates.portal.core.retention;

/**
 * A retention policy as an administrator proposes it, as typed (form) or sent (API): checked by
 * {@link RetentionAdministration} before anything changes.
 */
public record PolicyProposal(String amount, String unit, String action, String owner, String reason) {
}
