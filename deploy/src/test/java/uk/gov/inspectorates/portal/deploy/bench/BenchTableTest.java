package uk.gov.inspectorates.portal.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    private static final long MIB = 1L << 20;

    @Test
    void anUploadIsMeasuredAgainstTheSlowerOfPlainPutAndClamdAloneAndShowsBothRatios() {
        BenchTable table = new BenchTable();
        table.upload("upload 64 MiB PDF", 4.6, 1.0, 4.0);

        BenchTable.Row row = table.rows().get(0);
        assertEquals(1.15, row.ratio(), 1e-9);
        assertEquals(Boolean.TRUE, row.met());
        assertEquals("4.00 s (clamd alone)", row.baseline());
        assertEquals("4.60", row.vsPut());
        assertEquals("1.15", row.vsClamd());
        assertTrue(table.markdown().contains(
                "| upload 64 MiB PDF | 1.15 | ≤ 1.15 | yes | 4.00 s (clamd alone) | 4.60 s | 4.60 | 1.15 |"),
                table.markdown());
    }

    @Test
    void anUploadSlowerThanItsTargetIsMissedAndNamesThePlainPutWhenThatIsTheBound() {
        BenchTable table = new BenchTable();
        table.upload("upload 256 MiB random", 12.0, 5.0, 2.0);

        BenchTable.Row row = table.rows().get(0);
        assertEquals(2.4, row.ratio(), 1e-9);
        assertEquals(Boolean.FALSE, row.met());
        assertEquals("5.00 s (plain put)", row.baseline());
        assertTrue(table.markdown().contains("| 2.40 | ≤ 1.15 | **no** |"), table.markdown());
    }

    @Test
    void aDownloadIsThePlainGetOverThePortalsTimeAtLeastNineTenths() {
        BenchTable table = new BenchTable();
        table.download("download 64 MiB", 0.9, 1.0);
        table.download("download 256 MiB", 0.89, 1.0);

        assertEquals(0.9, table.rows().get(0).ratio(), 1e-9);
        assertEquals(Boolean.TRUE, table.rows().get(0).met());
        assertEquals(Boolean.FALSE, table.rows().get(1).met());
        assertTrue(table.markdown().contains("| download 64 MiB | 0.90 | ≥ 0.90 | yes | 0.90 s (plain get) | 1.00 s |"),
                table.markdown());
    }

    @Test
    void aStampedDownloadIsMetAtOneAndAHalfTimesPdfBoxsOwnLoadAndSave() {
        BenchTable table = new BenchTable();
        table.stamped("stamped download 300 pages", 1.5, 2.0, 3.0);
        table.stamped("stamped download 100 MiB image-heavy", 1.51, 2.0, 3.02);

        assertEquals(Boolean.TRUE, table.rows().get(0).met());
        assertEquals(Boolean.FALSE, table.rows().get(1).met());
    }

    @Test
    void theHeapIsFlatWhenItsPeakStaysWithinItsMaximumAndThePortalDidNotRunOutOfIt() {
        BenchTable table = new BenchTable();
        table.heap(new BenchTable.HeapReading("heap during 64 MiB round trip", 200 * MIB, 256 * MIB, 0));
        table.heap(new BenchTable.HeapReading("heap during 256 MiB round trip", 252 * MIB, 256 * MIB, 2));
        table.heap(new BenchTable.HeapReading("heap during 512 MiB streamed round trip", 300 * MIB, 256 * MIB, 0));

        List<BenchTable.Row> rows = table.rows();
        assertEquals(200.0 / 256, rows.get(0).ratio(), 1e-9);
        assertEquals(Boolean.TRUE, rows.get(0).met());
        assertEquals("peak 200 MiB", rows.get(0).measured());
        assertEquals(Boolean.FALSE, rows.get(1).met(), "an OutOfMemoryError is not flat, whatever the peak");
        assertEquals("peak 252 MiB, 2 OutOfMemoryError in the portal's log", rows.get(1).measured());
        assertEquals(Boolean.FALSE, rows.get(2).met(), "above -Xmx (e.g. a wrong -Xmx) is not flat");
    }

    @Test
    void aHeapWithoutReadingsIsAFailedMeasureNotAMetTarget() {
        BenchTable table = new BenchTable();
        table.heap(new BenchTable.HeapReading("heap during 64 MiB round trip", -1, -1, 0));

        assertTrue(table.anyFailed());
        assertNull(table.rows().get(0).met());
    }

    @Test
    void aFailedMeasureIsARowSayingWhyAndFailsTheRunWhileAMissedTargetDoesNot() {
        BenchTable table = new BenchTable();
        table.upload("upload 64 MiB PDF", 10, 1, 1);
        assertFalse(table.anyFailed(), "a missed target is a result");

        table.failed("upload 256 MiB PDF", "≤ 1.15", "upload gave 422: too | large");

        assertTrue(table.anyFailed());
        assertTrue(table.markdown().contains("| upload 256 MiB PDF | failed: upload gave 422: too \\| large | ≤ 1.15 |"),
                table.markdown());
    }

    @Test
    void theTableIsMarkdownWithTheColumnsTheIssueNames() {
        BenchTable table = new BenchTable();
        table.context("bare cipher: decrypt vs plain copy, 256 MiB", 0.23, "0.05 s (copy)", "0.22 s");

        String[] lines = table.markdown().split("\n");
        assertEquals("| measure | ratio | target | met | baseline | measured | vs plain put | vs clamd alone |", lines[0]);
        assertEquals("| --- | ---: | --- | --- | --- | --- | ---: | ---: |", lines[1]);
        assertEquals("| bare cipher: decrypt vs plain copy, 256 MiB | 0.23 | none (context) |  | 0.05 s (copy) | 0.22 s |  |  |",
                lines[2]);
        assertEquals(3, lines.length);
    }

    @Test
    void rowsForContextComeAfterTheMeasuresWithATarget() {
        BenchTable table = new BenchTable();
        table.context("bare cipher: decrypt vs plain copy, 256 MiB in memory", 0.23, "0.05 s (plain copy)", "0.22 s");
        table.download("download 64 MiB", 0.9, 1.0);

        String[] lines = table.markdown().split("\n");
        assertTrue(lines[2].startsWith("| download 64 MiB |"), lines[2]);
        assertTrue(lines[3].startsWith("| bare cipher"), lines[3]);
    }
}
