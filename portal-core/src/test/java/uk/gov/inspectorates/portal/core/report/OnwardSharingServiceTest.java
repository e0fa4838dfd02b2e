package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Status;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.testdata.InMemoryOnwardSharings;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class OnwardSharingServiceTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final InMemoryOnwardSharings sharings = new InMemoryOnwardSharings();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final OnwardSharingService service = new OnwardSharingService(reports, sharings,
            new PolicyGate(new AccessPolicy(), audit, Clock.fixed(NOW, ZoneOffset.UTC)));

    private final Subject ofstedInspector = aSubject().withId("ofsted-inspector").of(OFSTED).withRoles(INSPECTOR)
            .build();
    private final Subject cqcReader = aSubject().withId("cqc-reader").of(CQC).onReaderList().build();
    private final Subject hmicReader = aSubject().withId("hmic-reader").of(HMIC).onReaderList().build();

    OnwardSharingServiceTest() {
        reports.add(aReport().withId("embargoed").from(OFSTED).addressedTo(CQC, HMIC).build());
        reports.add(aReport().withId("published").from(OFSTED).addressedTo(CQC, HMIC).publishedAt(NOW).build());
    }

    private void assertRefusedWithOneEvent(String field, Runnable call) {
        audit.clear();
        InvalidInput invalid = assertThrows(InvalidInput.class, call::run);
        assertTrue(invalid.errors().stream().anyMatch(e -> e.field().equals(field)), invalid.errors().toString());
        assertEquals(1, audit.events().size());
        assertEquals(Outcome.REFUSED, audit.events().get(0).outcome());
        assertEquals(AuditActions.ONWARD_SHARING, audit.events().get(0).action());
    }

    @Test
    void theFormIsOfferedToReceivingPartiesWhoMayReadTheReport() {
        Report embargoed = reports.find("embargoed").orElseThrow();
        assertTrue(service.mayShareOnward(cqcReader, embargoed));
        assertFalse(service.mayShareOnward(ofstedInspector, embargoed));
        assertTrue(audit.events().isEmpty());
    }

    @Test
    void publicDomainHoldsOnlyOnceThePreportIsPublished() {
        assertRefusedWithOneEvent("basis", () -> service.request(cqcReader, "embargoed", "PUBLIC_DOMAIN",
                "Northdale Safeguarding Partnership", null));
        assertTrue(sharings.ofReport("embargoed").isEmpty());

        OnwardSharing recorded = service.request(cqcReader, "published", "PUBLIC_DOMAIN",
                "Northdale Safeguarding Partnership", null);
        assertEquals(Status.RECORDED, recorded.status());
        assertTrue(recorded.basisHolds());
    }

    @Test
    void aLegalObligationMustBeNamed() {
        assertRefusedWithOneEvent("evidence", () -> service.request(cqcReader, "embargoed", "LEGAL_OBLIGATION",
                "Family court", " "));

        OnwardSharing recorded = service.request(cqcReader, "embargoed", "LEGAL_OBLIGATION", "Family court",
                "Court order ZW24C00123");
        assertTrue(recorded.basisHolds());
        assertEquals(CQC, recorded.requestingParty());
    }

    @Test
    void anUnknownOrMissingBasisOrRecipientIsRefused() {
        assertRefusedWithOneEvent("basis", () -> service.request(cqcReader, "embargoed", "BECAUSE", "Press", null));
        assertRefusedWithOneEvent("recipient", () -> service.request(cqcReader, "embargoed", "WRITTEN_CONSENT",
                null, null));
    }

    @Test
    void writtenConsentIsAskedForAndOnlyTheOriginatorGivesItOnce() {
        OnwardSharing asked = service.request(cqcReader, "embargoed", "WRITTEN_CONSENT", "Local MP's office",
                "Constituency case");
        assertEquals(Status.CONSENT_REQUESTED, asked.status());
        assertTrue(!asked.basisHolds());

        assertThrows(AccessDenied.class, () -> service.decideConsent(cqcReader, "embargoed", asked.id(), true, null));
        OnwardSharing granted = service.decideConsent(ofstedInspector, "embargoed", asked.id(), true, "Agreed by HMCI");

        assertEquals(Status.CONSENT_GRANTED, granted.status());
        assertTrue(granted.basisHolds());
        assertEquals(Status.CONSENT_GRANTED, sharings.find("embargoed", asked.id()).orElseThrow().status());
        assertThrows(Conflict.class, () -> service.decideConsent(ofstedInspector, "embargoed", asked.id(), false,
                null));
    }

    @Test
    void theOriginatorDoesNotRecordOnwardSharingOfItsOwnReport() {
        AccessDenied denied = assertThrows(AccessDenied.class, () -> service.request(ofstedInspector, "embargoed",
                "LEGAL_OBLIGATION", "Court", "Order 1"));
        assertEquals(AccessPolicy.ONWARD_SHARING_RECEIVING_PARTIES_ONLY, denied.rule());
    }

    @Test
    void eachReceivingPartySeesItsOwnRecordsAndTheOriginatorSeesAll() {
        OnwardSharing cqcs = service.request(cqcReader, "embargoed", "LEGAL_OBLIGATION", "Court", "Order 1");
        OnwardSharing hmics = service.request(hmicReader, "embargoed", "WRITTEN_CONSENT", "Police and crime panel",
                null);

        assertEquals(List.of(cqcs), service.ofReport(cqcReader, "embargoed"));
        assertEquals(List.of(hmics), service.ofReport(hmicReader, "embargoed"));
        assertEquals(List.of(cqcs, hmics), service.ofReport(ofstedInspector, "embargoed"));
    }
}
