package uk.gov.inspectorates.portal.security.content;

import java.util.Set;
import uk.gov.inspectorates.portal.core.document.ContentInspector;

/**
 * The content inspection behind intake (docs/adr/0018, 0019): PDFs are parsed with PDFBox for active content;
 * Office packages (and any zip) are read as a stream of zip entries for their real type, macros and bombs; other
 * types pass as detected.
 */
public final class PdfBoxAndZipInspector implements ContentInspector {

    /** Default for {@link #PdfBoxAndZipInspector(long)}: the upload cap of reports. */
    public static final long DEFAULT_MAX_PDF_BYTES = 200L * 1024 * 1024;

    /** What tika-core calls an Office package, or any zip, from its first bytes. */
    private static final Set<String> PACKAGES = Set.of("application/x-tika-ooxml", "application/zip");
    /** Parts of a package (clamd's MaxFiles is 10,000: a package is refused before clamd would give up). */
    static final int MAX_PARTS = 5_000;
    /** Bytes a package (with its embedded packages) may inflate to: below clamd's MaxScanSize (400 MiB or more). */
    static final long MAX_INFLATED_BYTES = 256L * 1024 * 1024;
    /** How far one part may inflate (POI refuses beyond 100 too), once past {@link #RATIO_GRACE_BYTES}. */
    static final int MAX_RATIO = 100;
    static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private final long maxPdfBytes;
    private final PdfCheckMemory memory;

    /**
     * @param maxPdfBytes the largest PDF held in memory to be checked; a larger one is refused
     * @param memory      the heap all PDF checks share at one moment (a PDF past it is refused too)
     */
    public PdfBoxAndZipInspector(long maxPdfBytes, PdfCheckMemory memory) {
        this.maxPdfBytes = maxPdfBytes;
        this.memory = memory;
    }

    /** With a budget of its own, {@link PdfCheckMemory#BYTES_PER_PDF_BYTE} times the largest PDF (tests, tools). */
    public PdfBoxAndZipInspector(long maxPdfBytes) {
        this(maxPdfBytes, new PdfCheckMemory(Math.min(Long.MAX_VALUE / 4, maxPdfBytes + 1)
                * PdfCheckMemory.BYTES_PER_PDF_BYTE, java.time.Duration.ZERO, java.time.Duration.ofSeconds(30)));
    }

    @Override
    public Inspection start(String detectedType, long length) {
        if (PdfInspection.PDF.equals(detectedType)) {
            return new PdfInspection(maxPdfBytes, length, memory);
        }
        if (PACKAGES.contains(detectedType)) {
            return new OoxmlPackageInspection(new ZipStream.Budget(MAX_PARTS, MAX_INFLATED_BYTES, MAX_RATIO,
                    RATIO_GRACE_BYTES));
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
