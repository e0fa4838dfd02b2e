package uk.gov.inspectorates.portal.core.document;

/** A file that passed intake and is stored encrypted. */
public record AcceptedDocument(String fileName, String mediaType, StoredContent content) {
}
