package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.FakeStamper;

/** A streamed copy keeps its share of the stamping budget until it is closed, however its writing ends. */
class StampedCopiesTest {

    private static final int MIB = 1024 * 1024;
    private static final StampMarks MARKS = StampMarks.forDownload(Classification.of(Tier.OFFICIAL_SENSITIVE),
            "Do not copy", "Ann Reader", "CQC", Instant.parse("2026-03-02T10:00:00Z"), "dl-1");

    private final FakeDocumentStore store = new FakeDocumentStore();
    private final FakeStamper stamper = new FakeStamper();
    // room for one 4 MiB document's copy (x2), not two
    private final StampingBudget budget = new StampingBudget(12L * MIB, Duration.ZERO);
    private final StampedCopies copies = new StampedCopies(store, stamper, budget);

    @Test
    void aCopyHoldsItsShareWhileItIsBeingServedAndGivesItBackWhenClosed() throws IOException {
        StoredContent report = stored(4 * MIB);

        StampedCopy first = copies.of(report, MARKS);
        assertThrows(StampingBudget.Busy.class, () -> copies.of(report, MARKS), "the first copy is still held");
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        first.writeTo(served);
        assertThrows(StampingBudget.Busy.class, () -> copies.of(report, MARKS), "written but not yet closed");
        first.close();

        try (StampedCopy second = copies.of(report, MARKS)) {
            assertArrayEquals(served.toByteArray(), FakeStamper.written(second), "the budget is back");
        }
    }

    @Test
    void aReaderWhoLosesTheConnectionGivesTheShareBackWhenTheAbortedCopyIsClosed() throws IOException {
        StoredContent report = stored(4 * MIB);
        OutputStream lostConnection = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        StampedCopy aborted = copies.of(report, MARKS);
        try (aborted) {
            assertThrows(IOException.class, () -> aborted.writeTo(lostConnection));
        }
        aborted.close(); // closing twice gives nothing back twice

        try (StampedCopy next = copies.of(report, MARKS)) {
            assertThrows(StampingBudget.Busy.class, () -> copies.of(report, MARKS),
                    "one share back, not two: the budget still fits one copy only");
            assertArrayEquals(FakeStamper.stampedAs(MARKS, new byte[4 * MIB]), FakeStamper.written(next));
        }
    }

    @Test
    void aDocumentThatCannotBeStampedGivesItsShareBackAtOnce() throws IOException {
        StoredContent report = stored(4 * MIB);
        stamper.refuseEverything();

        assertThrows(Stamper.UnstampableDocument.class, () -> copies.of(report, MARKS));

        assertEquals("fits", budget.within(6L * MIB, () -> "fits"), "the whole budget is free again");
    }

    @Test
    void aDocumentThatIsNotTheLengthRecordedForItIsRefusedBeforeItIsStamped() throws IOException {
        StoredContent report = stored(MIB);

        for (long recorded : new long[] {MIB + 1L, MIB - 1L}) {
            StoredContent wrong = new StoredContent(report.scope(), report.objectKey(), report.dataKey(), recorded,
                    report.storedBytes(), report.plaintextSha256());
            assertThrows(Stamper.UnstampableDocument.class, () -> copies.of(wrong, MARKS),
                    recorded > MIB ? "shorter than recorded" : "longer than recorded");
        }

        assertNull(stamper.lastMarks(), "nothing was stamped, not even in part");
        assertEquals("fits", budget.within(6L * MIB, () -> "fits"), "the whole budget is free again");
    }

    private StoredContent stored(int bytes) throws IOException {
        return store.store(KeyScope.report("r-1"), new ByteArrayInputStream(new byte[bytes]));
    }
}
