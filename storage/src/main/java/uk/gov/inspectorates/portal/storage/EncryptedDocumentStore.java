package uk.gov.inspectorates.portal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.ObjectParts;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.document.PartedContent;
import uk.gov.inspectorates.portal.core.document.PartedDocuments;
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
public final class EncryptedDocumentStore implements DocumentStore, PartedDocuments {

    static final String KEY_PREFIX = "objects/";

    private final ObjectStore objects;
    private final ObjectParts parts;
    private final KeyService keys;
    private final EnvelopeCipher cipher;
    private final SecureRandom random = new SecureRandom();

    public <S extends ObjectStore & ObjectParts> EncryptedDocumentStore(S objects, KeyService keys,
                                                                        EnvelopeCipher cipher) {
        this(objects, objects, keys, cipher);
    }

    public EncryptedDocumentStore(ObjectStore objects, ObjectParts parts, KeyService keys, EnvelopeCipher cipher) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.parts = Objects.requireNonNull(parts, "parts");
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
        return open(content.scope(), content.objectKey(), content.dataKey());
    }

    private InputStream open(KeyScope scope, String objectKey, WrappedKey wrapped) throws IOException {
        byte[] dataKey = keys.unwrap(scope, wrapped, objectKey);
        try {
            return cipher.decrypt(objects.get(objectKey), dataKey, objectKey);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Starts at the segment holding {@code from}: ranged reads of the header and of the segments from there on, so a
     * resumed download neither fetches nor decrypts what it skips (docs/adr/0037).
     */
    @Override
    public InputStream open(StoredContent content, long from) throws IOException {
        if (from < 0 || from > content.plaintextBytes()) {
            throw new IllegalArgumentException("from " + from + " outside 0.." + content.plaintextBytes());
        }
        if (from == 0) {
            return open(content);
        }
        if (from == content.plaintextBytes()) {
            return InputStream.nullInputStream();
        }
        String objectKey = content.objectKey();
        byte[] dataKey = keys.unwrap(content.scope(), content.dataKey(), objectKey);
        try {
            return cipher.decrypt((offset, length) -> objects.get(objectKey, offset, length), from, dataKey,
                    objectKey);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    @Override
    public void delete(StoredContent content) throws IOException {
        objects.delete(content.objectKey());
    }

    /**
     * The part size must be whole segments, so that every part but the last seals whole segments and the parts
     * concatenate to one envelope (docs/adr/0009).
     */
    @Override
    public PartedContent startParts(KeyScope scope, long length, int partSize) throws IOException {
        if (partSize % cipher.segmentSize() != 0) {
            throw new IllegalArgumentException("the part size must be a multiple of " + cipher.segmentSize());
        }
        String objectKey = newObjectKey();
        byte[] dataKey = new byte[EnvelopeCipher.KEY_LENGTH];
        random.nextBytes(dataKey);
        try {
            WrappedKey wrapped = keys.wrap(scope, dataKey, objectKey);
            String partsId = parts.startParts(objectKey);
            return new PartedContent(scope, objectKey, partsId, wrapped, cipher.newHeader(), length, partSize,
                    EnvelopeCipher.ciphertextLength(length, cipher.segmentSize()));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    @Override
    public String storePart(PartedContent content, int number, byte[] plaintext) throws IOException {
        int length = content.partLength(number);
        if (plaintext.length != length) {
            throw new IllegalArgumentException("part " + number + " must be " + length + " bytes, not "
                    + plaintext.length);
        }
        byte[] dataKey = keys.unwrap(content.scope(), content.dataKey(), content.objectKey());
        byte[] ciphertext;
        try {
            long firstSegment = (long) (number - 1) * content.partSize() / cipher.segmentSize();
            ciphertext = cipher.encryptPart(content.envelopeHeader(), plaintext, length, firstSegment,
                    number == content.partCount(), dataKey, content.objectKey());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        return parts.putPart(content.objectKey(), content.partsUploadId(), number, ciphertext, ciphertext.length);
    }

    @Override
    public void assemble(PartedContent content, List<String> tags) throws IOException {
        if (tags.size() != content.partCount()) {
            throw new IllegalArgumentException("assembling needs all " + content.partCount() + " parts");
        }
        parts.completeParts(content.objectKey(), content.partsUploadId(), tags);
    }

    @Override
    public InputStream open(PartedContent content) throws IOException {
        return open(content.scope(), content.objectKey(), content.dataKey());
    }

    @Override
    public void discard(PartedContent content) throws IOException {
        parts.abortParts(content.objectKey(), content.partsUploadId());
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
