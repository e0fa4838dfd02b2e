package uk.gov.inspectorates.portal.security.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.ContentInspector;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.shared.Busy;

/** The heap the in-memory PDF checks share: busy beside others, too large past all of it, always given back. */
class PdfCheckMemoryTest {

    private static final long MIB = 1024 * 1024;
    /** Room for 4 MiB of PDF being checked at once. */
    private final PdfCheckMemory memory = new PdfCheckMemory(4 * MIB * PdfCheckMemory.BYTES_PER_PDF_BYTE,
            Duration.ZERO, Duration.ofSeconds(7));
    private final PdfBoxAndZipInspector inspector = new PdfBoxAndZipInspector(100 * MIB, memory);

    private static void feed(ContentInspector.Inspection inspection, long bytes) {
        byte[] chunk = new byte[64 * 1024];
        for (long fed = 0; fed < bytes; fed += chunk.length) {
            inspection.feed(chunk, 0, (int) Math.min(chunk.length, bytes - fed));
        }
    }

    @Test
    void aPdfThatDoesNotFitBesideOthersIsBusyNotBadAndTheMemoryComesBack() {
        int all = memory.available();
        try (ContentInspector.Inspection first = inspector.start("application/pdf", -1)) {
            feed(first, 3 * MIB);
            ContentInspector.Inspection second = inspector.start("application/pdf", -1);
            feed(second, 2 * MIB);

            Busy busy = assertThrows(Busy.class, second::conclude);
            assertEquals(PdfCheckMemory.RULE, busy.rule());
            assertEquals(Busy.Scope.PORTAL, busy.scope());
            assertEquals(7, busy.retryAfterSeconds());
            second.close();
        }
        assertEquals(all, memory.available(), "every check gives back all it took");
    }

    @Test
    void aPdfLargerThanTheWholeBudgetIsRefusedAsTooLargeToCheck() {
        ContentInspector.Inspection inspection = inspector.start("application/pdf", -1);
        feed(inspection, 5 * MIB);

        UploadRejected refused = assertThrows(UploadRejected.class, inspection::conclude);
        assertEquals(UploadRejected.Reason.TOO_COMPLEX, refused.reason());
        assertTrue(refused.getMessage().contains("the limit is 4 MB"), refused.getMessage());
        assertEquals(memory.available(), 4 * 1024 * PdfCheckMemory.BYTES_PER_PDF_BYTE);
    }

    @Test
    void aCheckedPdfAndAnAbandonedOneBothGiveTheirMemoryBack() {
        int all = memory.available();
        byte[] pdf = HostilePdfs.plain();
        ContentInspector.Inspection checked = inspector.start("application/pdf", -1);
        checked.feed(pdf, 0, pdf.length);
        assertEquals("application/pdf", checked.conclude());
        assertEquals(all, memory.available());

        ContentInspector.Inspection abandoned = inspector.start("application/pdf", -1);
        feed(abandoned, 2 * MIB);
        assertTrue(memory.available() < all, "a check in progress holds its share");
        abandoned.close();
        assertEquals(all, memory.available());
    }
}
