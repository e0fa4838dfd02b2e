package uk.gov.inspectorates.portal.auditverifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** A signed checkpoint: the chain's head (seq, hash) at a time, signed under a key id ({@link AuditChain}). */
public record Checkpoint(long seq, byte[] head, Instant at, String keyId, byte[] signature) {

    public Checkpoint {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    /** The bytes the signature is over. */
    public byte[] payload() {
        return AuditChain.checkpointPayload(seq, head, at, keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** Same seq, head, time, key and signature (records compare arrays by identity). */
    public boolean sameAs(Checkpoint other) {
        return other != null && seq == other.seq && Arrays.equals(head, other.head) && at.equals(other.at)
                && keyId.equals(other.keyId) && Arrays.equals(signature, other.signature);
    }
}
