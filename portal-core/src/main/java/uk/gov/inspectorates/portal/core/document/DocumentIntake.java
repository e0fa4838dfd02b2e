package uk.gov.inspectorates.portal.core.document;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The intake pipeline for one file: size cap while streaming, type detected from the bytes and checked against the
 * context's allow-list and the declared name, then the bytes flow once, teed into the malware scanner and into
 * encryption and storage in the same pass. The stored object is kept only on a clean verdict: when the file is
 * infected, or there is no verdict (scanner unavailable), it is deleted before the refusal is thrown. A refused
 * file leaves nothing stored.
 */
public final class DocumentIntake {

    /** Enough for any detector's magic-byte prefix; bounds how far detection may read ahead. */
    static final int DETECTION_PREFIX_BYTES = 64 * 1024;

    private final ContentTypeDetector detector;
    private final ContentScanner scanner;
    private final DocumentStore store;
    private final long maxBytes;

    public DocumentIntake(ContentTypeDetector detector, ContentScanner scanner, DocumentStore store, long maxBytes) {
        this.detector = detector;
        this.scanner = scanner;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Accepts the file into storage under the key scope (e.g. its report's) or refuses it, keeping nothing. */
    public AcceptedDocument accept(IncomingDocument incoming, AllowedTypes allowed, KeyScope scope) {
        String name = FileNames.normalise(incoming.declaredName());
        InputStream capped = new SizeCappedInputStream(incoming.content(), maxBytes);
        BufferedInputStream content = new BufferedInputStream(capped, DETECTION_PREFIX_BYTES);
        try {
            String mediaType = checkType(content, name, allowed);
            StoredContent stored = scannedAndStored(scope, content);
            return new AcceptedDocument(name, mediaType, stored);
        } catch (IOException e) {
            if (causedByCap(e)) {
                throw tooLarge();
            }
            ScanningUnavailable scanFailure = scanFailure(e);
            if (scanFailure != null) {
                throw scanFailure;
            }
            throw new UncheckedIOException("the file could not be stored", e);
        }
    }

    /**
     * One pass: every byte the store reads is first fed to the scan. A failed read (cap, scanner, client) makes
     * the store keep nothing; after the store returns, only a clean verdict keeps the object.
     */
    private StoredContent scannedAndStored(KeyScope scope, InputStream content) throws IOException {
        try (ContentScanner.ScanSession scan = scanner.start()) {
            StoredContent stored = store.store(scope, new ScanningInputStream(content, scan));
            ScanVerdict verdict;
            try {
                verdict = scan.verdict();
            } catch (RuntimeException noVerdict) {
                throw discarded(stored, noVerdict);
            }
            if (!verdict.clean()) {
                throw discarded(stored, refusal(verdict));
            }
            return stored;
        }
    }

    /** The refusal for a finding; the signature goes to the audit trail only. */
    static UploadRejected refusal(ScanVerdict verdict) {
        String audit = "signature=" + verdict.signature().orElseThrow();
        return switch (verdict.finding()) {
            case MALWARE -> new UploadRejected(UploadRejected.Reason.MALWARE,
                    "The selected file contains a virus", audit);
            case ENCRYPTED -> passwordProtected(audit);
            case TOO_COMPLEX -> new UploadRejected(UploadRejected.Reason.TOO_COMPLEX,
                    "The selected file could not be checked for viruses because it is too complex (it is too"
                            + " deeply nested, holds too many files or expands too much). Simplify it, or save it"
                            + " again as a plain document, and upload it again", audit);
            case CLEAN -> throw new IllegalArgumentException("a clean verdict is no refusal");
        };
    }

    private static UploadRejected passwordProtected(String audit) {
        return new UploadRejected(UploadRejected.Reason.ENCRYPTED,
                "The selected file is password-protected. Remove the password and upload it again:"
                        + " protected files cannot be checked for viruses", audit);
    }

    /** Deletes a stored object that must not be kept; a failed deletion travels with the refusal. */
    private <T extends RuntimeException> T discarded(StoredContent stored, T refusal) {
        try {
            store.delete(stored);
        } catch (IOException | RuntimeException e) {
            refusal.addSuppressed(e);
        }
        return refusal;
    }

    private static ScanningUnavailable scanFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ScanningInputStream.ScanFailed failed) {
                return failed.unavailable();
            }
        }
        return null;
    }

    /** The detected type, or a refusal; {@code content} is left at its start (mark/reset). */
    String checkType(BufferedInputStream content, String declaredName, AllowedTypes allowed)
            throws IOException {
        content.mark(DETECTION_PREFIX_BYTES);
        if (content.read() < 0) {
            throw new UploadRejected(UploadRejected.Reason.EMPTY, "The selected file is empty");
        }
        content.reset();
        String mediaType = detector.detect(content, declaredName);
        content.reset();
        // clamd sees only ciphertext in such a container and calls it clean: it must be refused here, by its type
        if (ContentTypeDetector.PASSWORD_PROTECTED_OOXML.equals(mediaType)) {
            throw passwordProtected("type=" + mediaType);
        }
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

    UploadRejected tooLarge() {
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
