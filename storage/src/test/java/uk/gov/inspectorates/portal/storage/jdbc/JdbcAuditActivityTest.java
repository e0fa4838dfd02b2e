package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.About;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Count;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Period;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The chart's counts on real PostgreSQL (V23's columns, V26's indexes): grouped by UK day or hour, organisation,
 * action and outcome; only the events the reader's scope covers; within the dates asked for.
 */
class JdbcAuditActivityTest {

    private static DataSource dataSource;
    private static JdbcAuditActivity activity;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        activity = new JdbcAuditActivity(dataSource);
        JdbcAuditTrail trail = new JdbcAuditTrail(dataSource);
        // report r-1 is Ofsted's; summer time: 23:30 UTC on 1 July is 00:30 on 2 July in London
        trail.record(event("2027-07-01T09:10:00Z", "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, "r-1"));
        trail.record(event("2027-07-01T09:50:00Z", "cqc", "REPORT_VIEW", Outcome.SUCCEEDED, "r-1"));
        trail.record(event("2027-07-01T10:05:00Z", "cqc", "REPORT_DOWNLOAD", Outcome.DENIED, "r-1"));
        trail.record(event("2027-07-01T23:30:00Z", "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, "r-1"));
        trail.record(event("2027-07-01T23:40:00Z", "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, "r-1"));
        // another report, and CQC's internal activity on CQC's own report: neither is Ofsted's to see
        trail.record(event("2027-07-01T09:20:00Z", "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, "r-2"));
        trail.record(new AuditEvent(Instant.parse("2027-07-01T11:00:00Z"), "u-cqc", "cqc", "REPORT_VIEW", "REPORT",
                "r-cqc", Outcome.SUCCEEDED, null).withScope("r-cqc", null, Set.of("cqc")));
        // recorded before issue 18: the report only as the resource
        trail.record(new AuditEvent(Instant.parse("2027-07-02T08:00:00Z"), "u-ofsted", "ofsted", "REPORT_VIEW", "REPORT",
                "r-old", Outcome.SUCCEEDED, null));
        trail.record(new AuditEvent(Instant.parse("2027-07-03T11:00:00Z"), "u-ofsted", "ofsted", "INSPECTION_VIEW",
                "INSPECTION", "i-1", Outcome.REFUSED, "rule").withScope(null, "i-1", Set.of("ofsted", "cqc")));
    }

    private static AuditEvent event(String at, String organisation, String action, Outcome outcome, String report) {
        return new AuditEvent(Instant.parse(at), "u-" + organisation, organisation, action, "REPORT", report,
                outcome, outcome == Outcome.SUCCEEDED ? null : "report.embargo.reader-lists-only")
                .withScope(report, null, Set.of("ofsted"));
    }

    @Test
    void countsPerUkDayOrganisationActionAndOutcome() {
        List<Count> counts = activity.counts(About.report("r-1"), Period.DAY, null, null,
                AuditScope.ofOrganisation("ofsted"));

        Instant first = Instant.parse("2027-06-30T23:00:00Z");
        Instant second = Instant.parse("2027-07-01T23:00:00Z");
        assertEquals(List.of(
                new Count(first, "cqc", "REPORT_DOWNLOAD", Outcome.DENIED, 1),
                new Count(first, "cqc", "REPORT_VIEW", Outcome.SUCCEEDED, 1),
                new Count(first, "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, 1),
                new Count(second, "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, 2)), counts);
    }

    @Test
    void countsPerHour() {
        List<Count> counts = activity.counts(About.report("r-1"), Period.HOUR, null, null,
                AuditScope.ofOrganisation("ofsted"));

        assertEquals(List.of(Instant.parse("2027-07-01T09:00:00Z"), Instant.parse("2027-07-01T09:00:00Z"),
                Instant.parse("2027-07-01T10:00:00Z"), Instant.parse("2027-07-01T23:00:00Z")),
                counts.stream().map(Count::start).toList());
        assertEquals(2, counts.get(3).events());
    }

    @Test
    void onlyTheEventsTheScopeCovers() {
        List<Count> cqcsOwnReport = activity.counts(About.report("r-cqc"), Period.DAY, null, null,
                AuditScope.ofOrganisation("ofsted"));
        assertTrue(cqcsOwnReport.isEmpty(), "CQC's people on CQC's report are not Ofsted's SIRO's to see");
        assertEquals(1, activity.counts(About.report("r-cqc"), Period.DAY, null, null,
                AuditScope.ofOrganisation("cqc")).size());

        List<Count> cqcsView = activity.counts(About.report("r-1"), Period.DAY, null, null,
                AuditScope.ofOrganisation("cqc"));
        assertEquals(2, cqcsView.size(), "CQC's SIRO sees their own people on Ofsted's report: " + cqcsView);
        assertTrue(cqcsView.stream().allMatch(c -> "cqc".equals(c.organisationId())));

        assertEquals(1, activity.counts(About.inspection("i-1"), Period.DAY, null, null,
                AuditScope.ofOrganisation("cqc")).size(), "an inspection's participants are its owners");
    }

    @Test
    void anEventRecordedBeforeIssue18IsFoundThroughItsResourceAsTheSearchFindsIt() {
        assertEquals(List.of(new Count(Instant.parse("2027-07-01T23:00:00Z"), "ofsted", "REPORT_VIEW",
                Outcome.SUCCEEDED, 1)), activity.counts(About.report("r-old"), Period.DAY, null, null,
                AuditScope.ofOrganisation("ofsted")));
    }

    @Test
    void withinTheDatesAskedFor() {
        List<Count> counts = activity.counts(About.report("r-1"), Period.DAY, Instant.parse("2027-07-01T09:50:00Z"),
                Instant.parse("2027-07-01T23:30:00Z"), AuditScope.ofOrganisation("ofsted"));

        assertEquals(2, counts.stream().mapToLong(Count::events).sum(), counts.toString());
    }
}
