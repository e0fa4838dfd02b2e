package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditPage;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The SIRO's search on a real PostgreSQL (V26): on a randomised trail, every page of every randomised query within a
 * randomised scope is exactly what {@link AuditQuery#matches} and {@link AuditScope#covers} say, newest first (by
 * time, then seq: the events' times are not in seq order); events recorded before issue 18 are found by their report
 * and download id; and on a larger table no criterion is answered by reading the whole table.
 */
class JdbcAuditSearchTest {

    private static final Instant START = Instant.parse("2030-01-06T08:00:00Z");
    private static final List<String> ORGANISATIONS = List.of("ofsted", "cqc", "hmic", "northdale-council");
    private static final List<String> ACTORS = List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7");
    private static final List<String> ACTIONS = List.of(AuditActions.REPORT_VIEW, AuditActions.REPORT_DOWNLOAD,
            AuditActions.LETTER_DOWNLOAD, AuditActions.INSPECTION_VIEW, AuditActions.SIGN_IN);
    private static final List<String> REPORTS = List.of("r1", "r2", "r3", "r4");
    private static final List<String> INSPECTIONS = List.of("i1", "i2", "i3");

    /** Newest first: by the event's time, then by seq. */
    private static final Function<List<AuditEvent>, Comparator<Long>> NEWEST_FIRST = recorded -> Comparator
            .comparing((Long seq) -> recorded.get((int) (seq - 1)).at()).thenComparing(seq -> seq).reversed();

    private static DataSource dataSource;
    private static JdbcAuditTrail trail;
    private static JdbcAuditSearch search;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        trail = new JdbcAuditTrail(dataSource);
        search = new JdbcAuditSearch(dataSource);
    }

    private static void empty() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // the trail is append-only (docs/adr/0032): only the owner with triggers off may empty it
            statement.execute("set session_replication_role = replica");
            statement.execute("truncate audit_event restart identity");
            statement.execute("reset session_replication_role");
        }
    }

    @Test
    void everyPageOfEveryQueryIsWhatTheQueryAndTheScopeSay() throws Exception {
        empty();
        Random random = new Random(18);
        List<AuditEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            AuditEvent event = randomEvent(random, i);
            trail.record(event);
            recorded.add(event);
        }
        for (int q = 0; q < 300; q++) {
            AuditQuery query = randomQuery(random, recorded);
            AuditScope scope = AuditScope.ofOrganisation(pick(random, ORGANISATIONS));
            List<Long> expected = new ArrayList<>();
            for (int seq = 1; seq <= recorded.size(); seq++) {
                AuditEvent event = recorded.get(seq - 1);
                if (query.matches(event) && scope.covers(event)) {
                    expected.add((long) seq);
                }
            }
            expected.sort(NEWEST_FIRST.apply(recorded));
            int from = Math.min(expected.size(), (query.page() - 1) * query.pageSize());
            int to = Math.min(expected.size(), from + query.pageSize());
            AuditPage page = search.search(query, scope);
            assertEquals(expected.subList(from, to), page.events().stream().map(StoredAuditEvent::seq).toList(),
                    query + " within " + scope);
            assertEquals(expected.size() > to, page.more(), "more: " + query);
            for (StoredAuditEvent found : page.events()) {
                assertEquals(recorded.get((int) found.seq() - 1), found.event());
                assertTrue(query.matches(found.event()) && scope.covers(found.event()));
            }
        }
    }

    @Test
    void eventsRecordedBeforeIssue18AreFoundByTheirReportInspectionAndDownloadId() throws Exception {
        empty();
        String downloadId = "0123456789abcdef0123456789abcdef";
        trail.record(new AuditEvent(START, "u1", "cqc", AuditActions.REPORT_DOWNLOAD, "REPORT", "r9",
                Outcome.SUCCEEDED, "downloadId=" + downloadId));
        trail.record(new AuditEvent(START.plusSeconds(1), "u2", "ofsted", AuditActions.INSPECTION_VIEW,
                "INSPECTION", "i9", Outcome.SUCCEEDED, null));
        trail.record(new AuditEvent(START.plusSeconds(2), "u2", "ofsted", AuditActions.REPORT_VIEW, "REPORT", "r8",
                Outcome.SUCCEEDED, null));
        trail.record(new AuditEvent(START.plusSeconds(3), "u3", "cqc", AuditActions.AUDIT_SEARCH, "AUDIT_TRAIL",
                "audit-trail/CQC", Outcome.SUCCEEDED, "downloadId=" + downloadId + " page=1 pageSize=50"));

        AuditPage byDownload = search.search(query(null, null, downloadId), AuditScope.ofOrganisation("cqc"));
        assertEquals(1, byDownload.events().size(), "the download, not the search that names its id");
        AuditEvent found = byDownload.events().get(0).event();
        assertEquals("u1", found.actorId());
        assertEquals(downloadId, found.downloadId());
        assertEquals("r9", found.reportId());
        assertEquals(List.of(1L), search.search(query("r9", null, null), AuditScope.everything()).events().stream()
                .map(StoredAuditEvent::seq).toList());
        assertEquals(List.of(2L), search.search(query(null, "i9", null), AuditScope.everything()).events().stream()
                .map(StoredAuditEvent::seq).toList());
        assertTrue(search.search(query(null, null, downloadId), AuditScope.ofOrganisation("ofsted")).events()
                .isEmpty(), "another party's reader of another party's report is outside Ofsted's scope");
    }

    @Test
    void whoHasSeenAReportListsTheDownloadsOfItAndOfItsLetters() throws Exception {
        empty();
        String first = "11111111111111111111111111111111";
        String second = "22222222222222222222222222222222";
        // recorded as today's services do (ids in the resource and the detail) and as issue 18 records (columns)
        trail.record(new AuditEvent(START, "u1", "cqc", AuditActions.REPORT_DOWNLOAD, "REPORT", "r1",
                Outcome.SUCCEEDED, "downloadId=" + first));
        trail.record(new AuditEvent(START.plusSeconds(1), "u2", "hmic", AuditActions.REPORT_DOWNLOAD, "REPORT", "r1",
                Outcome.SUCCEEDED, "stamped").withScope("r1", null, Set.of("ofsted")).withDownloadId(second));
        trail.record(new AuditEvent(START.plusSeconds(2), "u3", "cqc", AuditActions.REPORT_DOWNLOAD, "REPORT", "r1",
                Outcome.DENIED, "report.embargo.reader-lists-only"));
        trail.record(new AuditEvent(START.plusSeconds(3), "u3", "cqc", AuditActions.REPORT_VIEW, "REPORT", "r1",
                Outcome.SUCCEEDED, null));
        trail.record(new AuditEvent(START.plusSeconds(4), "u4", "cqc", AuditActions.REPORT_DOWNLOAD, "REPORT", "r2",
                Outcome.SUCCEEDED, "downloadId=" + second.replace('2', '3')));
        trail.record(new AuditEvent(START.plusSeconds(5), "u5", "cqc", AuditActions.LETTER_DOWNLOAD, "LETTER", "l1",
                Outcome.SUCCEEDED, "report page downloadId=" + first.replace('1', '4'))
                .withScope("r1", null, Set.of("ofsted")));

        List<StoredAuditEvent> readers = search.downloadsOf("r1", 10);

        assertEquals(List.of(6L, 2L, 1L), readers.stream().map(StoredAuditEvent::seq).toList());
        assertEquals(List.of("u5", "u2", "u1"), readers.stream().map(r -> r.event().actorId()).toList());
        assertEquals(List.of(first.replace('1', '4'), second, first),
                readers.stream().map(r -> r.event().downloadId()).toList());
        assertEquals(1, search.downloadsOf("r1", 1).size());
    }

    @Test
    void noCriterionReadsTheWholeTable() throws Exception {
        empty();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(AuditSeed.insertSql(60_000));
            statement.execute("analyze audit_event");
        }
        AuditScope cqc = AuditScope.ofOrganisation("cqc");
        List<AuditQuery> queries = List.of(
                query(null, null, null),
                new AuditQuery("user-17", null, null, null, null, null, null, null, null, 1, 50),
                new AuditQuery(null, "hmic", null, null, null, null, null, null, null, 1, 50),
                query("report-42", null, null),
                query(null, "inspection-7", null),
                new AuditQuery(null, null, null, null, AuditActions.REPORT_DOWNLOAD, null, null, null, null, 1, 50),
                new AuditQuery(null, null, null, null, null, Outcome.DENIED, null, null, null, 1, 50),
                new AuditQuery(null, null, null, null, null, null, AuditSeed.START.plus(Duration.ofHours(100)),
                        AuditSeed.START.plus(Duration.ofHours(101)), null, 1, 50),
                query(null, null, AuditSeed.downloadId(4_320)),
                new AuditQuery("user-3", null, "report-5", null, AuditActions.REPORT_DOWNLOAD, Outcome.SUCCEEDED,
                        AuditSeed.START, AuditSeed.START.plus(Duration.ofDays(365)), null, 2, 20));
        for (AuditQuery query : queries) {
            String plan = plan(JdbcAuditSearch.statement(query, cqc));
            assertFalse(plan.contains("Seq Scan"), query + "\n" + plan);
        }
        AuditQuery oneDay = new AuditQuery(null, null, null, null, null, null, AuditSeed.START.plus(Duration.ofDays(3)),
                AuditSeed.START.plus(Duration.ofDays(4)), null, 1, 50);
        String plan = plan(JdbcAuditSearch.statement(oneDay, cqc));
        assertTrue(plan.contains("Scan Backward using audit_event_at on"),
                "a date range alone walks (at, seq) from its end and stops after a page, not reading the day\n" + plan);
    }

    private static String plan(JdbcAuditSearch.Statement statement) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("explain " + statement.sql())) {
            Object[] parameters = statement.parameters();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] texts) {
                    explain.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    explain.setObject(i + 1, parameters[i]);
                }
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static AuditQuery query(String report, String inspection, String downloadId) {
        return new AuditQuery(null, null, report, inspection, null, null, null, null, downloadId, 1, 50);
    }

    private static AuditEvent randomEvent(Random random, int i) {
        String organisation = pick(random, ORGANISATIONS);
        String action = pick(random, ACTIONS);
        String report = random.nextInt(3) == 0 ? null : pick(random, REPORTS);
        String inspection = random.nextInt(2) == 0 ? null : pick(random, INSPECTIONS);
        Set<String> owners = new HashSet<>();
        for (String owner : ORGANISATIONS) {
            if (random.nextInt(4) == 0) {
                owners.add(owner);
            }
        }
        String resourceType = report != null ? "REPORT" : inspection != null ? "INSPECTION" : null;
        String resourceId = report != null ? report : inspection;
        String downloadId = random.nextInt(3) == 0 ? String.format("%032x", random.nextLong() & Long.MAX_VALUE)
                : null;
        // not in seq order (an event's time is when it happened, its seq when it was committed), and some at once
        Instant at = START.plus(Duration.ofMinutes(i * 7L + random.nextInt(30)))
                .plusNanos(random.nextBoolean() ? 0 : random.nextInt(1000) * 1000L);
        return new AuditEvent(at, pick(random, ACTORS), random.nextInt(20) == 0 ? null : organisation, "INSPECTOR",
                action, resourceType, resourceId, report, inspection, owners,
                Outcome.values()[random.nextInt(3)], "d" + i, downloadId, "192.0.2." + i % 250, "agent");
    }

    private static AuditQuery randomQuery(Random random, List<AuditEvent> recorded) {
        AuditEvent some = recorded.get(random.nextInt(recorded.size()));
        Instant from = random.nextInt(3) == 0 ? START.plus(Duration.ofMinutes(random.nextInt(2_800))) : null;
        Instant to = random.nextInt(3) == 0 ? START.plus(Duration.ofMinutes(random.nextInt(2_800))) : null;
        return new AuditQuery(
                random.nextInt(4) == 0 ? pick(random, ACTORS) : null,
                random.nextInt(4) == 0 ? pick(random, ORGANISATIONS) : null,
                random.nextInt(4) == 0 ? pick(random, REPORTS) : null,
                random.nextInt(5) == 0 ? pick(random, INSPECTIONS) : null,
                random.nextInt(4) == 0 ? pick(random, ACTIONS) : null,
                random.nextInt(4) == 0 ? Outcome.values()[random.nextInt(3)] : null,
                from, to,
                random.nextInt(8) == 0 ? (some.downloadId() != null ? some.downloadId() : "ab".repeat(16)) : null,
                1 + random.nextInt(3), 1 + random.nextInt(25));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
