package uk.gov.inspectorates.portal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;

/**
 * Envelope encryption over an {@link ObjectStore}: every document gets a fresh random data key, wrapped under the
 * key-encryption key of its {@link KeyScope} by the {@link KeyService}, and a random
 * object key ({@code objects/<32 hex>}, nothing derived from names or owners). The object key is bound into both
 * the segment authentication and the key wrapping, so neither ciphertext nor wrapped key can be moved to
 * another object.
 */
public final class EncryptedDocumentStore implements DocumentStore {

    static final String KEY_PREFIX = "objects/";

    private final ObjectStore objects;
    private final KeyService keys;
    private final EnvelopeCipher cipher;
    private final SecureRandom random = new SecureRandom();

    public EncryptedDocumentStore(ObjectStore objects, KeyService keys, EnvelopeCipher cipher) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public StoredContent store(KeyScope scope, InputStream plaintext) throws IOException {
        Objects.requireNonNull(scope, "scope");
        String objectKey = newObjectKey();
        byte[] dataKey = new byte[EnvelopeCipher.KEY_LENGTH];
        random.nextBytes(dataKey);
        try {
            WrappedKey wrapped = keys.wrap(scope, dataKey, objectKey);
            MeasuringStream measured = new MeasuringStream(plaintext, sha256());
            MeasuringStream ciphertext = new MeasuringStream(cipher.encrypt(measured, dataKey, objectKey), null);
            try {
                objects.put(objectKey, ciphertext, -1);
                long expected = EnvelopeCipher.ciphertextLength(measured.count(), cipher.segmentSize());
                if (ciphertext.count() != expected) {
                    throw new IOException("object store consumed " + ciphertext.count() + " ciphertext bytes, expected "
                            + expected + ": the stored object is incomplete");
                }
            } catch (IOException | RuntimeException | Error e) {
                deleteQuietly(objectKey, e);
                throw e;
            }
            return new StoredContent(scope, objectKey, wrapped, measured.count(), ciphertext.count(), measured.hexDigest());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Decrypts as the stream is read. Plaintext is released one authenticated segment at a time: a
     * {@link uk.gov.inspectorates.portal.storage.crypto.TamperedContentException} mid-stream means what was
     * already read must be discarded (an HTTP response must be aborted, not completed).
     *
     * @throws IllegalStateException from the {@link KeyService} when the data key cannot be unwrapped
     */
    @Override
    public InputStream open(StoredContent content) throws IOException {
        byte[] dataKey = keys.unwrap(content.scope(), content.dataKey(), content.objectKey());
        try {
            return cipher.decrypt(objects.get(content.objectKey()), dataKey, content.objectKey());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    @Override
    public void delete(StoredContent content) throws IOException {
        objects.delete(content.objectKey());
    }

    private String newObjectKey() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return KEY_PREFIX + HexFormat.of().formatHex(id);
    }

    private void deleteQuietly(String objectKey, Throwable original) {
        try {
            objects.delete(objectKey);
        } catch (IOException | RuntimeException e) {
            original.addSuppressed(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
