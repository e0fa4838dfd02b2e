package uk.gov.inspectorates.portal.auditverifier;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The definition of the audit trail's hash chain (version 2), shared by the portal that writes it and by every
 * verifier that checks it (the portal's own and the standalone command-line tool a SIRO runs on an export).
 *
 * <p>Each event's <em>content digest</em> is SHA-256 over its fields in {@link #FIELDS} order, each encoded as a
 * presence byte, a 4-byte big-endian length and its UTF-8 bytes, so that fields cannot run into each other. Its
 * <em>hash</em> (the chain link) is SHA-256 over the domain tag {@code portal-audit-chain-v2}, the previous event's
 * hash (none for the first event) and the content digest. Linking the digest rather than the fields lets an export
 * leave out another party's event (its fields) while keeping its seq, previous hash and content digest, so the chain
 * still runs unbroken up to a signed checkpoint (docs/adr/0031).
 *
 * <p>A checkpoint signs {@link #checkpointPayload}: the sequence number and hash of the chain's head at a moment.
 */
public final class AuditChain {

    /** The fields of an event, in the order the content digest takes them (the CSV export's column names too). */
    public static final List<String> FIELDS = List.of("seq", "at", "actor_id", "actor_organisation_id",
            "actor_roles", "action", "resource_type", "resource_id", "report_id", "inspection_id",
            "information_owners", "outcome", "detail", "download_id", "client_address", "user_agent");

    private static final byte[] CHAIN_TAG = "portal-audit-chain-v2".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /**
     * SHA-256 over the fields (in {@link #FIELDS} order; null for an absent field, which differs from ""). The
     * caller formats them: seq in decimal, at as {@link Instant#toString()} of a microsecond-truncated instant,
     * information owners sorted and joined by ','.
     */
    public static byte[] contentDigest(List<String> values) {
        if (values.size() != FIELDS.size()) {
            throw new IllegalArgumentException("an event has " + FIELDS.size() + " fields, not " + values.size());
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(256);
        for (String value : values) {
            byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
            encoded.write(value == null ? 0 : 1);
            encoded.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            encoded.writeBytes(bytes);
        }
        return sha256(encoded.toByteArray());
    }

    /** The chain link: SHA-256 over the tag, the previous hash (null for the first event) and the content digest. */
    public static byte[] link(byte[] previousHash, byte[] contentDigest) {
        Objects.requireNonNull(contentDigest, "contentDigest");
        MessageDigest digest = sha256();
        digest.update(CHAIN_TAG);
        digest.update(previousHash == null ? new byte[0] : previousHash);
        digest.update(contentDigest);
        return digest.digest();
    }

    /** What a checkpoint signs (UTF-8 bytes of this text): the head's seq and hash at a time, under a key id. */
    public static String checkpointPayload(long seq, byte[] headHash, Instant at, String keyId) {
        return "portal-audit-checkpoint-v1\nseq=" + seq + "\nhead=" + hex(headHash) + "\nat=" + at + "\nkey="
                + keyId + "\n";
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? "" : HexFormat.of().formatHex(bytes);
    }

    public static byte[] unhex(String text) {
        return text == null || text.isEmpty() ? null : HexFormat.of().parseHex(text);
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
