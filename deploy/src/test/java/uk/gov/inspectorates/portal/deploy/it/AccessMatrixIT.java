package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.deploy.it.AccessMatrix.Cell;
import uk.gov.inspectorates.portal.deploy.it.AccessMatrix.Outcome;
import uk.gov.inspectorates.portal.deploy.it.MatrixRoutes.Answer;
import uk.gov.inspectorates.portal.deploy.it.MatrixRoutes.Route;

/**
 * The access matrix (issue 5, docs/adr/0011): every subject of {@code access-matrix/subjects.csv} tries every action on
 * every state of every resource kind through the real HTTP API, with a real session each, and gets exactly what the
 * kind's table ({@code access-matrix/<kind>.csv}) says; every refusal leaves one DENIED audit event naming its rule
 * (403s: the very rule in the answer), and nothing else does. A later feature adds its kind to {@link #kinds}, its
 * table and its {@link MatrixRoutes}; see {@code access-matrix/README.md}.
 */
class AccessMatrixIT extends PortalDeployment {

    private static final Pattern RULE = Pattern.compile("\"rule\"\\s*:\\s*\"([^\"]+)\"");

    private record AuditRow(String action, String outcome, String detail) {
    }

    private record Result(Cell cell, String observed, boolean observedGrants, String note) {
        boolean matches() {
            return observed.equals(cell.expected().name()) && note == null;
        }
    }

    /** Every kind of resource the API serves today; a feature that adds one adds it here. */
    private static List<MatrixRoutes> kinds(URI portal, MatrixSubjects subjects, Map<String, PortalApi> sessions)
            throws Exception {
        JtaiRoutes.Fixture jtai = JtaiRoutes.Fixture.signedIn(portal, sessions);
        return List.of(ReportRoutes.signedIn(portal, subjects, sessions), new UploadRoutes(sessions),
                new OrganisationRoutes(), new TermPlanRoutes(sessions), LetterRoutes.signedIn(portal, sessions),
                new JtaiRoutes.Inspections(jtai), new JtaiRoutes.Requests(jtai), new JtaiRoutes.Documents(jtai),
                new ReferralRoutes(sessions), new FindingsLetterRoutes(sessions),
                // issue 18: the SIRO's trail and its scope (docs/adr/0033)
                AuditTrailRoutes.signedIn(portal));
    }

    /** The tables, checked complete before anything runs (also by AccessMatrixTableTest, without a portal). */
    static Map<String, AccessMatrix> tables(List<String> subjects) {
        Map<String, AccessMatrix> tables = new LinkedHashMap<>();
        tables.put("reports", AccessMatrix.load("reports", subjects, ReportRoutes.STATES, ReportRoutes::appliesTo));
        tables.put("uploads", AccessMatrix.load("uploads", subjects, UploadRoutes.STATES, UploadRoutes::appliesTo));
        tables.put("organisations", AccessMatrix.load("organisations", subjects, OrganisationRoutes.STATES,
                OrganisationRoutes::appliesTo));
        tables.put("term-plans", AccessMatrix.load("term-plans", subjects, TermPlanRoutes.STATES,
                TermPlanRoutes::appliesTo));
        tables.put("letters", AccessMatrix.load("letters", subjects, LetterRoutes.STATES, LetterRoutes::appliesTo));
        tables.put("inspections", AccessMatrix.load("inspections", subjects, JtaiRoutes.Inspections.STATES,
                JtaiRoutes.Inspections::appliesTo));
        tables.put("information-requests", AccessMatrix.load("information-requests", subjects,
                JtaiRoutes.Requests.STATES, JtaiRoutes.Requests::appliesTo));
        tables.put("evidence-documents", AccessMatrix.load("evidence-documents", subjects,
                JtaiRoutes.Documents.STATES, JtaiRoutes.Documents::appliesTo));
        tables.put("referrals", AccessMatrix.load("referrals", subjects, ReferralRoutes.STATES,
                ReferralRoutes::appliesTo));
        tables.put("findings-letters", AccessMatrix.load("findings-letters", subjects, FindingsLetterRoutes.STATES,
                FindingsLetterRoutes::appliesTo));
        tables.put("audit-trail", AccessMatrix.load("audit-trail", subjects, AuditTrailRoutes.STATES,
                AuditTrailRoutes::appliesTo));
        return tables;
    }

