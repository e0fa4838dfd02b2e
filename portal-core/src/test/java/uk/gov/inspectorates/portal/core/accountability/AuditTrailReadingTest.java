package uk.gov.inspectorates.portal.core.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditCriteria;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditPage;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** The SIRO reading the trail: through the gate, within their organisation's scope, each search audited once. */
class AuditTrailReadingTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<AuditScope> scopesAsked = new ArrayList<>();
    private final List<String> readersAsked = new ArrayList<>();
    private final StoredAuditEvent download = new StoredAuditEvent(7, new AuditEvent(NOW, "cqc-reader", "cqc",
            AuditActions.REPORT_DOWNLOAD, "REPORT", "report-1", Outcome.SUCCEEDED, "downloadId=x")
            .withDownloadId("ab".repeat(16)), null, new byte[32]);
    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final AuditTrailReading reading = new AuditTrailReading(gate,
            (query, scope) -> {
                scopesAsked.add(scope);
                return new AuditPage(List.of(download), query.page(), query.pageSize(), false);
            },
            (reportId, limit) -> {
                readersAsked.add(reportId);
                return List.of(download);
            }, reports);
    private final Report ofstedReport = aReport().withId("report-1").from(OFSTED).addressedTo(CQC).underEmbargo()
            .build();
    private final Subject ofstedSiro = aSubject().withId("ofsted-siro").of(OFSTED).withRoles(Role.SIRO).build();

    @Test
    void aSiroSearchesWithinTheirOrganisationsScopeAndTheSearchIsAuditedOnceWithItsCriteria() {
        AuditCriteria criteria = AuditCriteria.parse(Map.of("report", "report-1", "outcome", "denied")::get);

        AuditPage page = reading.search(ofstedSiro, criteria);

        assertEquals(List.of(download), page.events());
        assertEquals(List.of(AuditScope.ofOrganisation("ofsted")), scopesAsked);
        assertEquals(List.of(new AuditEvent(NOW, "ofsted-siro", "ofsted", AuditActions.AUDIT_SEARCH, "AUDIT_TRAIL",
                "audit-trail/OFSTED", Outcome.SUCCEEDED, criteria.describe()).withActorRoles("SIRO")), audit.events());
    }

    @Test
    void anyoneElseIsRefusedWithTheRuleAndNothingIsSearched() {
        AuditCriteria everything = AuditCriteria.parse(name -> null);
        for (Subject other : List.of(aSubject().of(OFSTED).withRoles(Role.ADMINISTRATOR, Role.INSPECTOR).build(),
                aSubject().of(CQC).withRoles(Role.READER).onReaderList().build())) {
            AccessDenied denied = assertThrows(AccessDenied.class, () -> reading.search(other, everything));
            assertEquals("audit.read.own-organisation-siro", denied.rule());
        }
        assertTrue(scopesAsked.isEmpty());
        assertEquals(2, audit.events().size());
        assertTrue(audit.events().stream().allMatch(e -> e.outcome() == Outcome.DENIED
                && e.action().equals(AuditActions.AUDIT_SEARCH)));
    }

    @Test
    void anAgencysSiroIsRefusedTheSearchOnTheTrailEveryOtherReadingNames() {
        Subject agencySiro = aSubject().withId("agency-siro").ofAgency().withRoles(Role.SIRO).build();

        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> reading.search(agencySiro, AuditCriteria.parse(name -> null)));

        assertEquals("audit.read.own-organisation-siro", denied.rule());
        assertEquals(SiroTrail.act(AuditActions.AUDIT_SEARCH, agencySiro).resourceId(),
                audit.events().get(0).resourceId());
        assertEquals(SiroTrail.RESOURCE_TYPE, audit.events().get(0).resourceType());
        assertTrue(scopesAsked.isEmpty());
        assertTrue(!reading.maySearch(agencySiro));
    }

    @Test
    void whoHasSeenAReportIsForItsOriginatorsSiroOnly() {
        assertEquals(List.of("cqc-reader"), reading.whoHasSeen(ofstedSiro, ofstedReport, NOW).orElseThrow().stream()
                .map(AuditTrailReading.Reading::readerId).toList());
        Subject cqcSiro = aSubject().of(CQC).withRoles(Role.SIRO).onReaderList().build();
        Subject ofstedInspector = aSubject().of(OFSTED).withRoles(Role.INSPECTOR).build();
        assertTrue(reading.whoHasSeen(cqcSiro, ofstedReport, NOW).isEmpty());
        assertTrue(reading.whoHasSeen(ofstedInspector, ofstedReport, NOW).isEmpty());
        assertEquals(List.of("report-1"), readersAsked);
        assertTrue(audit.events().isEmpty(), "part of the report page's one view");
    }

    @Test
    void whoHasSeenOnItsOwnPageIsAuditedAndHidesOtherPartiesReports() {
        reports.add(ofstedReport);

        AuditTrailReading.ReportReadings readings = reading.readersOf(ofstedSiro, "report-1");

        assertEquals("ab".repeat(16), readings.readings().get(0).downloadId());
        assertEquals(Set.of(Outcome.SUCCEEDED), Set.copyOf(audit.events().stream().map(AuditEvent::outcome).toList()));
        Subject hmicSiro = aSubject().of(uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC)
                .withRoles(Role.SIRO).build();
        assertThrows(NotFound.class, () -> reading.readersOf(hmicSiro, "report-1"));
        assertThrows(NotFound.class, () -> reading.readersOf(ofstedSiro, "no-such-report"));
        Subject cqcReaderSiro = aSubject().of(CQC).withRoles(Role.SIRO).onReaderList().build();
        AccessDenied denied = assertThrows(AccessDenied.class, () -> reading.readersOf(cqcReaderSiro, "report-1"));
        assertEquals("audit.report.originator-siro", denied.rule());
    }

    @Test
    void theSearchPortIsAskedTheQueryAsParsed() {
        AuditQuery[] asked = new AuditQuery[1];
        AuditTrailReading capturing = new AuditTrailReading(gate, (query, scope) -> {
            asked[0] = query;
            return new AuditPage(List.of(), 1, 50, false);
        }, (reportId, limit) -> List.of(), reports);
        capturing.search(ofstedSiro, AuditCriteria.parse(Map.of("person", "u-9", "page", "2")::get));
        assertEquals("u-9", asked[0].actorId());
        assertEquals(2, asked[0].page());
    }
}
