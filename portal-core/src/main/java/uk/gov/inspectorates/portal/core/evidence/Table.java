package uk.gov.inspectorates.portal.core.evidence;

import java.util.List;

/** A table as a sender made it: rows numbered as the sender sees them (1 is the first line or sheet row). */
public record Table(List<Row> rows) {

    public Table {
        rows = List.copyOf(rows);
    }

    /** @param column 0 for the first column (A) */
    public record Cell(int column, String text, boolean formula) {
    }

    public record Row(int number, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public boolean blank() {
            return cells.stream().allMatch(cell -> cell.text().isBlank() && !cell.formula());
        }
    }
}