    @Test
    void everySubjectGetsWhatTheTablesSayForEveryStateAndActionAndEveryRefusalIsAudited() throws Exception {
        URI portal = URI.create(base.toString());
        MatrixSubjects subjects = MatrixSubjects.load();
        Map<String, AccessMatrix> tables = tables(subjects.names());
        subjects.createUsers();
        List<Result> results = new ArrayList<>();
        long started = System.nanoTime();
        try (Connection audit = TestEnvironment.openSuperuserConnection()) {
            Map<String, PortalApi> sessions = subjects.signIn(portal);
            List<MatrixRoutes> kinds = kinds(portal, subjects, sessions);
            assertEquals(tables.keySet(), kinds.stream().map(MatrixRoutes::kind)
                    .collect(Collectors.toCollection(LinkedHashSet::new)),
                    "every kind has a table and every table a kind");
            for (MatrixRoutes kind : kinds) {
                AccessMatrix table = tables.get(kind.kind());
                assertEquals(Set.copyOf(kind.states()),
                        table.cells().stream().map(Cell::state).collect(Collectors.toSet()),
                        kind.kind() + ": the table's states are the routes' states");
                try {
                    results.addAll(run(kind, table, subjects, sessions, audit));
                } finally {
                    kind.cleanUp();
                }
            }
        } finally {
            subjects.removeUsers();
        }
        String summary = summary(results, (System.nanoTime() - started) / 1_000_000_000.0);
        System.out.println(summary);
        List<Result> differences = results.stream().filter(result -> !result.matches()).toList();
        assertTrue(differences.isEmpty(), summary + "\n" + diffTable(differences));
        assertEquals(tables.values().stream().mapToInt(t -> t.cells().size()).sum(), results.size());
    }

    /** Non-consuming actions first, removals last, so that a removal cannot change what another cell sees. */
    private List<Result> run(MatrixRoutes kind, AccessMatrix table, MatrixSubjects subjects,
                             Map<String, PortalApi> sessions, Connection audit) throws Exception {
        Map<String, String> instances = new HashMap<>();
        for (String state : kind.states()) {
            instances.put(state, kind.prepare(state));
        }
        List<Cell> ordered = table.cells().stream()
                .sorted(Comparator.comparing((Cell cell) -> kind.route(cell.action()).consumes()))
                .toList();
        List<Result> results = new ArrayList<>();
        for (Cell cell : ordered) {
            if (cell.expected() == Outcome.NOT_APPLICABLE) {
                results.add(new Result(cell, Outcome.NOT_APPLICABLE.name(), false, null));
                continue;
            }
            Route route = kind.route(cell.action());
            String id = instances.get(cell.state());
            String userId = subjects.get(cell.subject()).userId();
            long before = lastSeq(audit);
            Answer answer = route.request().send(sessions.get(cell.subject()), cell.subject(), id);
            List<AuditRow> events = eventsSince(audit, before, userId);
            Result result = classify(cell, route, answer, id, events);
            results.add(result);
            if (route.consumes() && answer.status() / 100 == 2) {
                instances.put(cell.state(), kind.prepare(cell.state()));
            }
        }
        return results;
    }

    private static Result classify(Cell cell, Route route, Answer answer, String id, List<AuditRow> events) {
        int status = answer.status();
        boolean success = status / 100 == 2;
        String observed = switch (route.check()) {
            // a listing under a parent the caller may not know exists (an inspection's documents) is a 404
            case MEMBERSHIP -> status == 403 ? Outcome.DENY_403.name()
                    : status == 404 ? Outcome.DENY_404.name()
                    : status != 200 ? "HTTP_" + status
                    : answer.body().contains(id) ? Outcome.LISTED.name() : Outcome.NOT_LISTED.name();
            case ACCESS -> success ? Outcome.PERMIT.name()
                    : status == 303 && answer.body().startsWith("Location: ") ? Outcome.SEE_OTHER_303.name()
                    : status == 409 && answer.body().contains("state-conflict") ? Outcome.CONFLICT_409.name()
                    : status == 403 ? Outcome.DENY_403.name()
                    : status == 404 ? Outcome.DENY_404.name()
                    : "HTTP_" + status;
            case NONE -> (status == 404 || status == 405) && events.isEmpty() ? Outcome.NO_ROUTE.name()
                    : "ROUTE_EXISTS_HTTP_" + status;
        };
        boolean grants = route.check() == MatrixRoutes.Check.MEMBERSHIP
                ? observed.equals(Outcome.LISTED.name()) : success;
        return new Result(cell, observed, grants, auditProblem(observed, answer, events));
    }

