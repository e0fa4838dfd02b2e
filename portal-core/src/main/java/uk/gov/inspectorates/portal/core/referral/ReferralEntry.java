package uk.gov.inspectorates.portal.core.referral;

import java.time.Instant;
import java.util.Objects;

/**
 * One step taken on a referral: by whom (their id, and their name as it was then: the form is signed by people), when,
 * and its text (a response or an evaluation; none for a sign-off).
 */
public record ReferralEntry(String text, String byUserId, String byName, Instant at) {
    public ReferralEntry {
        Objects.requireNonNull(byUserId, "byUserId");
        Objects.requireNonNull(byName, "byName");
        Objects.requireNonNull(at, "at");
    }
}
