package uk.gov.inspectorates.portal.core.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.About;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Period;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** The chart: its own inspectorate's SIRO only, within their scope, by day or by hour, audited once per view. */
class AccessChartServiceTest {

    private static final Instant NOW = Instant.parse("2027-02-10T12:00:00Z");
    private static final String RULE = "audit.read.own-organisation-siro";

    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final InMemoryAuditEvents events = new InMemoryAuditEvents();
    private final AccessChartService charts = new AccessChartService(
            new PolicyGate(new AccessPolicy(), audit, new MutableClock(NOW)), events,
            InMemoryDirectory.withDemoOrganisations());

    private final Subject ofstedSiro = aSubject().withId("siro-1").of(Inspectorate.OFSTED).withRoles(Role.SIRO)
            .build();

    private void view(String at, String organisation, String report, Outcome outcome) {
        events.add(new AuditEvent(Instant.parse(at), "u-" + organisation, organisation,
                outcome == Outcome.SUCCEEDED ? AuditActions.REPORT_VIEW : AuditActions.REPORT_DOWNLOAD, "REPORT",
                report, outcome, null).withScope(report, null, Set.of("ofsted")));
    }

    @Test
    void theSiroSeesTheirScopeByDayAndTheViewIsAuditedOnce() {
        view("2027-02-01T10:00:00Z", "ofsted", "r-1", Outcome.SUCCEEDED);
        view("2027-02-03T10:00:00Z", "cqc", "r-1", Outcome.SUCCEEDED);
        view("2027-02-05T10:00:00Z", "cqc", "r-1", Outcome.DENIED);
        view("2027-02-05T11:00:00Z", "ofsted", "r-2", Outcome.SUCCEEDED);
        events.add(new AuditEvent(Instant.parse("2027-02-04T10:00:00Z"), "u-cqc", "cqc", "REPORT_VIEW", "REPORT",
                "r-1", Outcome.SUCCEEDED, null).withScope("r-1", null, Set.of("cqc")));

        events.add(new AuditEvent(Instant.parse("2027-02-02T10:00:00Z"), "siro-1", "ofsted", AuditActions.AUDIT_CHART,
                "REPORT", "r-1", Outcome.SUCCEEDED, "by day").withScope("r-1", null, Set.of("ofsted")));

        AccessOverTime chart = charts.chart(ofstedSiro, About.report("r-1"), null, null);

        assertEquals(Period.DAY, chart.period());
        assertEquals(5, chart.bars().size(), "1 to 5 February, the empty days too");
        assertEquals(3, chart.totalEvents(), "r-2, CQC's activity on CQC's information and the SIRO's own earlier"
                + " chart of the report are left out");
        assertEquals(1, chart.totalRefused());
        assertEquals(List.of("Care Quality Commission", "Ofsted"),
                chart.parties().stream().map(AccessOverTime.Party::name).toList());
        assertEquals(List.of("1 REPORT_DOWNLOAD by Care Quality Commission"), chart.bars().get(4).refusals());
        assertEquals(new AccessOverTime.Row("5 Feb 2027", "Care Quality Commission", "REPORT_DOWNLOAD", 0, 1),
                chart.rows().get(2));
        AuditEvent recorded = audit.events().get(0);
        assertEquals(1, audit.events().size());
        assertEquals(AuditActions.AUDIT_CHART, recorded.action());
        assertEquals(Outcome.SUCCEEDED, recorded.outcome());
        assertEquals("REPORT", recorded.resourceType());
        assertEquals("r-1", recorded.resourceId());
        assertTrue(recorded.detail().contains("3 events, 1 refused"), recorded.detail());
    }

    @Test
    void eventsWithinTwoDaysAreChartedByTheHour() {
        view("2027-02-01T10:15:00Z", "ofsted", "r-1", Outcome.SUCCEEDED);
        view("2027-02-01T13:45:00Z", "ofsted", "r-1", Outcome.SUCCEEDED);

        AccessOverTime chart = charts.chart(ofstedSiro, About.report("r-1"), null, null);

        assertEquals(Period.HOUR, chart.period());
        assertEquals(4, chart.bars().size(), "10:00 to 13:00");
        assertEquals("1 Feb 2027 10:00", chart.bars().get(0).label());
    }

    @Test
    void anInspectionsChartToo() {
        events.add(new AuditEvent(Instant.parse("2027-02-01T10:00:00Z"), "u-hmic", "hmic", "INSPECTION_VIEW",
                "INSPECTION", "i-1", Outcome.SUCCEEDED, null).withScope(null, "i-1", Set.of("ofsted", "hmic")));

        AccessOverTime chart = charts.chart(ofstedSiro, About.inspection("i-1"), null, null);

        assertEquals(1, chart.totalEvents());
        assertEquals("inspection i-1", chart.about());
        assertEquals("INSPECTION", audit.events().get(0).resourceType());
    }

    @Test
    void nobodyButTheSiroAndNotAnAgency() {
        view("2027-02-01T10:00:00Z", "ofsted", "r-1", Outcome.SUCCEEDED);
        for (Subject other : List.of(aSubject().of(Inspectorate.OFSTED).withRoles(Role.INSPECTOR).build(),
                aSubject().of(Inspectorate.OFSTED).withRoles(Role.ADMINISTRATOR).build(),
                aSubject().ofAgency().withRoles(Role.SIRO).build())) {
            audit.clear();

            AccessDenied refused = assertThrows(AccessDenied.class,
                    () -> charts.chart(other, About.report("r-1"), null, null));

            assertEquals(RULE, refused.rule());
            assertEquals(1, audit.events().size());
            assertEquals(Outcome.DENIED, audit.events().get(0).outcome());
            assertEquals(RULE, audit.events().get(0).detail());
            assertEquals(AuditActions.AUDIT_CHART, audit.events().get(0).action());
        }
    }
}
