package uk.gov.inspectorates.portal.core.document;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The intake pipeline for one file: size cap while streaming, type detected from the bytes and checked against the
 * context's allow-list and the declared name, then encrypted into storage. A refused file leaves nothing stored.
 */
public final class DocumentIntake {

    /** Enough for any detector's magic-byte prefix; bounds how far detection may read ahead. */
    static final int DETECTION_PREFIX_BYTES = 64 * 1024;

    private final ContentTypeDetector detector;
    private final DocumentStore store;
    private final long maxBytes;

    public DocumentIntake(ContentTypeDetector detector, DocumentStore store, long maxBytes) {
        this.detector = detector;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public AcceptedDocument accept(IncomingDocument incoming, AllowedTypes allowed) {
        InputStream capped = new SizeCappedInputStream(incoming.content(), maxBytes);
        BufferedInputStream content = new BufferedInputStream(capped, DETECTION_PREFIX_BYTES);
        try {
            String mediaType = checkType(content, incoming.declaredName(), allowed);
            StoredContent stored = store.store(content);
            return new AcceptedDocument(incoming.declaredName(), mediaType, stored);
        } catch (IOException e) {
            if (causedByCap(e)) {
                throw tooLarge();
            }
            throw new UncheckedIOException("the file could not be stored", e);
        }
    }

    private String checkType(BufferedInputStream content, String declaredName, AllowedTypes allowed)
            throws IOException {
        content.mark(DETECTION_PREFIX_BYTES);
        if (content.read() < 0) {
            throw new UploadRejected(UploadRejected.Reason.EMPTY, "The selected file is empty");
        }
        content.reset();
        String mediaType = detector.detect(content, declaredName);
        content.reset();
        if (!allowed.allows(mediaType)) {
            throw new UploadRejected(UploadRejected.Reason.TYPE_NOT_ALLOWED,
                    "The selected file must be a " + allowed.describe() + " (its content is " + mediaType + ")");
        }
        if (!allowed.extensionMatches(mediaType, declaredName)) {
            throw new UploadRejected(UploadRejected.Reason.NAME_DOES_NOT_MATCH_CONTENT,
                    "The file name's extension does not match its content (" + mediaType + ")");
        }
        return mediaType;
    }

    /** Storage adapters may wrap the cap's exception; the cause chain still names it. */
    private static boolean causedByCap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeCappedInputStream.CapExceeded) {
                return true;
            }
        }
        return false;
    }

    private UploadRejected tooLarge() {
        return new UploadRejected(UploadRejected.Reason.TOO_LARGE,
                "The selected file must be smaller than " + humanSize(maxBytes));
    }

    static String humanSize(long bytes) {
        if (bytes >= 1024L * 1024 * 1024) {
            return (bytes / (1024L * 1024 * 1024)) + " GB";
        }
        if (bytes >= 1024L * 1024) {
            return (bytes / (1024L * 1024)) + " MB";
        }
        return bytes + " bytes";
    }
}
