package uk.gov.inspectorates.portal.storage.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Seals and opens single segments of one object: one key, one header, one object id. */
final class SegmentCipher {

    static final int TAG_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final long MAX_SEGMENTS = 1L << 32;

    // The JDK's own provider, named explicitly: a Bouncy Castle provider registered ahead of it would otherwise
    // be picked for bulk data, and its GCM is many times slower.
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String PROVIDER = "SunJCE";

    private final SecretKey key;
    private final byte[] noncePrefix;
    private final byte[] aad;
    private final Cipher cipher;

    SegmentCipher(byte[] dataKey, EnvelopeHeader header, String objectId) {
        if (dataKey == null || dataKey.length != 32) {
            throw new IllegalArgumentException("data key must be 32 bytes (AES-256)");
        }
        if (objectId == null || objectId.isEmpty()) {
            throw new IllegalArgumentException("object id is required");
        }
        this.key = new SecretKeySpec(dataKey, "AES");
        this.noncePrefix = header.noncePrefix();
        byte[] headerBytes = header.toBytes();
        byte[] id = objectId.getBytes(StandardCharsets.UTF_8);
        this.aad = ByteBuffer.allocate(headerBytes.length + id.length).put(headerBytes).put(id).array();
        try {
            this.cipher = Cipher.getInstance(TRANSFORMATION, PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM from the JDK provider " + PROVIDER + " is not available", e);
        }
    }

    /** Encrypts {@code length} bytes of {@code in} into {@code out}; returns the bytes written (length + tag). */
    int seal(long index, boolean last, byte[] in, int length, byte[] out) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(index, last));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("segment encryption failed", e);
        }
    }

    /** Authenticates and decrypts one whole segment; {@code out} must not be used when this throws. */
    int open(long index, boolean last, byte[] in, int length, byte[] out) throws TamperedContentException {
        return open(index, last, in, length, out, 0);
    }

    /** The same, into {@code out} from {@code outOffset}, which must have room for {@code length - TAG_LENGTH}. */
    int open(long index, boolean last, byte[] in, int length, byte[] out, int outOffset)
            throws TamperedContentException {
        if (length < TAG_LENGTH) {
            throw new TamperedContentException("segment " + index + " is shorter than its authentication tag");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nonce(index, last));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, 0, length, out, outOffset);
        } catch (AEADBadTagException e) {
            throw new TamperedContentException("segment " + index + " failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("segment decryption failed", e);
        }
    }

    private GCMParameterSpec nonce(long index, boolean last) {
        if (index < 0 || index >= MAX_SEGMENTS) {
            throw new IllegalStateException("too many segments for one object");
        }
        byte[] nonce = ByteBuffer.allocate(NONCE_LENGTH)
                .put(noncePrefix)
                .putInt((int) index)
                .put(last ? (byte) 1 : (byte) 0)
                .array();
        return new GCMParameterSpec(TAG_LENGTH * 8, nonce);
    }
}
