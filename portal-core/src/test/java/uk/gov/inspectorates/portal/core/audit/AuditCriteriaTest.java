package uk.gov.inspectorates.portal.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/** The search parameters the API, the audit page and the exports share: read, checked all at once, and written back. */
class AuditCriteriaTest {

    @Test
    void everyCriterionIsReadAndDaysAreWholeUkDays() {
        Map<String, String> given = new HashMap<>(Map.of("person", "u-1", "organisation", "cqc", "report", "r-1",
                "inspection", "i-1", "action", "report_download", "outcome", "denied", "from", "2030-07-01",
                "to", "2030-07-31", "downloadId", "0123456789ABCDEF0123456789abcdef", "page", "3"));
        given.put("pageSize", "20");
        AuditQuery query = parse(given).query();

        assertEquals(new AuditQuery("u-1", "cqc", "r-1", "i-1", AuditActions.REPORT_DOWNLOAD,
                AuditEvent.Outcome.DENIED, Instant.parse("2030-06-30T23:00:00Z"),
                Instant.parse("2030-07-31T23:00:00Z"), "0123456789abcdef0123456789abcdef", 3, 20), query);
    }

    @Test
    void nothingGivenIsEverythingInScopeNewestFirstFiftyAPage() {
        AuditQuery query = parse(Map.of("person", " ", "report", "")).query();
        assertNull(query.actorId());
        assertNull(query.reportId());
        assertEquals(1, query.page());
        assertEquals(AuditCriteria.DEFAULT_PAGE_SIZE, query.pageSize());
    }

    @Test
    void timesAreTakenAsGiven() {
        AuditQuery query = parse(Map.of("from", "2030-01-10T09:30:00Z", "to", "2030-01-10T10:00:00Z")).query();
        assertEquals(Instant.parse("2030-01-10T09:30:00Z"), query.from());
        assertEquals(Instant.parse("2030-01-10T10:00:00Z"), query.to());
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        Map<String, String> given = new HashMap<>();
        given.put("from", "31/01/2030");
        given.put("to", "2030-02-30");
        given.put("outcome", "maybe");
        given.put("action", "DROP_TABLE");
        given.put("downloadId", "not-an-id");
        given.put("page", "0");
        given.put("pageSize", "501");
        given.put("person", "u'; select 1");
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> parse(given));
        assertEquals(List.of("person", "action", "outcome", "from", "to", "downloadId", "page", "pageSize"),
                invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theEndOfAPeriodIsAfterItsStart() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> parse(Map.of("from", "2030-02-01", "to", "2030-01-31")));
        assertEquals("to", invalid.errors().get(0).field());
    }

    @Test
    void theCriteriaTravelToTheExportsAndTheNextPage() {
        AuditCriteria criteria = parse(Map.of("report", "r-1", "outcome", "refused", "from", "2030-01-10",
                "pageSize", "10"));
        assertEquals("report=r-1&outcome=REFUSED&from=2030-01-10T00%3A00%3A00Z", criteria.queryString());
        assertEquals("report=r-1&outcome=REFUSED&from=2030-01-10T00%3A00%3A00Z&page=2&pageSize=10",
                criteria.queryString(2));
        assertEquals(criteria, AuditCriteria.parse(Map.of("report", "r-1", "outcome", "REFUSED",
                "from", "2030-01-10T00:00:00Z", "pageSize", "10")::get));
        assertEquals("report=r-1 outcome=REFUSED from=2030-01-10T00:00:00Z page=1 pageSize=10", criteria.describe());
    }

    @Test
    void furtherPagesAreTheTrailAsItStoodForTheFirst() {
        Instant now = Instant.parse("2030-01-10T10:00:00Z");
        assertEquals(now, parse(Map.of()).asOf(now).query().to());
        assertEquals(Instant.parse("2030-01-09T00:00:00Z"), parse(Map.of("to", "2030-01-08")).asOf(now).query().to());
        assertEquals(now, parse(Map.of("to", "2030-02-01")).asOf(now).query().to());
    }

    private static AuditCriteria parse(Map<String, String> given) {
        return AuditCriteria.parse(given::get);
    }
}
