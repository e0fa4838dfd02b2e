package uk.gov.inspectorates.portal.core.audit;

import java.time.Instant;
import java.util.Objects;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;

/**
 * The chain's head (seq and hash) at a time, signed with the audit signing key (whose private half is in the
 * keystore, never in the database): {@code signature} is over {@link AuditChain#checkpointPayload}.
 */
public record AuditCheckpoint(long seq, byte[] headHash, Instant at, String keyId, byte[] signature) {
    public AuditCheckpoint {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    public String payload() {
        return AuditChain.checkpointPayload(seq, headHash, at, keyId);
    }
}
