package uk.gov.inspectorates.portal.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads an assembled resumable upload back once, decrypting it, and passes every byte to its digest, the (windowed)
 * malware scan, the content inspection and the caller's check: the same checks a one-request upload gets in
 * intake's pass (docs/adr/0009, 0018, 0019). It refuses or answers; discarding a refused upload is the caller's.
 */
final class AssembledUploadCheck {

    /** The plaintext's SHA-256 and the type its whole content shows. */
    record Checked(String sha256, String mediaType) {
    }

    private static final int READ_BUFFER = 64 * 1024;

    private final PartedDocuments store;
    private final DocumentIntake intake;
    private final WindowedScanner scanner;

    AssembledUploadCheck(PartedDocuments store, DocumentIntake intake, WindowedScanner scanner) {
        this.store = store;
        this.intake = intake;
        this.scanner = scanner;
    }

    /**
     * @throws UploadRejected when a check refuses the file
     * @throws ScanningUnavailable when there is no verdict
     * @throws ScanningBusy when the scan ran out of clamd's time
     */
    Checked check(ResumableUpload upload, ContentCheck check) {
        // closed however the check ends: it may hold a share of the PDF check's memory
        try (ContentInspector.Inspection inspection = intake.inspection(upload.mediaType(),
                upload.content().length())) {
            return check(upload, check, inspection);
        }
    }

    private Checked check(ResumableUpload upload, ContentCheck check, ContentInspector.Inspection inspection) {
        MessageDigest sha256 = sha256();
        long count = 0;
        ScanVerdict verdict;
        ContentCheck.Session checking = check.start();
        try (ContentScanner.ScanSession scan = scanner.start();
             InputStream plaintext = store.open(upload.content())) {
            byte[] buffer = new byte[READ_BUFFER];
            for (int n = plaintext.read(buffer); n >= 0; n = plaintext.read(buffer)) {
                sha256.update(buffer, 0, n);
                scan.feed(buffer, 0, n);
                inspection.feed(buffer, 0, n);
                checking.feed(buffer, 0, n);
                count += n;
            }
            verdict = scan.verdict();
        } catch (IOException e) {
            throw new UncheckedIOException("the assembled upload could not be read back", e);
        }
        if (count != upload.content().length()) {
            throw new IllegalStateException("the assembled upload holds " + count + " bytes, not "
                    + upload.content().length());
        }
        if (verdict.timedOut()) { // a busy clamd, not the file: the assembled upload is kept for another try
            throw ScanningBusy.outOfTime(ScanningBusy.DEFAULT_RETRY_AFTER);
        }
        if (!verdict.clean()) {
            throw DocumentIntake.refusal(verdict);
        }
        String mediaType = inspection.conclude();
        DocumentIntake.checkWholeType(mediaType, upload.fileName(), upload.purpose().allowed());
        checking.conclude(mediaType);
        if (!scanner.coversWhole(count) && AllowedTypes.isContainer(mediaType)) {
            throw new UploadRejected(UploadRejected.Reason.TOO_COMPLEX,
                    "The selected file is too large to be checked for viruses as a whole. Split it into smaller"
                            + " files and upload them again", "container larger than one scan window");
        }
        return new Checked(HexFormat.of().formatHex(sha256.digest()), mediaType);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
