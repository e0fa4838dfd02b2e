package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.Action;

/** The access matrix's tables are complete, and the completeness check catches what it must (no portal needed). */
class AccessMatrixTableTest {

    private static final String HEADER = "subject,state,LIST,VIEW_METADATA,DOWNLOAD,UPLOAD,CHANGE,DELETE,EXPORT,AUDIT_VIEW\n";
    private static final List<String> SUBJECTS = List.of("a", "b");
    private static final List<String> STATES = List.of("OLD", "NEW");
    private static final BiPredicate<Action, String> UPLOAD_ONLY_NEW = (action, state) ->
            (action == Action.UPLOAD) == state.equals("NEW");
    private static final String OLD = ",OLD,LISTED,PERMIT,PERMIT,N/A,NO_ROUTE,DENY_403,NO_ROUTE,NO_ROUTE\n";
    private static final String NEW = ",NEW,N/A,N/A,N/A,PERMIT,N/A,N/A,N/A,N/A\n";

    @Test
    void everyTableHasACellForEverySubjectStateAndAction() {
        MatrixSubjects subjects = MatrixSubjects.load();
        var tables = AccessMatrixIT.tables(subjects.names());

        int cellsPerState = subjects.names().size() * Action.values().length;
        assertEquals(cellsPerState * ReportRoutes.STATES.size(), tables.get("reports").cells().size());
        assertEquals(cellsPerState * UploadRoutes.STATES.size(), tables.get("uploads").cells().size());
        assertEquals(cellsPerState * OrganisationRoutes.STATES.size(), tables.get("organisations").cells().size());
        assertEquals(cellsPerState * TermPlanRoutes.STATES.size(), tables.get("term-plans").cells().size());
    }

    @Test
    void aCompleteTableLoads() {
        assertEquals(2 * 2 * 8, parse(HEADER + "a" + OLD + "a" + NEW + "# a comment\n\nb" + OLD + "b" + NEW)
                .cells().size());
    }

    @Test
    void aMissingRowIsNamed() {
        assertFails("no row for b × NEW", HEADER + "a" + OLD + "a" + NEW + "b" + OLD);
    }

    @Test
    void unknownSubjectsStatesActionsAndExpectationsAreNamed() {
        String complete = "a" + OLD + "a" + NEW + "b" + OLD + "b" + NEW;
        assertFails("unknown subject c", HEADER + complete + "c" + OLD);
        assertFails("unknown state GONE", HEADER + complete + "a,GONE" + OLD.substring(4));
        assertFails("unknown action column PUBLISH", HEADER.strip() + ",PUBLISH\n" + complete);
        assertFails("unknown expectation 'ALLOW'", HEADER + complete.replaceFirst("PERMIT", "ALLOW"));
    }

    @Test
    void aMissingActionColumnIsNamed() {
        assertFails("no column for action AUDIT_VIEW", HEADER.replace(",AUDIT_VIEW", "")
                + ("a" + OLD + "a" + NEW + "b" + OLD + "b" + NEW).replaceAll(",[^,\\n]+\\n", "\n"));
    }

    @Test
    void notApplicableMustBeExactlyWhereTheRoutesSaySo() {
        assertFails("a × NEW × UPLOAD is N/A, but the action applies",
                HEADER + "a" + OLD + "a" + NEW.replace("PERMIT", "N/A") + "b" + OLD + "b" + NEW);
        assertFails("b × OLD × UPLOAD must be N/A",
                HEADER + "a" + OLD + "a" + NEW + "b" + OLD.replace("N/A", "DENY_403") + "b" + NEW);
    }

    @Test
    void listedIsOnlyForListAndListOnlyTakesListedOrNot() {
        assertFails("a × OLD × LIST must be LISTED, NOT_LISTED, DENY_403 or DENY_404",
                HEADER + "a" + OLD.replace("LISTED", "PERMIT") + "a" + NEW + "b" + OLD + "b" + NEW);
        assertFails("VIEW_METADATA: LISTED/NOT_LISTED are for LIST",
                HEADER + "a" + OLD.replace("LISTED,PERMIT", "LISTED,LISTED") + "a" + NEW + "b" + OLD + "b" + NEW);
    }

    @Test
    void theDifferenceTableShowsExpectedAndObserved() {
        String table = AccessMatrixIT.diffTable(List.of());
        assertTrue(table.startsWith("| subject | state | action | expected | observed | note"), table);
    }

    private static AccessMatrix parse(String csv) {
        return AccessMatrix.parse("test", csv, SUBJECTS, STATES, UPLOAD_ONLY_NEW);
    }

    private static void assertFails(String expectedProblem, String csv) {
        AssertionError failure = assertThrows(AssertionError.class, () -> parse(csv));
        assertTrue(failure.getMessage().contains(expectedProblem), failure.getMessage());
    }
}
