package uk.gov.inspectorates.portal.web.content;

/**
 * One byte range of an HTTP {@code Range} header ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) within a
 * representation of known length. Anything else (several ranges, other units, bad syntax) is ignored: the whole
 * representation is sent, as RFC 9110 allows.
 */
public record ByteRange(long from, long toExclusive) {

    /** A well-formed range that starts past the end: 416. */
    public static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /** The range asked for, {@link #UNSATISFIABLE}, or null for the whole representation. */
    public static ByteRange parse(String header, long length) {
        if (header == null) {
            return null;
        }
        String spec = header.strip();
        if (!spec.startsWith("bytes=") || spec.contains(",")) {
            return null;
        }
        String range = spec.substring("bytes=".length()).strip();
        int dash = range.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = range.substring(0, dash).strip();
            String last = range.substring(dash + 1).strip();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    return suffix == 0 ? UNSATISFIABLE : null;
                }
                return new ByteRange(Math.max(0, length - suffix), length);
            }
            long from = Long.parseLong(first);
            if (from < 0) {
                return null;
            }
            if (from >= length) {
                return UNSATISFIABLE;
            }
            if (last.isEmpty()) {
                return new ByteRange(from, length);
            }
            long to = Long.parseLong(last);
            return to < from ? null : new ByteRange(from, Math.min(to + 1, length));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An entity tag without its quotes (a weak tag never matches: If-Range needs a strong one). */
    public static String unquoted(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            return null;
        }
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