    /** A refusal leaves exactly one DENIED event naming its rule (for a 403, the rule in the answer); nothing else does. */
    private static String auditProblem(String observed, Answer answer, List<AuditRow> events) {
        List<AuditRow> refusals = events.stream()
                .filter(e -> e.outcome().equals("DENIED") || e.outcome().equals("REFUSED")).toList();
        if (observed.equals(Outcome.DENY_403.name()) || observed.equals(Outcome.DENY_404.name())) {
            if (refusals.size() != 1 || !refusals.get(0).outcome().equals("DENIED")
                    || refusals.get(0).detail() == null || refusals.get(0).detail().isBlank()) {
                return "audit: expected one DENIED event with a rule, got " + events;
            }
            if (observed.equals(Outcome.DENY_403.name())) {
                Matcher rule = RULE.matcher(answer.body());
                if (!rule.find()) {
                    return "403 without a rule: " + answer.body();
                }
                if (!rule.group(1).equals(refusals.get(0).detail())) {
                    return "audit names " + refusals.get(0).detail() + ", the answer " + rule.group(1);
                }
            }
            return null;
        }
        if (observed.equals(Outcome.CONFLICT_409.name())) {
            return refusals.size() == 1 && refusals.get(0).outcome().equals("REFUSED") ? null
                    : "audit: expected one REFUSED event for the state conflict, got " + events;
        }
        return refusals.isEmpty() ? null : "audit: a refusal recorded for an answer that was not one: " + refusals;
    }

    private static long lastSeq(Connection audit) throws SQLException {
        try (PreparedStatement query = audit.prepareStatement("select coalesce(max(seq), 0) from audit_event");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<AuditRow> eventsSince(Connection audit, long seq, String actorId) throws SQLException {
        try (PreparedStatement query = audit.prepareStatement("select action, outcome, detail from audit_event"
                + " where seq > ? and actor_id = ? order by seq")) {
            query.setLong(1, seq);
            query.setString(2, actorId);
            List<AuditRow> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new AuditRow(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return events;
        }
    }

    private static String summary(List<Result> results, double seconds) {
        Map<Outcome, Integer> byExpected = new EnumMap<>(Outcome.class);
        results.forEach(r -> byExpected.merge(r.cell().expected(), 1, Integer::sum));
        long unexpectedPermits = results.stream()
                .filter(r -> !r.matches() && r.observedGrants() && !r.cell().expected().grants()).count();
        long unexpectedDenies = results.stream()
                .filter(r -> !r.matches() && !r.observedGrants() && r.cell().expected().grants()).count();
        long other = results.stream().filter(r -> !r.matches()).count() - unexpectedPermits - unexpectedDenies;
        return String.format("access matrix: %d cells in %.1f s: %d permitted (%d PERMIT, %d LISTED), %d denied"
                        + " (%d DENY_403, %d DENY_404, %d NOT_LISTED), %d SEE_OTHER_303, %d CONFLICT_409, %d NO_ROUTE, %d N/A;"
                        + " %d unexpected permits, %d unexpected denies, %d other differences",
                results.size(), seconds,
                count(byExpected, Outcome.PERMIT) + count(byExpected, Outcome.LISTED),
                count(byExpected, Outcome.PERMIT), count(byExpected, Outcome.LISTED),
                count(byExpected, Outcome.DENY_403) + count(byExpected, Outcome.DENY_404)
                        + count(byExpected, Outcome.NOT_LISTED),
                count(byExpected, Outcome.DENY_403), count(byExpected, Outcome.DENY_404),
                count(byExpected, Outcome.NOT_LISTED), count(byExpected, Outcome.SEE_OTHER_303),
                count(byExpected, Outcome.CONFLICT_409), count(byExpected, Outcome.NO_ROUTE),
                count(byExpected, Outcome.NOT_APPLICABLE), unexpectedPermits, unexpectedDenies, other);
    }

    private static int count(Map<Outcome, Integer> counts, Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** The differences as a table: subject, state, action, expected, observed, and why (audit, rule). */
    static String diffTable(List<Result> differences) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"subject", "state", "action", "expected", "observed", "note"});
        differences.forEach(r -> rows.add(new String[] {r.cell().subject(), r.cell().state(), r.cell().action().name(),
                r.cell().expected().cell(), r.observed(), r.note() == null ? "" : r.note()}));
        int[] widths = new int[5];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append("| ");
            for (int i = 0; i < widths.length; i++) {
                table.append(String.format("%-" + widths[i] + "s | ", row[i]));
            }
            table.append(row[5]).append('\n');
        }
        return table.toString();
    }
}
