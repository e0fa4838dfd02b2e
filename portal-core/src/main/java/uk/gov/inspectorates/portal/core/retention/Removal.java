package uk.gov.inspectorates.portal.core.retention;

import uk.gov.inspectorates.portal.core.document.KeyScope;

/** What a completed removal took away: counts only, never content or names. */
public record Removal(KeyScope scope, int objects, long plaintextBytes, long storedBytes, boolean kekDestroyed) {
}
