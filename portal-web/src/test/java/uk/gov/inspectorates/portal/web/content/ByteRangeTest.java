package uk.gov.inspectorates.portal.web.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The one byte range an export answers with 206 (RFC 9110 §14); anything else gets the whole file or a 416. */
class ByteRangeTest {

    @Test
    void aRangeFromAByteToTheEndOrToAnotherByteOrASuffix() {
        assertEquals(new ByteRange(100, 1000), ByteRange.parse("bytes=100-", 1000));
        assertEquals(new ByteRange(100, 200), ByteRange.parse("bytes=100-199", 1000));
        assertEquals(new ByteRange(100, 1000), ByteRange.parse("bytes=100-5000", 1000), "clipped to the end");
        assertEquals(new ByteRange(900, 1000), ByteRange.parse("bytes=-100", 1000));
        assertEquals(new ByteRange(0, 1000), ByteRange.parse("bytes=-5000", 1000));
        assertEquals(new ByteRange(0, 1), ByteRange.parse(" bytes=0-0 ", 1000));
    }

    @Test
    void aRangeStartingPastTheEndIsUnsatisfiable() {
        assertEquals(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=1000-", 1000));
        assertEquals(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=-0", 1000));
    }

    @Test
    void anythingElseMeansTheWholeFile() {
        for (String ignored : new String[] {null, "", "items=0-1", "bytes=0-1,5-6", "bytes=5-1", "bytes=a-b",
                "bytes=-", "bytes=1", "bytes=-1-2"}) {
            assertNull(ByteRange.parse(ignored, 1000), ignored);
        }
    }

    @Test
    void onlyAStrongEntityTagNamesTheBytes() {
        assertEquals("abc", ByteRange.unquoted("\"abc\""));
        assertNull(ByteRange.unquoted("W/\"abc\""));
    }
}
