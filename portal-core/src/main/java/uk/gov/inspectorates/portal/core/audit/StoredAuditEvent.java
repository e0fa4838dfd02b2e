package uk.gov.inspectorates.portal.core.audit;

import java.util.Objects;

/** An event as the trail holds it: its place in the chain (seq), the previous event's hash and its own. */
public record StoredAuditEvent(long seq, AuditEvent event, byte[] previousHash, byte[] hash) {
    public StoredAuditEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(hash, "hash");
    }
}
