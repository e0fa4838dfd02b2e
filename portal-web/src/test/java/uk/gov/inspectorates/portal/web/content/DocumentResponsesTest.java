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
}
