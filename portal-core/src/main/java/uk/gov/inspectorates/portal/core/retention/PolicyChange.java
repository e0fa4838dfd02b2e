package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.Objects;

/** One change of a category's retention policy: what it was, what it became, who changed it, when and why. */
public record PolicyChange(RetentionPolicy before, RetentionPolicy after, String changedBy,
                           String changedByOrganisation, Instant changedAt, String reason) {

    public PolicyChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(reason, "reason");
        if (before.category() != after.category()) {
            throw new IllegalArgumentException("a change is of one category");
        }
    }

    public RetentionCategory category() {
        return after.category();
    }
}
