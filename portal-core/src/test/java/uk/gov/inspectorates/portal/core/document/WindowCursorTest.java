package uk.gov.inspectorates.portal.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window arithmetic both windowed scanners share (docs/adr/0009, 0036). */
class WindowCursorTest {

    /** Cuts {@code content}, fed in {@code step}s, into the windows the cursor gives (overlap first, then bytes). */
    private static List<byte[]> windows(WindowCursor cursor, byte[] content, int step) {
        List<byte[]> windows = new ArrayList<>();
        ByteArrayOutputStream current = null;
        for (int offset = 0; offset < content.length; offset += step) {
            int length = Math.min(step, content.length - offset);
            int at = offset;
            while (length > 0) {
                if (current == null) {
                    current = new ByteArrayOutputStream();
                    current.writeBytes(cursor.open());
                }
                int n = cursor.fits(length);
                current.write(content, at, n);
                boolean complete = cursor.advance(content, at, n);
                at += n;
                length -= n;
                if (complete) {
                    windows.add(current.toByteArray());
                    current = null;
                }
            }
        }
        if (current != null) {
            windows.add(current.toByteArray());
        }
        return windows;
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }

    @Test
    void aFirstWindowThenLaterOnesEachStartingTheOverlapBeforeTheEndOfTheOneBefore() {
        byte[] content = content(2000);
        for (int step : new int[] {1, 7, 333, 2000}) {
            List<byte[]> windows = windows(new WindowCursor(1000, 400, 100), content, step);
            int[][] expected = {{0, 1000}, {900, 1300}, {1200, 1600}, {1500, 1900}, {1800, 2000}};
            assertEquals(expected.length, windows.size(), "step " + step);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(Arrays.copyOfRange(content, expected[i][0], expected[i][1]), windows.get(i),
                        "step " + step + ", window " + i);
            }
        }
    }

    @Test
    void withoutAnOverlapTheWindowsTileTheFile() {
        byte[] content = content(1000);
        List<byte[]> windows = windows(new WindowCursor(300, 300, 0), content, 128);
        assertEquals(4, windows.size());
        assertArrayEquals(Arrays.copyOfRange(content, 900, 1000), windows.get(3));
    }

    @Test
    void aFileOfExactlyOneWindowNeedsNoSecondAndSkippedBytesCloseTheWindow() {
        WindowCursor cursor = new WindowCursor(10, 10, 2);
        assertTrue(cursor.atStart());
        assertEquals(0, cursor.open().length);
        assertTrue(cursor.isOpen());
        assertEquals(10, cursor.fits(64));
        assertTrue(cursor.advance(content(10), 0, 10));
        assertFalse(cursor.isOpen());
        cursor.skip(50);
        assertEquals(60, cursor.position());
        assertFalse(cursor.isOpen());
    }

    @Test
    void everyWindowMustBeMoreThanTwiceTheOverlap() {
        assertThrows(IllegalArgumentException.class, () -> new WindowCursor(200, 200, 100));
        assertThrows(IllegalArgumentException.class, () -> new WindowCursor(1000, 200, 100));
        assertThrows(IllegalArgumentException.class, () -> new WindowCursor(1000, 1000, -1));
        assertThrows(IllegalStateException.class, () -> {
            WindowCursor cursor = new WindowCursor(1000, 1000, 10);
            cursor.open();
            cursor.open();
        });
    }
}
