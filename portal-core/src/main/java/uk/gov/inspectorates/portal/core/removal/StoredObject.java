package uk.gov.inspectorates.portal.core.removal;

/** One object of a key scope as its row records it: the object key and its sizes (never a name or content). */
public record StoredObject(String objectKey, long plaintextBytes, long storedBytes) {
}
