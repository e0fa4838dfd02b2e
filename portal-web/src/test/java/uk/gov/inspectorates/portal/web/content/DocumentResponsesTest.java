package uk.gov.inspectorates.portal.web.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentResponsesTest {

    @Test
    void fileNamesInHeadersCannotBreakOutOfTheirQuotes() {
        assertEquals("report_ x.pdf", DocumentResponses.asciiFileName("report\" x.pdf"));
        assertEquals("a_b.pdf", DocumentResponses.asciiFileName("a\nb.pdf"));
        assertEquals("document", DocumentResponses.asciiFileName("  "));
    }

    @Test
    void contentIsCopiedWholeInWritesOfFourSegmentsAndClosed() throws IOException {
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
        assertEquals(List.of(262144, 262144, 262144, 262144, 1000), writes, "writes of 256 KiB: " + writes);
        assertTrue(closed[0]);
    }

    @Test
    void aClientGonePartWayClosesTheContentSoItsReaderAndConnectionAreFreed() {
        byte[] content = new byte[4 * DocumentResponses.COPY_BUFFER_BYTES];
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(content) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        IOException gone = new IOException("Broken pipe");
        int[] writes = {0};
        java.io.OutputStream client = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes[0] == 2) {
                    throw gone;
                }
            }
        };

        IOException thrown = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> DocumentResponses.copy(in, client));

        org.junit.jupiter.api.Assertions.assertSame(gone, thrown, "the response is aborted");
        assertTrue(closed[0], "the content stream is closed: the store's reader stops (ReadAheadTest)");
    }
}
