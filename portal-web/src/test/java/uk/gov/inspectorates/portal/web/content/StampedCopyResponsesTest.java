package uk.gov.inspectorates.portal.web.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.report.StampedCopy;

/** How a stamped copy leaves the portal (docs/adr/0038): written as it is produced, closed however that ends. */
class StampedCopyResponsesTest {

    @Test
    void aStampedCopyThatFailsPartWayAbortsTheResponseAndIsClosed() {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StampedCopy failing = new StampedCopy() {
            @Override
            public void writeTo(OutputStream output) throws IOException {
                output.write("%PDF-1.7 first objects".getBytes(StandardCharsets.US_ASCII));
                throw new IOException("font subset failed");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };

        IOException thrown = assertThrows(IOException.class, () -> DocumentResponses.writeThenClose(failing, out),
                "the failure reaches the container, which aborts the response instead of completing it");

        assertEquals("font subset failed", thrown.getMessage());
        assertTrue(closed[0], "the copy's memory and stamping budget are given back");
    }

    @Test
    void aStampedCopyIsWrittenWholeAndClosed() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StampedCopy copy = new StampedCopy() {
            @Override
            public void writeTo(OutputStream output) throws IOException {
                output.write("%PDF-1.7 whole %%EOF".getBytes(StandardCharsets.US_ASCII));
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };

        DocumentResponses.writeThenClose(copy, out);

        assertEquals("%PDF-1.7 whole %%EOF", out.toString(StandardCharsets.US_ASCII));
        assertTrue(closed[0]);
    }
}
