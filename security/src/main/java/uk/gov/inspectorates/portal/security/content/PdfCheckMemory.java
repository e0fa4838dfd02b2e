package uk.gov.inspectorates.portal.security.content;

import java.time.Duration;
import uk.gov.inspectorates.portal.core.document.UploadMemory;
import uk.gov.inspectorates.portal.core.shared.Busy;

/**
 * The heap the portal's in-memory PDF checks may take at one moment. A PDF is held in memory (never on disk) to be
 * parsed for active content, and PDFBox's parse of it takes about as much again: so a check charges
 * {@link #BYTES_PER_PDF_BYTE} times the PDF's bytes, taken as the bytes arrive. Without this bound, a 256 MiB PDF
 * at {@code -Xmx256m}, or a hundred 50 MB PDFs at once under a day-2 rush, ran the portal out of memory and failed
 * every other request with it. A PDF larger than the whole budget can never be checked (refused as too large, 422);
 * one that does not fit beside the others waits a little, then is busy (503 with Retry-After, rule
 * {@value #RULE}): busy is not bad.
 */
public final class PdfCheckMemory {

    public static final String RULE = "upload.pdf-check-memory";
    /** The buffered PDF plus PDFBox's copy and parsed objects. */
    public static final int BYTES_PER_PDF_BYTE = 2;
    /** Memory is taken in steps of this many bytes of PDF. */
    static final int STEP_BYTES = 1024 * 1024;

    private final UploadMemory memory;
    private final Duration wait;
    private final Duration retryAfter;

    /** A budget of its own of {@code bytes} (tests, tools). */
    public PdfCheckMemory(long bytes, Duration wait, Duration retryAfter) {
        this(new UploadMemory(bytes, 0, wait, retryAfter), wait, retryAfter);
    }

    /**
     * Charged to the uploads' memory shared with the upload requests in flight (docs/adr/0039, addendum 2): one
     * portal-wide bound on what uploads hold in the heap.
     */
    public PdfCheckMemory(UploadMemory memory, Duration wait, Duration retryAfter) {
        this.memory = memory;
        this.wait = wait;
        this.retryAfter = retryAfter;
    }

    /**
     * The largest PDF that could ever be checked: the budget, less the share of the upload request bringing it,
     * divided by what a check charges per byte.
     */
    public long largestPdf() {
        return Math.max(0, memory.bytes() - memory.requestBytes()) / BYTES_PER_PDF_BYTE;
    }

    /** Takes memory for {@code pdfBytes} more bytes of PDF; false when it did not come free within the wait. */
    boolean take(long pdfBytes) {
        return memory.take(pdfBytes * BYTES_PER_PDF_BYTE, wait);
    }

    void give(long pdfBytes) {
        memory.give(pdfBytes * BYTES_PER_PDF_BYTE);
    }

    /** What the caller is told when the checks' memory is taken by others. */
    Busy busy() {
        return new Busy(RULE, Busy.Scope.PORTAL, retryAfter,
                "Many large PDFs are being checked for active content right now");
    }

    int available() {
        return memory.availableKib();
    }
}
