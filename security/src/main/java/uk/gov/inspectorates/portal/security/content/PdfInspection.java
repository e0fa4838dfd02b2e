package uk.gov.inspectorates.portal.security.content;

import uk.gov.inspectorates.portal.core.document.ContentInspector;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/**
 * One PDF's inspection: its bytes are kept in memory (never on disk) up to the limit, then parsed once by
 * {@link PdfBoxActiveContent}. A PDF larger than the limit cannot be checked and is refused.
 */
final class PdfInspection implements ContentInspector.Inspection {

    static final String PDF = "application/pdf";

    private final long limit;
    private final PdfCheckMemory memory;
    private final BoundedBuffer buffer;
    private final boolean tooLargeAtStart;
    /** Bytes of PDF the memory taken from the budget covers. */
    private long covered;
    private boolean busy;

    PdfInspection(long limit, long length, PdfCheckMemory memory) {
        this.limit = Math.min(limit, memory.largestPdf());
        this.memory = memory;
        this.tooLargeAtStart = length > this.limit;
        this.buffer = new BoundedBuffer(tooLargeAtStart ? 0 : this.limit);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        if (tooLargeAtStart || busy || buffer.overflowed()) {
            return;
        }
        long needed = buffer.size() + length;
        if (needed > limit) { // too large to check, whatever memory is free: nothing more is kept
            buffer.write(bytes, offset, length);
            release();
            return;
        }
        if (needed > covered) {
            // whole KiB but for the last step up to the limit, so that giving back the sum gives back every step
            long step = Math.min((Math.max(PdfCheckMemory.STEP_BYTES, needed - covered) + 1023) / 1024 * 1024,
                    limit - covered);
            if (!memory.take(step)) {
                busy = true; // kept until conclude: a feed never throws (ContentInspector)
                release();
                return;
            }
            covered += step;
        }
        buffer.write(bytes, offset, length);
    }

    @Override
    public String conclude() {
        try {
            return concluded();
        } finally {
            release();
        }
    }

    @Override
    public void close() {
        release();
    }

    private void release() {
        buffer.clear();
        memory.give(covered);
        covered = 0;
    }

    private String concluded() {
        if (busy) {
            throw memory.busy();
        }
        if (tooLargeAtStart || buffer.overflowed()) {
            throw new UploadRejected(UploadRejected.Reason.TOO_COMPLEX,
                    "The selected PDF is too large to be checked for active content (the limit is "
                            + limit / (1024 * 1024) + " MB). Split it into smaller files and upload them again",
                    "pdf larger than the active-content check limit");
        }
        PdfBoxActiveContent.Finding finding = PdfBoxActiveContent.inspect(buffer.drain());
        if (finding instanceof PdfBoxActiveContent.Active active) {
            throw new UploadRejected(UploadRejected.Reason.ACTIVE_CONTENT,
                    "The selected PDF contains " + active.what() + ", which could run or open when it is read."
                            + " Save it again without it (for example, print it to a new PDF) and upload it again",
                    "pdf: " + active.what() + " in " + active.where());
        }
        if (finding instanceof PdfBoxActiveContent.PasswordNeeded) {
            throw UploadRejected.passwordProtected("pdf: password");
        }
        if (finding instanceof PdfBoxActiveContent.Unreadable unreadable) {
            throw new UploadRejected(UploadRejected.Reason.UNREADABLE, "The selected file could not be read as a PDF."
                    + " Save it again as a PDF and upload it again", "pdf unreadable: " + unreadable.why());
        }
        return PDF;
    }
}
