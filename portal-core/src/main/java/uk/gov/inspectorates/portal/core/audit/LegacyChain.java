package uk.gov.inspectorates.portal.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Chain version 1, as events were hashed before issue 18 (docs/adr/0031): SHA-256 over the previous hash and the
 * eight original fields in line. Kept only so that the portal's verifier can check those older events, which the
 * version 2 chain continues from; nothing is written this way any more.
 */
public final class LegacyChain {

    private LegacyChain() {
    }

    public static byte[] hash(byte[] previous, AuditEvent event) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous == null ? new byte[0] : previous);
            for (String field : new String[] {event.at().toString(), event.actorId(), event.actorOrganisationId(),
                    event.action(), event.resourceType(), event.resourceId(), event.outcome().name(),
                    event.detail()}) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                digest.update(new byte[] {(byte) (field == null ? 0 : 1)});
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
