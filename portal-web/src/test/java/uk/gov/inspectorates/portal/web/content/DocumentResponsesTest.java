package uk.gov.inspectorates.portal.web.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.report.StampedCopy;

class DocumentResponsesTest {

    @Test
    void fileNamesInHeadersCannotBreakOutOfTheirQuotes() {
        assertEquals("report_ x.pdf", DocumentResponses.asciiFileName("report\" x.pdf"));
        assertEquals("a_b.pdf", DocumentResponses.asciiFileName("a\nb.pdf"));
        assertEquals("document", DocumentResponses.asciiFileName("  "));
    }

    @Test
    void contentIsCopiedWholeInSegmentSizedWritesAndClosed() throws IOException {
        byte[] content = new byte[16 * 64 * 1024 + 1000];
        new Random(4).nextBytes(content);
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(content) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.add(len);
                super.write(b, off, len);
            }
        };

        DocumentResponses.copy(in, out);

        assertArrayEquals(content, out.toByteArray());
        assertEquals(17, writes.size(), "one write per 64 KiB segment: " + writes);
        assertTrue(closed[0]);
    }

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
