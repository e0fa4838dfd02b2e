package uk.gov.inspectorates.portal.auditverifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One event as a verifier sees it: its seq, the previous event's hash, its content digest and its hash, and either
 * all its {@link AuditChain#FIELDS} ({@link Kind#FULL}: the digest is recomputed from them) or none of them
 * ({@link Kind#REDACTED}: another party's event in an export; the digest is taken as given and the link checked).
 */
public record ChainRow(long seq, Kind kind, List<String> fields, byte[] previousHash, byte[] contentDigest,
                       byte[] hash) {

    public enum Kind { FULL, REDACTED }

    public ChainRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hash, "hash");
        if (kind == Kind.FULL) {
            if (fields == null || fields.size() != AuditChain.FIELDS.size()) {
                throw new IllegalArgumentException("a full row has " + AuditChain.FIELDS.size() + " fields");
            }
            fields = Collections.unmodifiableList(new ArrayList<>(fields));
        } else {
            fields = null;
        }
        if (kind == Kind.REDACTED) {
            Objects.requireNonNull(contentDigest, "a redacted row keeps its content digest");
        }
    }

    /** A full row; its content digest is computed from the fields. */
    public static ChainRow full(long seq, List<String> fields, byte[] previousHash, byte[] hash) {
        return new ChainRow(seq, Kind.FULL, fields, previousHash, AuditChain.contentDigest(fields), hash);
    }

    public static ChainRow redacted(long seq, byte[] previousHash, byte[] contentDigest, byte[] hash) {
        return new ChainRow(seq, Kind.REDACTED, null, previousHash, contentDigest, hash);
    }

    /** The same event with its fields left out (seq, previous hash, content digest and hash kept). */
    public ChainRow redact() {
        return kind == Kind.FULL ? redacted(seq, previousHash, contentDigest, hash) : this;
    }
}
