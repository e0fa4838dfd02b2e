package uk.gov.inspectorates.portal.security.content;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.ContentCheck;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.evidence.ChildrenListCheck;
import uk.gov.inspectorates.portal.core.evidence.Table;
import uk.gov.inspectorates.portal.core.evidence.TableReader;

/** Workbooks written by Apache POI, read by {@link XlsxTableReader} and checked as lists of children. */
class ChildrenListXlsxTest {

    private static final TableReader.Limits LIMITS = new TableReader.Limits(1000, 50, 16L << 20);
    private final XlsxTableReader reader = new XlsxTableReader();
    private final ChildrenListCheck check = new ChildrenListCheck(reader);

    private void check(byte[] xlsx) {
        ContentCheck.Session session = check.start();
        session.feed(xlsx, 0, xlsx.length);
        session.conclude(OfficePackages.XLSX);
    }

    @Test
    void theFirstSheetIsReadWithRowNumbersSharedStringsAndFormulasFlagged() {
        byte[] xlsx = OfficePackages.xlsx(new String[] {"Child ID", "Age"}, new String[] {"C-0001", "7"},
                new String[] {"C-0002", "=HYPERLINK(\"https://attacker.example/\",\"x\")"});

        Table table = reader.firstSheet(xlsx, LIMITS);

        assertEquals(3, table.rows().size());
        assertEquals(List.of(1, 2, 3), table.rows().stream().map(Table.Row::number).toList());
        assertEquals("Child ID", table.rows().get(0).cells().get(0).text());
        assertEquals("C-0002", table.rows().get(2).cells().get(0).text());
        assertTrue(table.rows().get(2).cells().get(1).formula());
    }

    @Test
    void aListOfIdentifiersIsAccepted() {
        assertDoesNotThrow(() -> check(OfficePackages.xlsx(new String[] {"Case number", "Category"},
                new String[] {"100234", "Child Protection Plan"}, new String[] {"100235", "Early Help"})));
    }

    @Test
    void namesInHeadersOrValuesAndFormulasAreRefusedWithTheirRow() {
        UploadRejected header = assertThrows(UploadRejected.class, () -> check(OfficePackages.xlsx(
                new String[] {"Child ID", "Surname"}, new String[] {"C-1", "x"})));
        UploadRejected value = assertThrows(UploadRejected.class, () -> check(OfficePackages.xlsx(
                new String[] {"Child ID", "Worker"}, new String[] {"C-1", "Team A"}, new String[] {"C-2",
                    "Emily Clarke"})));
        UploadRejected formula = assertThrows(UploadRejected.class, () -> check(OfficePackages.xlsx(
                new String[] {"Child ID", "Link"}, new String[] {"C-1", "=HYPERLINK(\"https://x.example\",\"go\")"})));
        UploadRejected noIdentifier = assertThrows(UploadRejected.class, () -> check(OfficePackages.xlsx(
                new String[] {"Age", "Category"}, new String[] {"7", "Early Help"})));

        assertTrue(header.getMessage().contains("Row 1: the column \"Surname\""), header.getMessage());
        assertTrue(value.getMessage().contains("Row 3: column B looks like a person's name"), value.getMessage());
        assertTrue(formula.getMessage().contains("Row 2: column B holds a formula"), formula.getMessage());
        assertTrue(noIdentifier.getMessage().contains("no identifier column"), noIdentifier.getMessage());
    }

    @Test
    void somethingThatIsNotAWorkbookIsRefusedAsUnreadable() {
        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> check(OfficePackages.docx("not a workbook")));

        assertEquals(UploadRejected.Reason.CONTENT_NOT_ALLOWED, refused.reason());
        assertTrue(refused.getMessage().contains("could not be read"), refused.getMessage());
    }

    @Test
    void aSheetExpandingBeyondTheLimitIsRefused() {
        byte[] xlsx = OfficePackages.xlsx(new String[] {"Child ID"}, new String[] {"x".repeat(5000)});

        assertThrows(TableReader.UnreadableTable.class,
                () -> reader.firstSheet(xlsx, new TableReader.Limits(10, 10, 2000)));
    }
}
