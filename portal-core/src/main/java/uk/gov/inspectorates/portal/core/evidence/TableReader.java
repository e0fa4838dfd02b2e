package uk.gov.inspectorates.portal.core.evidence;

/** Reads the first sheet of a spreadsheet (XLSX) into a {@link Table}; the adapter knows the file format. */
public interface TableReader {

    /**
     * @param limits how many rows and cells to read at most, and how many bytes the sheet's XML may expand to
     * @throws UnreadableTable when it is not a readable workbook, or is beyond the limits
     */
    Table firstSheet(byte[] workbook, Limits limits);

    record Limits(int maxRows, int maxColumns, long maxExpandedBytes) {
    }

    class UnreadableTable extends RuntimeException {
        public UnreadableTable(String message) {
            super(message);
        }

        public UnreadableTable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
