package uk.gov.inspectorates.portal.security.content;

import java.nio.charset.StandardCharsets;

/**
 * Finds a document type declaration ({@code <!DOCTYPE}) or an entity declaration ({@code <!ENTITY}) in XML as it
 * streams past, in UTF-8 and in UTF-16 of either byte order. Entity expansion (the "billion laughs") needs one;
 * Office never writes one in a package's XML (Open Packaging Conventions do not allow DTDs), so finding one is a
 * refusal, before any parser could expand it.
 */
final class XmlDoctypeFinder {

    private static final byte[][] PATTERNS = patterns("<!DOCTYPE", "<!ENTITY");
    private static final int KEEP = longest() - 1;

    private final byte[] window = new byte[KEEP + 64 * 1024];
    private int kept;
    private boolean found;

    private static byte[][] patterns(String... markers) {
        byte[][] all = new byte[markers.length * 3][];
        int i = 0;
        for (String marker : markers) {
            all[i++] = marker.getBytes(StandardCharsets.US_ASCII);
            all[i++] = marker.getBytes(StandardCharsets.UTF_16LE);
            all[i++] = marker.getBytes(StandardCharsets.UTF_16BE);
        }
        return all;
    }

    private static int longest() {
        int max = 0;
        for (byte[] p : PATTERNS) {
            max = Math.max(max, p.length);
        }
        return max;
    }

    void feed(byte[] bytes, int offset, int length) {
        while (length > 0 && !found) {
            int n = Math.min(length, window.length - kept);
            System.arraycopy(bytes, offset, window, kept, n);
            int filled = kept + n;
            found = contains(window, filled);
            kept = Math.min(KEEP, filled);
            System.arraycopy(window, filled - kept, window, 0, kept);
            offset += n;
            length -= n;
        }
    }

    boolean found() {
        return found;
    }

    private static boolean contains(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != '<' && bytes[i] != 0) {
                continue;
            }
            for (byte[] p : PATTERNS) {
                if (i + p.length <= length && matches(bytes, i, p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(byte[] bytes, int at, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (bytes[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}
