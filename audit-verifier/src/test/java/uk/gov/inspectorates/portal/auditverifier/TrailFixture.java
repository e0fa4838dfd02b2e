package uk.gov.inspectorates.portal.auditverifier;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** A seeded, made-up trail: events with awkward values, chained, checkpoints signed with a generated test key. */
final class TrailFixture {

    static final KeyPair KEY = generate();
    static final KeyPair OTHER_KEY = generate();
    private static final String[] AWKWARD = {null, "", "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "'quoted",
        "''", "a,b", "say \"hi\"", "two\r\nlines", "\ttab", "ünïcødé ✓", " spaced ", "#checkpoint", "plain"};

    private TrailFixture() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> randomFields(Random random, long seq) {
        List<String> fields = new ArrayList<>();
        fields.add(Long.toString(seq));
        fields.add(Instant.parse("2026-12-06T08:00:00Z").plusNanos(seq * 1_000_123_000L).toString());
        for (int i = 2; i < AuditChain.FIELDS.size(); i++) {
            fields.add(random.nextInt(3) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)]
                    : AuditChain.FIELDS.get(i) + "-" + random.nextInt(1000));
        }
        return fields;
    }

    /** {@code events} chained rows, seqs from {@code firstSeq} with the odd gap (rolled-back inserts). */
    static List<ChainRow> chain(Random random, long firstSeq, int events, byte[] previous) {
        List<ChainRow> rows = new ArrayList<>();
        long seq = firstSeq;
        for (int i = 0; i < events; i++) {
            List<String> fields = randomFields(random, seq);
            byte[] hash = AuditChain.link(previous, AuditChain.contentDigest(fields));
            rows.add(ChainRow.full(seq, fields, previous, hash));
            previous = hash;
            seq += random.nextInt(10) == 0 ? 2 : 1;
        }
        return rows;
    }

    static Checkpoint sign(KeyPair key, long seq, byte[] head, Instant at) {
        return sign(key, seq, head, at, SigningKeys.keyId(key.getPublic()));
    }

    static Checkpoint sign(KeyPair key, long seq, byte[] head, Instant at, String keyId) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key.getPrivate());
            signature.update(AuditChain.checkpointPayload(seq, head, at, keyId)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Checkpoint(seq, head, at, keyId, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checkpoints every {@code every} rows and one on the last row. */
    static List<Checkpoint> checkpoints(List<ChainRow> rows, int every) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if ((i + 1) % every == 0 || i == rows.size() - 1) {
                checkpoints.add(sign(KEY, rows.get(i).seq(), rows.get(i).hash(),
                        Instant.parse("2026-12-06T10:00:00Z").plusSeconds(i)));
            }
        }
        return checkpoints;
    }

    static PublicKey publicKey() {
        return KEY.getPublic();
    }

    static byte[] flipped(byte[] bytes) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}
