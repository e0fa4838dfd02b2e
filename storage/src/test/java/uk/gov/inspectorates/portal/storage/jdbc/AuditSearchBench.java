package uk.gov.inspectorates.portal.storage.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditScope;

/**
 * The SIRO's search on a million events (issue 18, docs/adr/0033): representative searches of a CQC SIRO, each timed
 * against a trivial indexed query (one event by its seq) in the same run, on one connection; printed as a markdown
 * table (target: within 10x). Not a test of the normal build (the name is not *Test): run it alone with
 * {@code scripts/bench-audit-search} (events: {@code -Daudit.bench.events=1000000}, rounds:
 * {@code -Daudit.bench.rounds=200}).
 */
class AuditSearchBench {

    private static final double TARGET = 10.0;

    @Test
    void searchesOfAMillionEventsAgainstOneEventBySeq() throws Exception {
        int events = Integer.getInteger("audit.bench.events", 1_000_000);
        int rounds = Integer.getInteger("audit.bench.rounds", 200);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("unix_socket_directories", "").start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            long seeding = System.nanoTime();
            uk.gov.inspectorates.portal.storage.keys.MigrationScripts.apply(dataSource);
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute(AuditSeed.insertSql(events));
                statement.execute("vacuum analyze audit_event");
                // as autovacuum leaves a settled trail: the first vacuum after the bulk insert does not yet mark
                // every page all-visible, which index-only scans need
                statement.execute("vacuum audit_event");
            }
            System.out.printf(Locale.ROOT, "%n%,d events seeded and analysed in %.1f s%n", events,
                    (System.nanoTime() - seeding) / 1e9);
            new JdbcUnitOfWork(dataSource).inOne(() -> {
                run(dataSource, events, rounds);
                return null;
            });
        }
    }

    private static void run(DataSource dataSource, int events, int rounds) {
        Jdbc jdbc = new Jdbc(dataSource);
        JdbcAuditSearch search = new JdbcAuditSearch(dataSource);
        AuditScope cqc = AuditScope.ofOrganisation("cqc");
        Random random = new Random(18);
        Map<String, IntSupplier> searches = new LinkedHashMap<>();
        searches.put("one event by seq (baseline)", () -> jdbc.query("select " + JdbcAuditSearch.COLUMNS
                + " from audit_event where seq = ?", JdbcAuditSearch::stored, 1L + random.nextInt(events)).size());
        Map<String, AuditQuery> queries = new LinkedHashMap<>();
        Instant middle = AuditSeed.START.plus(Duration.ofSeconds(30L * events / 2));
        queries.put("everything in scope, page 1", query(null, null, null, null, null, null, null, 1));
        queries.put("person", query("user-17", null, null, null, null, null, null, 1));
        queries.put("organisation", query(null, "hmic", null, null, null, null, null, 1));
        queries.put("report", query(null, null, "report-42", null, null, null, null, 1));
        queries.put("inspection", query(null, null, null, "inspection-9", null, null, null, 1));
        queries.put("action", query(null, null, null, null, AuditActions.REPORT_DOWNLOAD, null, null, 1));
        queries.put("outcome denied", query(null, null, null, null, null, Outcome.DENIED, null, 1));
        queries.put("download id (a leak)", query(null, null, null, null, null, null,
                AuditSeed.downloadId(leakedInScope(events / 2)), 1));
        queries.put("report, downloads, succeeded, one month", new AuditQuery(null, null, "report-40", null,
                AuditActions.REPORT_DOWNLOAD, Outcome.SUCCEEDED, middle.minus(Duration.ofDays(30)), middle,
                null, 1, 50));
        queries.put("one day", new AuditQuery(null, null, null, null, null, null, middle,
                middle.plus(Duration.ofDays(1)), null, 1, 50));
        queries.put("one day, page 10", new AuditQuery(null, null, null, null, null, null, middle,
                middle.plus(Duration.ofDays(1)), null, 10, 50));
        queries.put("action, page 10", query(null, null, null, null, AuditActions.REPORT_DOWNLOAD, null, null, 10));
        queries.forEach((name, query) -> searches.put(name, () -> search.search(query, cqc).events().size()));
        if (Boolean.getBoolean("audit.bench.plans")) {
            System.out.println("shared_buffers " + jdbc.query("show shared_buffers", row -> row.getString(1)));
            queries.forEach((name, query) -> {
                JdbcAuditSearch.Statement statement = JdbcAuditSearch.statement(query, cqc);
                System.out.println("\n" + name + ":\n" + String.join("\n", jdbc.query("explain analyze "
                        + statement.sql(), row -> row.getString(1), statement.parameters())));
            });
        }

        Map<String, Integer> found = new LinkedHashMap<>();
        Map<String, long[]> times = new LinkedHashMap<>();
        searches.forEach((name, run) -> {
            times.put(name, new long[rounds]);
            for (int i = 0; i < 20; i++) {
                found.put(name, run.getAsInt());
            }
        });
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, IntSupplier> entry : searches.entrySet()) {
                long start = System.nanoTime();
                entry.getValue().getAsInt();
                times.get(entry.getKey())[round] = System.nanoTime() - start;
            }
        }
        double baseline = median(times.get("one event by seq (baseline)"));
        List<String> table = new ArrayList<>();
        table.add("| search (CQC SIRO's scope, 50 a page) | events on the page | median ms | ratio | target |");
        table.add("| --- | ---: | ---: | ---: | --- |");
        times.forEach((name, samples) -> {
            double median = median(samples);
            double ratio = median / baseline;
            table.add(String.format(Locale.ROOT, "| %s | %d | %.3f | %.1fx | %s |", name, found.get(name),
                    median / 1e6, ratio, ratio <= TARGET ? "within 10x" : "OVER 10x"));
        });
        System.out.printf(Locale.ROOT, "%nAudit search on %,d events, %d rounds (median of each)%n%n", events,
                rounds);
        table.forEach(System.out::println);
        System.out.println();
    }

    private static AuditQuery query(String person, String organisation, String report, String inspection,
                                    String action, Outcome outcome, String downloadId, int page) {
        return new AuditQuery(person, organisation, report, inspection, action, outcome, null, null, downloadId, page,
                50);
    }

    /** A download near event {@code g} in the CQC SIRO's scope (a CQC reader, or CQC's information). */
    private static int leakedInScope(int g) {
        int download = g / 4 * 4;
        while (!((download % 8 == 1) || ((download / 11) % 6 == 1))) {
            download += 4;
        }
        return download;
    }

    private static double median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
