package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A report being prepared for sharing through the task list, section by section, as its sharer typed it; kept so
 * that a sharer can stop and come back. It holds the details only: the file is chosen at the last step.
 */
public record ShareDraft(String id, String ownerId, Map<String, String> fields, Instant updatedAt) {

    public ShareDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        fields = Map.copyOf(fields);
    }
}
