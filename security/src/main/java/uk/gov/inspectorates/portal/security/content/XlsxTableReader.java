package uk.gov.inspectorates.portal.security.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import uk.gov.inspectorates.portal.core.evidence.Table;
import uk.gov.inspectorates.portal.core.evidence.TableReader;

/**
 * The first sheet of an XLSX workbook, read with the JDK's zip and a hardened StAX parser (no DTDs, no external
 * entities) rather than Apache POI: a list of children needs cell text, whether a cell holds a formula, and the row
 * numbers, nothing of POI's object model, and the portal need not carry POI (and its parsers) at run time
 * (docs/adr/0019). Formulas are never evaluated. Every part is bounded by the limits' expanded size, counted as it
 * is inflated.
 */
public final class XlsxTableReader implements TableReader {

    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    @Override
    public Table firstSheet(byte[] workbook, Limits limits) {
        Map<String, byte[]> parts = parts(workbook, limits);
        try {
            String sheet = firstSheetPart(parts);
            List<String> shared = parts.containsKey(SHARED_STRINGS) ? sharedStrings(parts.get(SHARED_STRINGS), limits)
                    : List.of();
            byte[] sheetXml = parts.get(sheet);
            if (sheetXml == null) {
                throw new UnreadableTable("its first sheet is missing");
            }
            return rows(sheetXml, shared, limits);
        } catch (XMLStreamException | NumberFormatException e) {
            throw new UnreadableTable("it is not a valid workbook", e);
        }
    }

    /** The workbook's XML parts (not media), each inflated within the limit. */
    private static Map<String, byte[]> parts(byte[] workbook, Limits limits) {
        Map<String, byte[]> parts = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!name.endsWith(".xml") && !name.endsWith(".rels")) {
                    continue;
                }
                byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxExpandedBytes() - total + 1));
                total += bytes.length;
                if (total > limits.maxExpandedBytes()) {
                    throw new UnreadableTable("it expands to more than " + limits.maxExpandedBytes() / (1024 * 1024)
                            + " MB");
                }
                parts.put(name, bytes);
            }
        } catch (IOException e) {
            throw new UnreadableTable("it is not a valid workbook", e);
        }
        return parts;
    }

    private static String firstSheetPart(Map<String, byte[]> parts) throws XMLStreamException {
        byte[] workbook = parts.get(WORKBOOK);
        byte[] rels = parts.get(WORKBOOK_RELS);
        if (workbook == null || rels == null) {
            throw new UnreadableTable("it has no workbook part");
        }
        String relationship = null;
        XMLStreamReader reader = parser(workbook);
        while (reader.hasNext() && relationship == null) {
            if (reader.next() == XMLStreamReader.START_ELEMENT && "sheet".equals(reader.getLocalName())) {
                relationship = reader.getAttributeValue(RELATIONSHIPS_NS, "id");
            }
        }
        if (relationship == null) {
            throw new UnreadableTable("it has no sheet");
        }
        reader = parser(rels);
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamReader.START_ELEMENT && "Relationship".equals(reader.getLocalName())
                    && relationship.equals(reader.getAttributeValue(null, "Id"))) {
                String target = reader.getAttributeValue(null, "Target");
                return target.startsWith("/") ? target.substring(1) : "xl/" + target;
            }
        }
        throw new UnreadableTable("its first sheet is missing");
    }

    private static List<String> sharedStrings(byte[] xml, Limits limits) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader reader = parser(xml);
        StringBuilder current = null;
        boolean inText = false;
        int phonetic = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "si" -> current = new StringBuilder();
                    case "t" -> inText = phonetic == 0;
                    case "rPh" -> phonetic++;
                    default -> { }
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "si" -> {
                        strings.add(current == null ? "" : current.toString());
                        if (strings.size() > limits.maxRows() * (long) limits.maxColumns()) {
                            throw new UnreadableTable("it holds too many values");
                        }
                        current = null;
                    }
                    case "t" -> inText = false;
                    case "rPh" -> phonetic--;
                    default -> { }
                }
            } else if ((event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) && inText
                    && current != null) {
                current.append(reader.getText());
            }
        }
        return strings;
    }

    private static Table rows(byte[] xml, List<String> shared, Limits limits) throws XMLStreamException {
        List<Table.Row> rows = new ArrayList<>();
        List<Table.Cell> cells = null;
        int rowNumber = 0;
        int column = -1;
        String type = null;
        boolean formula = false;
        StringBuilder value = new StringBuilder();
        boolean inValue = false;
        XMLStreamReader reader = parser(xml);
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "row" -> {
                        String r = reader.getAttributeValue(null, "r");
                        rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                        cells = new ArrayList<>();
                        column = -1;
                        if (rows.size() >= limits.maxRows()) {
                            throw new UnreadableTable("it has more than " + limits.maxRows() + " rows");
                        }
                    }
                    case "c" -> {
                        String ref = reader.getAttributeValue(null, "r");
                        column = ref == null ? column + 1 : columnOf(ref);
                        if (column >= limits.maxColumns()) {
                            throw new UnreadableTable("a row has more than " + limits.maxColumns() + " columns");
                        }
                        type = reader.getAttributeValue(null, "t");
                        formula = false;
                        value.setLength(0);
                    }
                    case "f" -> formula = true;
                    case "v", "t" -> inValue = true;
                    default -> { }
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "row" -> {
                        rows.add(new Table.Row(rowNumber, cells == null ? List.of() : cells));
                        cells = null;
                    }
                    case "c" -> {
                        if (cells != null) {
                            cells.add(new Table.Cell(column, text(type, value.toString(), shared), formula));
                        }
                    }
                    case "v", "t" -> inValue = false;
                    default -> { }
                }
            } else if ((event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) && inValue) {
                value.append(reader.getText());
            }
        }
        return new Table(rows);
    }

    private static String text(String type, String value, List<String> shared) {
        if ("s".equals(type)) {
            try {
                return shared.get(Integer.parseInt(value.strip()));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new UnreadableTable("a cell refers to a value that is not there");
            }
        }
        return value;
    }

    /** "B12" → 1. */
    static int columnOf(String reference) {
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (column > 16_384) {
                throw new UnreadableTable("a cell reference is out of range");
            }
            i++;
        }
        return column - 1;
    }

    private static XMLStreamReader parser(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        InputStream in = new ByteArrayInputStream(xml);
        return factory.createXMLStreamReader(in);
    }
}
