package uk.gov.inspectorates.portal.core.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** The PDF report's content: criteria within scope, capped, verified; SIRO only; audited once, after writing. */
class AuditReportServiceTest {

    private static final Instant NOW = Instant.parse("2027-02-10T12:00:00Z");
    private static final AuditVerification INTACT = new AuditVerification(true, 9, 7L,
            Instant.parse("2027-02-10T11:59:00Z"), null, null);

    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final InMemoryAuditEvents events = new InMemoryAuditEvents();
    private final List<AuditReport> written = new ArrayList<>();
    /** When a checkpoint was asked for: the number of searches made before it. */
    private final List<Integer> checkpointsTaken = new ArrayList<>();
    private final AuditReportWriter writer = new AuditReportWriter() {
        @Override
        public String mediaType() {
            return "application/pdf";
        }

        @Override
        public void write(AuditReport report, OutputStream out) throws IOException {
            written.add(report);
            out.write('%');
        }
    };
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, new MutableClock(NOW));
    private final Subject ofstedSiro = aSubject().withId("siro-1").of(Inspectorate.OFSTED).withRoles(Role.SIRO)
            .build();

    private AuditReportService service(int cap) {
        return new AuditReportService(gate, events, () -> INTACT, InMemoryDirectory.withDemoOrganisations(), writer,
                () -> {
                    checkpointsTaken.add(events.searches);
                    return Optional.empty();
                }, cap);
    }

    private static AuditQuery criteria(String report, Outcome outcome) {
        return new AuditQuery(null, null, report, null, null, outcome, null, null, null, 1, 50);
    }

    private void events(int n, String organisation, String report, Outcome outcome) {
        for (int i = 0; i < n; i++) {
            events.add(new AuditEvent(NOW.minusSeconds(1000 - i), "u-" + organisation, organisation,
                    AuditActions.REPORT_VIEW, "REPORT", report, outcome, null).withScope(report, null,
                    Set.of(organisation)));
        }
    }

    @Test
    void theCriteriaWithinTheScopeWithTheVerificationAndAuditedOnce() {
        events(3, "ofsted", "r-1", Outcome.SUCCEEDED);
        events(2, "ofsted", "r-1", Outcome.DENIED);
        events(4, "cqc", "r-1", Outcome.DENIED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int listed = service(100).export(ofstedSiro, criteria("r-1", Outcome.DENIED), out);

        assertEquals(2, listed, "CQC's own refusals on CQC's information are not Ofsted's SIRO's to see");
        assertEquals(1, out.size());
        AuditReport report = written.get(0);
        assertEquals(List.of("Report: r-1", "Outcome: DENIED"), report.criteria());
        assertEquals(INTACT, report.verification());
        assertEquals(NOW, report.exportedAt());
        assertTrue(report.siro().contains(ofstedSiro.username()));
        assertEquals("Ofsted", report.lines().get(0).organisation());
        assertTrue(report.lines().get(0).seq() > report.lines().get(1).seq(), "newest first");
        assertFalse(report.more());
        assertEquals(List.of(0), checkpointsTaken, "one checkpoint at the head, before the events are read");
        assertEquals(1, audit.events().size());
        AuditEvent recorded = audit.events().get(0);
        assertEquals(AuditActions.AUDIT_EXPORT, recorded.action());
        assertEquals(Outcome.SUCCEEDED, recorded.outcome());
        assertTrue(recorded.detail().startsWith("format=pdf; events=2;"), recorded.detail());
        assertTrue(recorded.detail().contains("Report: r-1"), recorded.detail());
    }

    @Test
    void atMostTheCapWithANoteThatMoreMatched() {
        events(1200, "ofsted", "r-1", Outcome.SUCCEEDED);

        int listed = service(1000).export(ofstedSiro, criteria(null, null), new ByteArrayOutputStream());

        assertEquals(1000, listed);
        AuditReport report = written.get(0);
        assertTrue(report.more());
        assertEquals(1000, report.cap());
        assertEquals(1200, report.lines().get(0).seq(), "the newest");
        assertEquals(2, events.searches, "pages of " + AuditQuery.MAX_PAGE_SIZE + " until the cap");
        assertTrue(audit.events().get(0).detail().contains("events=1000 (capped)"));
        assertEquals(List.of("Every event in your scope"), report.criteria());
    }

    @Test
    void exactlyTheCapIsNotMore() {
        events(1000, "ofsted", "r-1", Outcome.SUCCEEDED);

        service(1000).export(ofstedSiro, criteria(null, null), new ByteArrayOutputStream());

        assertFalse(written.get(0).more());
        assertEquals(1000, written.get(0).lines().size());
    }

    @Test
    void theDefaultCapIsTenThousand() {
        assertEquals(10_000, AuditReportService.MAX_EVENTS);
    }

    @Test
    void nobodyButTheSiroAndNothingIsWrittenForThem() {
        events(1, "ofsted", "r-1", Outcome.SUCCEEDED);
        Subject inspector = aSubject().of(Inspectorate.OFSTED).withRoles(Role.INSPECTOR).build();

        AccessDenied refused = assertThrows(AccessDenied.class,
                () -> service(100).export(inspector, criteria(null, null), new ByteArrayOutputStream()));

        assertEquals("audit.read.own-organisation-siro", refused.rule());
        assertTrue(written.isEmpty());
        assertTrue(checkpointsTaken.isEmpty());
        assertEquals(0, events.searches);
        assertEquals(Outcome.DENIED, audit.events().get(0).outcome());
        assertEquals(AuditActions.AUDIT_EXPORT, audit.events().get(0).action());
    }

    @Test
    void anExportThatCouldNotBeWrittenIsNotRecordedAsDone() {
        events(1, "ofsted", "r-1", Outcome.SUCCEEDED);
        AuditReportWriter failing = new AuditReportWriter() {
            @Override
            public String mediaType() {
                return "application/pdf";
            }

            @Override
            public void write(AuditReport report, OutputStream out) throws IOException {
                throw new IOException("disk full");
            }
        };
        AuditReportService service = new AuditReportService(gate, events, () -> INTACT,
                InMemoryDirectory.withDemoOrganisations(), failing, Optional::empty, 100);

        assertThrows(java.io.UncheckedIOException.class,
                () -> service.export(ofstedSiro, criteria(null, null), new ByteArrayOutputStream()));

        assertTrue(audit.events().isEmpty());
    }
}
