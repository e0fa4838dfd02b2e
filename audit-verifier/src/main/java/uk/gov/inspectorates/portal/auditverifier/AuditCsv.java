package uk.gov.inspectorates.portal.auditverifier;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit trail's CSV export, written by the portal and read by the verifiers (docs/adr/0031).
 *
 * <pre>
 * seq,at,actor_id,...,user_agent,previous_hash,content_digest,hash,row      the header: AuditChain.FIELDS + 4 columns
 * 41,2026-12-06T09:00:00.123456Z,u-1,ofsted,...,9f..,3a..,c7..,full        an event in the reader's scope, in full
 * 42,,,,,,,,,,,,,,,,5b..,e1..,08..,redacted                              another party's event: seq and hashes only
 * #checkpoint,42,08..,2026-12-06T09:01:00Z,1a2b3c4d5e6f7a8b,&lt;hex signature&gt;   the signed checkpoints, after the events
 * </pre>
 *
 * <p>RFC 4180: records end with CRLF; a cell holding a comma, a quote, CR or LF is quoted, quotes doubled. An absent
 * value (null) is an empty cell; an empty text is a quoted empty cell ({@code ""}), as the content digest tells them
 * apart. Against formula injection in spreadsheets, a value starting with {@code = + - @}, a tab, CR or an apostrophe
 * is written with an apostrophe before it; the reader removes one leading apostrophe from every value, so the values
 * verified are exactly the values recorded. Hashes, digests and signatures are lower-case hex.
 */
public final class AuditCsv {

    public static final String CHECKPOINT_MARK = "#checkpoint";
    public static final List<String> HEADER;
    private static final int MOST_CHARACTERS_A_RECORD = 4 * 1024 * 1024;

    static {
        List<String> header = new ArrayList<>(AuditChain.FIELDS);
        header.addAll(List.of("previous_hash", "content_digest", "hash", "row"));
        HEADER = Collections.unmodifiableList(header);
    }

    private AuditCsv() {
    }

    /** Writes an export: {@link #header()} first, then the events in seq order, then the checkpoints. */
    public static final class ExportWriter {
        private final Writer out;

        public ExportWriter(Writer out) {
            this.out = out;
        }

        public void header() throws IOException {
            record(HEADER);
        }

        public void row(ChainRow row) throws IOException {
            List<String> cells = new ArrayList<>(HEADER.size());
            if (row.kind() == ChainRow.Kind.FULL) {
                cells.addAll(row.fields());
            } else {
                cells.add(Long.toString(row.seq()));
                cells.addAll(Collections.nCopies(AuditChain.FIELDS.size() - 1, null));
            }
            cells.add(AuditChain.hex(row.previousHash()));
            cells.add(AuditChain.hex(row.contentDigest()));
            cells.add(AuditChain.hex(row.hash()));
            cells.add(row.kind() == ChainRow.Kind.FULL ? "full" : "redacted");
            record(cells);
        }

        public void checkpoint(Checkpoint checkpoint) throws IOException {
            record(List.of(CHECKPOINT_MARK, Long.toString(checkpoint.seq()), AuditChain.hex(checkpoint.head()),
                    checkpoint.at().toString(), checkpoint.keyId(), HexFormat.of().formatHex(checkpoint.signature())));
        }

        private void record(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        }
    }

    /** One cell as written: guarded against formula injection, then quoted where RFC 4180 needs it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.isEmpty()) {
            return "\"\"";
        }
        String guarded = "=+-@\t\r'".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (guarded.indexOf(',') >= 0 || guarded.indexOf('"') >= 0 || guarded.indexOf('\r') >= 0
                || guarded.indexOf('\n') >= 0) {
            return '"' + guarded.replace("\"", "\"\"") + '"';
        }
        return guarded;
    }

    /** Where an export's content goes as it is read. */
    public interface ExportHandler {
        void row(ChainRow row);

        void checkpoint(Checkpoint checkpoint);
    }

    /** A malformed export (the line number says where). */
    public static final class MalformedExportException extends RuntimeException {
        public MalformedExportException(String message) {
            super(message);
        }
    }

