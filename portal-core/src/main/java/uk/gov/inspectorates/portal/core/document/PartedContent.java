package uk.gov.inspectorates.portal.core.document;

import java.util.Objects;

/**
 * Content being stored part by part (a resumable upload): its key scope, opaque object key, the object store's
 * multipart-upload id, the wrapped data key, the encryption envelope's header (not secret), the plaintext length
 * announced at the start, and the plaintext size of every part but the last.
 */
public record PartedContent(KeyScope scope, String objectKey, String partsUploadId, WrappedKey dataKey,
                            byte[] envelopeHeader, long length, int partSize, long storedBytes) {

    /** S3's limit on the parts of one object. */
    public static final int MAX_PARTS = 10_000;

    public PartedContent {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(partsUploadId, "partsUploadId");
        Objects.requireNonNull(dataKey, "dataKey");
        envelopeHeader = envelopeHeader.clone();
        if (length <= 0 || partSize <= 0) {
            throw new IllegalArgumentException("parted content needs a positive length and part size");
        }
        if (partCount(length, partSize) > MAX_PARTS) {
            throw new IllegalArgumentException("more than " + MAX_PARTS + " parts");
        }
    }

    @Override
    public byte[] envelopeHeader() {
        return envelopeHeader.clone();
    }

    public int partCount() {
        return partCount(length, partSize);
    }

    /** The plaintext size of part {@code number} (1-based). */
    public int partLength(int number) {
        if (number < 1 || number > partCount()) {
            throw new IllegalArgumentException("no part " + number + " of " + partCount());
        }
        return (int) Math.min(partSize, length - (long) (number - 1) * partSize);
    }

    /** The whole content, once assembled, as stored content with its plaintext digest. */
    public StoredContent stored(String plaintextSha256) {
        return new StoredContent(scope, objectKey, dataKey, length, storedBytes, plaintextSha256);
    }

    public static int partCount(long length, int partSize) {
        return (int) Math.min(Integer.MAX_VALUE, (length + partSize - 1) / partSize);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartedContent that && objectKey.equals(that.objectKey)
                && partsUploadId.equals(that.partsUploadId);
    }

    @Override
    public int hashCode() {
        return objectKey.hashCode();
    }

    @Override
    public String toString() {
        return "PartedContent[" + scope + ", " + objectKey + ", " + length + " bytes in parts of " + partSize + "]";
    }
}
