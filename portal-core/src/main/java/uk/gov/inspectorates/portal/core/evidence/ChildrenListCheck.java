package uk.gov.inspectorates.portal.core.evidence;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.document.ContentCheck;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/**
 * The check of a list of children (CSV or XLSX) as it is uploaded (JTAI §19, §80; docs/adr/0019), run inside
 * intake's one pass ({@code DocumentIntake.accept(incoming, allowed, scope, check)}, or a resumable upload's
 * completion): the plaintext is held in memory only, at most {@link #MAX_BYTES}, read as a table and checked by
 * {@link ChildrenListRules}; a list that names people, has no identifier column or holds formulas is refused with
 * the reason and the row, and intake then keeps nothing of it. The buffer is wiped once checked.
 */
public final class ChildrenListCheck implements ContentCheck {

    /** Lists of children are small; a bigger one is refused rather than held in memory. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final TableReader.Limits LIMITS = new TableReader.Limits(100_000, 200, 64L * 1024 * 1024);
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TableReader spreadsheets;

    public ChildrenListCheck(TableReader spreadsheets) {
        this.spreadsheets = Objects.requireNonNull(spreadsheets, "spreadsheets");
    }

    @Override
    public Session start() {
        return new Session() {
            private final Buffer buffer = new Buffer();
            private boolean tooLarge;

            @Override
            public void feed(byte[] bytes, int offset, int length) {
                if (tooLarge || buffer.size() + length > MAX_BYTES) {
                    tooLarge = true;
                    buffer.wipe();
                    return;
                }
                buffer.write(bytes, offset, length);
            }

            @Override
            public void conclude(String mediaType) {
                try {
                    if (tooLarge) {
                        throw refused("The list of children must be smaller than " + MAX_BYTES / (1024 * 1024)
                                + " MB. Split it into smaller lists", "list too large");
                    }
                    check(table(mediaType, buffer.contents()));
                } finally {
                    buffer.wipe();
                }
            }
        };
    }

    private Table table(String mediaType, byte[] bytes) {
        try {
            if (CSV.equals(mediaType)) {
                return CsvTable.parse(bytes, LIMITS);
            }
            if (XLSX.equals(mediaType)) {
                return spreadsheets.firstSheet(bytes, LIMITS);
            }
        } catch (TableReader.UnreadableTable unreadable) {
            throw refused("The list of children could not be read: " + unreadable.getMessage(),
                    "list unreadable: " + unreadable.getMessage());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        throw new UploadRejected(UploadRejected.Reason.TYPE_NOT_ALLOWED,
                "The list of children must be a CSV or XLSX file", "list of type " + mediaType);
    }

    private static void check(Table table) {
        Optional<ChildrenListRules.Problem> problem = ChildrenListRules.check(table);
        if (problem.isPresent()) {
            // the audit trail gets the row and rule, never the cell's content
            throw refused("The list of children cannot be accepted. " + problem.get().message(),
                    "children list: row " + problem.get().row());
        }
    }

    private static UploadRejected refused(String message, String audit) {
        return new UploadRejected(UploadRejected.Reason.CONTENT_NOT_ALLOWED, message, audit);
    }

    /** A byte buffer whose backing array can be wiped (ByteArrayOutputStream's copies are wiped too). */
    private static final class Buffer extends ByteArrayOutputStream {
        byte[] contents() {
            return Arrays.copyOf(buf, count);
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
            reset();
        }
    }
}
