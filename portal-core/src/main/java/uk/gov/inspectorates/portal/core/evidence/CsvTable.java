package uk.gov.inspectorates.portal.core.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them (quotes, doubled quotes, line breaks inside quotes; CRLF or LF),
 * UTF-8 with or without a byte-order mark. Nothing is evaluated: a formula is only text here, flagged as one when it
 * starts like one ({@code = + - @}, tab, carriage return) so that the check can refuse it.
 */
final class CsvTable {

    private CsvTable() {
    }

    static Table parse(byte[] bytes, TableReader.Limits limits) {
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Table.Row> rows = new ArrayList<>();
        List<Table.Cell> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                addCell(cells, cell, limits);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                addCell(cells, cell, limits);
                wasQuoted = false;
                addRow(rows, rowStart, cells, limits);
                cells = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new TableReader.UnreadableTable("a quoted value starting on line " + rowStart + " is not closed");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            addCell(cells, cell, limits);
            addRow(rows, rowStart, cells, limits);
        }
        return new Table(rows);
    }

    private static void addCell(List<Table.Cell> cells, StringBuilder cell, TableReader.Limits limits) {
        if (cells.size() >= limits.maxColumns()) {
            throw new TableReader.UnreadableTable("a row has more than " + limits.maxColumns() + " columns");
        }
        String value = cell.toString();
        cells.add(new Table.Cell(cells.size(), value, looksLikeFormula(value)));
        cell.setLength(0);
    }

    private static void addRow(List<Table.Row> rows, int number, List<Table.Cell> cells, TableReader.Limits limits) {
        if (rows.size() >= limits.maxRows()) {
            throw new TableReader.UnreadableTable("it has more than " + limits.maxRows() + " rows");
        }
        rows.add(new Table.Row(number, cells));
    }

    /** What a spreadsheet program would run as a formula when it opens the file (CSV injection). */
    static boolean looksLikeFormula(String value) {
        if (value.length() < 2 && (value.equals("-") || value.equals("+") || value.isEmpty())) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r') {
            return !(first == '+' && isNumber(value.substring(1)));
        }
        return first == '-' && !isNumber(value.substring(1));
    }

    private static boolean isNumber(String value) {
        return value.matches("[0-9]+([.,][0-9]+)?");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TableReader.UnreadableTable("it is not UTF-8 text (save it as \"CSV UTF-8\")", e);
        }
    }
}
