package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a retention policy will remove (or put up for review): its category, what it is ({@code kind} and
 * {@code id}, e.g. "INSPECTION" and the inspection's id), a description safe to show an administrator (never content,
 * a title or a child's identifier: e.g. "inspection of Northdale, closed 2 Dec 2026"), when its period ends, and the
 * legal-hold target that would stop it (null for data that cannot be held, such as a share draft).
 */
public record RemovalCandidate(RetentionCategory category, String kind, String id, String description,
                               Instant dueAt, HoldTarget holdTarget) {

    public RemovalCandidate {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    public boolean dueBy(Instant now) {
        return !dueAt.isAfter(now);
    }
}