    /** Reads an export record by record: never more than one record in memory. */
    public static void read(Reader in, ExportHandler handler) throws IOException {
        Records records = new Records(in);
        List<String> header = records.next();
        if (header == null || !HEADER.equals(header)) {
            throw new MalformedExportException("line 1 is not the audit export's header (" + String.join(",", HEADER)
                    + ")");
        }
        for (List<String> cells = records.next(); cells != null; cells = records.next()) {
            try {
                if (CHECKPOINT_MARK.equals(cells.get(0))) {
                    handler.checkpoint(checkpoint(cells));
                } else {
                    handler.row(row(cells));
                }
            } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
                throw new MalformedExportException("record ending on line " + records.line + ": " + e.getMessage());
            }
        }
    }

    private static Checkpoint checkpoint(List<String> cells) {
        if (cells.size() != 6) {
            throw new IllegalArgumentException("a checkpoint has 6 cells, not " + cells.size());
        }
        return new Checkpoint(Long.parseLong(cells.get(1)), AuditChain.unhex(cells.get(2)),
                Instant.parse(cells.get(3)), cells.get(4), HexFormat.of().parseHex(cells.get(5)));
    }

    private static ChainRow row(List<String> cells) {
        if (cells.size() != HEADER.size()) {
            throw new IllegalArgumentException("an event has " + HEADER.size() + " cells, not " + cells.size());
        }
        int n = AuditChain.FIELDS.size();
        long seq = Long.parseLong(cells.get(0));
        byte[] previous = AuditChain.unhex(cells.get(n));
        byte[] digest = AuditChain.unhex(cells.get(n + 1));
        byte[] hash = AuditChain.unhex(cells.get(n + 2));
        String kind = cells.get(n + 3);
        if ("full".equals(kind)) {
            return new ChainRow(seq, ChainRow.Kind.FULL, cells.subList(0, n), previous,
                    digest == null ? new byte[0] : digest, hash);
        }
        if ("redacted".equals(kind)) {
            for (int i = 1; i < n; i++) {
                if (cells.get(i) != null) {
                    throw new IllegalArgumentException("a redacted event has no fields besides its seq");
                }
            }
            return ChainRow.redacted(seq, previous, digest, hash);
        }
        throw new IllegalArgumentException("the row column says full or redacted, not " + kind);
    }

    /** RFC 4180 records, telling an unquoted empty cell (null) from a quoted one (""), apostrophe guard removed. */
    static final class Records {
        private final Reader in;
        private int line = 1;
        private int peeked = -2;

        Records(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> cells = new ArrayList<>(24);
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean inQuotes = false;
            int characters = 0;
            while (true) {
                if (++characters > MOST_CHARACTERS_A_RECORD) {
                    throw new MalformedExportException("record on line " + line + " is too long");
                }
                if (inQuotes) {
                    if (c == -1) {
                        throw new MalformedExportException("a quoted cell runs to the end of the file (line " + line
                                + ")");
                    }
                    if (c == '"') {
                        int following = read();
                        if (following == '"') {
                            cell.append('"');
                        } else {
                            inQuotes = false;
                            c = following;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append((char) c);
                    }
                    c = read();
                    continue;
                }
                if (c == ',') {
                    cells.add(value(cell, quoted));
                    cell.setLength(0);
                    quoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    cells.add(value(cell, quoted));
                    if (c == '\r') {
                        int following = read();
                        if (following != '\n') {
                            peeked = following;
                        }
                    }
                    line++;
                    return cells;
                } else if (c == '"' && cell.length() == 0 && !quoted) {
                    quoted = true;
                    inQuotes = true;
                } else if (quoted) {
                    throw new MalformedExportException("text after a quoted cell on line " + line);
                } else {
                    cell.append((char) c);
                }
                c = read();
            }
        }

        private static String value(StringBuilder cell, boolean quoted) {
            if (cell.length() == 0) {
                return quoted ? "" : null;
            }
            String text = cell.toString();
            return text.charAt(0) == '\'' ? text.substring(1) : text;
        }
    }

    /** Reads only the checkpoints of an export (the first of a verifier's two passes). */
    public static void checkpoints(Reader in, Consumer<Checkpoint> each) throws IOException {
        read(in, new ExportHandler() {
            @Override
            public void row(ChainRow row) {
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) {
                each.accept(checkpoint);
            }
        });
    }
}
