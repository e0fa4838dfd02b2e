package uk.gov.inspectorates.portal.core.document;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The intake pipeline for one file: size cap while streaming, type detected from the bytes and checked against the
 * context's allow-list and the declared name, then the bytes flow once, teed into the malware scanner and into
 * encryption and storage in the same pass, and into the content inspection (active content, Office packages) and
 * the caller's content check, if any. The stored object is kept only on a clean verdict: when the file is
 * infected, or there is no verdict (scanner unavailable), it is deleted before the refusal is thrown. A refused
 * file leaves nothing stored.
 */
public final class DocumentIntake {

    /** Enough for any detector's magic-byte prefix; bounds how far detection may read ahead. */
    static final int DETECTION_PREFIX_BYTES = 64 * 1024;

    /**
     * What tika-core calls an Office package from its first bytes (or any zip): its real type (DOCX, XLSX, PPTX) is
     * known only once the {@link ContentInspector} has read its content-type list.
     */
    static final Set<String> PACKAGE_TYPES = Set.of("application/x-tika-ooxml", "application/zip");

    private final ContentTypeDetector detector;
    private final ContentInspector inspector;
    private final ContentScanner scanner;
    private final DocumentStore store;
    private final long maxBytes;

    public DocumentIntake(ContentTypeDetector detector, ContentInspector inspector, ContentScanner scanner,
                          DocumentStore store, long maxBytes) {
        this.detector = detector;
        this.inspector = inspector;
        this.scanner = scanner;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** An inspection of a file whose bytes arrive some other way (a resumable upload read back once assembled). */
    ContentInspector.Inspection inspection(String detectedType, long length) {
        return inspector.start(detectedType, length);
    }

    /** Accepts the file into storage under the key scope (e.g. its report's) or refuses it, keeping nothing. */
    public AcceptedDocument accept(IncomingDocument incoming, AllowedTypes allowed, KeyScope scope) {
        return accept(incoming, allowed, scope, ContentCheck.NONE);
    }

    /**
     * As {@link #accept(IncomingDocument, AllowedTypes, KeyScope)}, and the caller's {@code check} sees the
     * plaintext in the same pass and may refuse the file before it is kept.
     */
    public AcceptedDocument accept(IncomingDocument incoming, AllowedTypes allowed, KeyScope scope,
                                   ContentCheck check) {
        String name = FileNames.normalise(incoming.declaredName());
        InputStream capped = new SizeCappedInputStream(incoming.content(), maxBytes);
        BufferedInputStream content = new BufferedInputStream(capped, DETECTION_PREFIX_BYTES);
        try {
            String detected = checkType(content, name, allowed);
            ContentInspector.Inspection inspection = inspector.start(detected, -1);
            try {
                ContentCheck.Session checking = check.start();
                InputStream teed = new TeeInputStream(content, List.of(inspection::feed, checking::feed));
                StoredContent stored = scannedAndStored(scope, teed, detected);
                String mediaType;
                try {
                    mediaType = inspection.conclude();
                    checkWholeType(mediaType, name, allowed);
                    checking.conclude(mediaType);
                } catch (RuntimeException refused) {
                    throw discarded(stored, refused);
                }
                return new AcceptedDocument(name, mediaType, stored);
            } finally {
                inspection.close();
            }
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
     * One pass: every byte the store reads is first fed to the scan, which the scanner may cut into windows by the
     * detected type (docs/adr/0036). A failed read (cap, scanner, client) makes the store keep nothing; after the
     * store returns, only a clean verdict for the whole file keeps the object. A scan that ran out of time (a busy
     * clamd) is run once more from the stored copy, decrypted as it is read, never from a plaintext file.
     */
    private StoredContent scannedAndStored(KeyScope scope, InputStream content, String detectedType)
            throws IOException {
        StoredContent stored;
        ScanVerdict verdict;
        try (ContentScanner.ScanSession scan = scanner.start(detectedType)) {
            stored = store.store(scope, ScanningInputStream.of(content, scan));
            try {
                verdict = scan.verdict();
            } catch (RuntimeException noVerdict) {
                throw discarded(stored, noVerdict);
            }
        }
        if (verdict.timedOut()) {
            verdict = rescanned(stored, detectedType);
        }
        if (verdict.timedOut()) { // busy is not bad: never "too complex" for the machine's load
            throw discarded(stored, ScanningBusy.outOfTime(ScanningBusy.DEFAULT_RETRY_AFTER));
        }
        if (!verdict.clean()) {
            throw discarded(stored, refusal(verdict));
        }
        return stored;
    }

    /** The stored file scanned once more; a refusal, a failure or a second time-out discards it. */
    private ScanVerdict rescanned(StoredContent stored, String detectedType) {
        try (ContentScanner.ScanSession scan = scanner.rescan(detectedType);
             InputStream plaintext = store.open(stored)) {
            byte[] buffer = new byte[DETECTION_PREFIX_BYTES];
            for (int n = plaintext.read(buffer); n >= 0; n = plaintext.read(buffer)) {
                scan.feed(buffer, 0, n);
            }
            return scan.verdict();
        } catch (IOException e) {
            throw discarded(stored, new ScanningUnavailable("malware scanning unavailable: the stored copy could"
                    + " not be read back for a second scan", e));
        } catch (RuntimeException e) {
            throw discarded(stored, e);
        }
    }

    /** The type the whole content shows (an Office package's real type) must be allowed, and its name match it. */
    static void checkWholeType(String mediaType, String name, AllowedTypes allowed) {
        if (!allowed.allows(mediaType)) {
            throw notAllowed(allowed, mediaType);
        }
        if (!allowed.extensionMatches(mediaType, name)) {
            throw nameMismatch(mediaType);
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
            case CLEAN, TIMED_OUT -> throw new IllegalArgumentException("no refusal: " + verdict.finding());
        };
    }

    private static UploadRejected passwordProtected(String audit) {
        return UploadRejected.passwordProtected(audit);
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
        if (PACKAGE_TYPES.contains(mediaType) && allowed.allowsAnyPackage()) {
            refuseMacroEnabledName(declaredName);
            // provisional: the inspection names the package's real type, checked again once it has been read
            if (!allowed.isPackageExtension(declaredName)) {
                throw nameMismatch(mediaType);
            }
            return mediaType;
        }
        checkWholeType(mediaType, declaredName, allowed);
        return mediaType;
    }

    /** Office's names for documents that may hold macros; refused by name as well as by content (ADR 0019). */
    static final Set<String> MACRO_ENABLED_EXTENSIONS = Set.of("docm", "dotm", "xlsm", "xltm", "xlam", "xlsb",
            "pptm", "potm", "ppsm", "ppam", "sldm");

    static void refuseMacroEnabledName(String declaredName) {
        String extension = AllowedTypes.extensionOf(declaredName).orElse("");
        if (MACRO_ENABLED_EXTENSIONS.contains(extension)) {
            throw new UploadRejected(UploadRejected.Reason.ACTIVE_CONTENT, "The selected file is a macro-enabled"
                    + " Office document (." + extension + "). Save it as a .docx, .xlsx or .pptx document without"
                    + " macros and upload it again", "macro-enabled name ." + extension);
        }
    }

    private static UploadRejected notAllowed(AllowedTypes allowed, String mediaType) {
        return new UploadRejected(UploadRejected.Reason.TYPE_NOT_ALLOWED,
                "The selected file must be a " + allowed.describe() + " (its content is " + mediaType + ")");
    }

    private static UploadRejected nameMismatch(String mediaType) {
        return new UploadRejected(UploadRejected.Reason.NAME_DOES_NOT_MATCH_CONTENT,
                "The file name's extension does not match its content (" + mediaType + ")");
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
