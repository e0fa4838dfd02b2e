package uk.gov.inspectorates.portal.core.removal;

import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** What one information request of an inspection held when it was removed: its agency, documents and bytes. */
public record RequestTally(String requestId, Inspectorate requestedBy, String agencyId, String agencyName,
                           int documents, long plaintextBytes, long storedBytes) {
}
