package uk.gov.inspectorates.portal.core.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.AGENCY_UPLOADER;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Basis;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Status;
import uk.gov.inspectorates.portal.core.report.Withdrawal;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.InMemoryLetterOnwardSharings;
import uk.gov.inspectorates.portal.core.testdata.InMemoryLetterRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** ISP ¶14 for letters (docs/adr/0027): each test fails when its rule is removed. */
class LetterOnwardSharingServiceTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final InMemoryLetterRepository letters = new InMemoryLetterRepository();
    private final InMemoryLetterOnwardSharings sharings = new InMemoryLetterOnwardSharings();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final LetterOnwardSharingService service = new LetterOnwardSharingService(reports, letters, sharings,
            new PolicyGate(new AccessPolicy(), audit, Clock.fixed(NOW, ZoneOffset.UTC)));

    private final Subject ofstedInspector = aSubject().withId("ofsted-inspector").of(OFSTED).withRoles(INSPECTOR)
            .build();
    private final Subject cqcReader = aSubject().withId("cqc-reader").of(CQC).onReaderList().build();
    private final Subject hmicReader = aSubject().withId("hmic-reader").of(HMIC).onReaderList().build();
    private final Subject agency = aSubject().withId("agency").ofAgency().withRoles(AGENCY_UPLOADER).build();

    /** An Ofsted report to CQC and HMIC, with a covering letter to {@code to}. */
    private Letter letterOf(String reportId, Inspectorate... to) {
        if (reports.find(reportId).isEmpty()) {
            reports.add(aReport().withId(reportId).from(OFSTED).addressedTo(CQC, HMIC).build());
        }
        Letter letter = new Letter("letter-" + reportId + "-" + to.length, reportId, OFSTED, LetterKind.COVERING,
                Set.of(to), Classification.of(Tier.OFFICIAL), "handle", true, null, "ofsted-inspector", NOW,
                document(KeyScope.report(reportId)));
        letters.add(letter);
        return letter;
    }

    private Letter sentAhead(Inspectorate to) {
        Letter letter = new Letter("ahead-1", null, OFSTED, LetterKind.ADVANCE_RISK_OF_HARM, Set.of(to),
                Classification.of(Tier.OFFICIAL_SENSITIVE), "handle", true, "risk", "ofsted-inspector", NOW,
                document(KeyScope.report("own-scope")));
        letters.add(letter);
        return letter;
    }

    private static AcceptedDocument document(KeyScope scope) {
        return new AcceptedDocument("letter.pdf", "application/pdf", new StoredContent(scope, "object-" + scope.id(),
                new WrappedKey("kek", new byte[] {1}), 4, 40, "0".repeat(64)));
    }

    private AuditEvent onlyEvent() {
        assertEquals(1, audit.events().size(), () -> "one audit event, got " + audit.events());
        return audit.events().get(0);
    }

    private static List<String> fields(InvalidInput invalid) {
        return invalid.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aReceivingPartysReaderListRecordsOnwardSharingOfALetterOnALegalObligationWithOneAuditEvent() {
        Letter letter = letterOf("r1", CQC);

        LetterOnwardSharing sharing = service.request(cqcReader, "r1", letter.id(), "LEGAL_OBLIGATION",
                "Family Court", "Order FD26P00123");

        assertEquals(Status.RECORDED, sharing.status());
        assertEquals(Basis.LEGAL_OBLIGATION, sharing.basis());
        assertEquals(CQC, sharing.requestingParty());
        assertEquals(letter.id(), sharing.letterId());
        assertEquals(List.of(sharing), sharings.all());
        AuditEvent event = onlyEvent();
        assertEquals(AuditActions.ONWARD_SHARING, event.action());
        assertEquals("LETTER", event.resourceType());
        assertEquals(letter.id(), event.resourceId());
        assertEquals(Outcome.SUCCEEDED, event.outcome());
        assertTrue(event.detail().contains("LEGAL_OBLIGATION RECORDED to Family Court report=r1"), event.detail());
    }

    @Test
    void aLegalObligationIsNamedAndABasisAndRecipientGiven() {
        Letter letter = letterOf("r1", CQC);

        assertEquals(List.of("evidence"), fields(assertThrows(InvalidInput.class,
                () -> service.request(cqcReader, "r1", letter.id(), "LEGAL_OBLIGATION", "Family Court", " "))));
        assertEquals(Outcome.REFUSED, onlyEvent().outcome());
        assertEquals(List.of("basis", "recipient"), fields(assertThrows(InvalidInput.class,
                () -> service.request(cqcReader, "r1", letter.id(), "BECAUSE", null, null))));
        assertTrue(sharings.all().isEmpty());
    }

    @Test
    void aLetterIsNeverInThePublicDomainEvenOnceItsReportIsPublished() {
        reports.add(aReport().withId("p").from(OFSTED).addressedTo(CQC, HMIC)
                .publishedAt(Instant.parse("2030-01-01T09:00:00Z")).build());
        Letter letter = letterOf("p", CQC);

        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> service.request(cqcReader, "p", letter.id(), "PUBLIC_DOMAIN", "A journalist", null));

        assertEquals(List.of("basis"), fields(invalid));
        assertTrue(sharings.all().isEmpty());
        assertEquals(Status.RECORDED, service.request(cqcReader, "p", letter.id(), "LEGAL_OBLIGATION", "Court",
                "Order 7").status(), "a legal obligation still holds after publication");
    }

    @Test
    void theSenderIsToldTheRuleAndWhoMayNotReadTheLetterIsNotToldItExists() {
        Letter letter = letterOf("r1", CQC);

        assertEquals(AccessPolicy.LETTER_ONWARD_SHARING_RECEIVING_PARTIES_ONLY, assertThrows(AccessDenied.class,
                () -> service.request(ofstedInspector, "r1", letter.id(), "LEGAL_OBLIGATION", "Court", "Order"))
                .rule());
        audit.clear();
        assertThrows(NotFound.class,
                () -> service.request(hmicReader, "r1", letter.id(), "LEGAL_OBLIGATION", "Court", "Order"));
        assertEquals(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY, onlyEvent().detail());
        assertThrows(NotFound.class,
                () -> service.request(agency, "r1", letter.id(), "LEGAL_OBLIGATION", "Court", "Order"));
        assertThrows(NotFound.class,
                () -> service.request(cqcReader, "another-report", letter.id(), "LEGAL_OBLIGATION", "Court", "1"),
                "a letter is found only under its own report");
        assertTrue(sharings.all().isEmpty());
    }

    @Test
    void aWithdrawnReportsLetterIsNotSharedOnward() {
        Letter letter = letterOf("r1", CQC);
        reports.recordWithdrawal("r1", new Withdrawal("shared in error", "x", NOW), NOW);

        assertEquals(AccessPolicy.LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED, assertThrows(AccessDenied.class,
                () -> service.request(cqcReader, "r1", letter.id(), "LEGAL_OBLIGATION", "Court", "Order")).rule());
    }

    @Test
    void writtenConsentIsAskedOfTheSenderWhoseSharingStaffAloneAnswerOnce() {
        Letter letter = letterOf("r1", CQC);
        LetterOnwardSharing asked = service.request(cqcReader, "r1", letter.id(), "WRITTEN_CONSENT",
                "Local safeguarding board", null);
        assertEquals(Status.CONSENT_REQUESTED, asked.status());
        assertTrue(!asked.basisHolds(), "not before the sender answers");

        assertEquals(AccessPolicy.LETTER_CONSENT_ORIGINATOR_STAFF_ONLY, assertThrows(AccessDenied.class,
                () -> service.decideConsent(cqcReader, "r1", letter.id(), asked.id(), true, null)).rule());
        LetterOnwardSharing granted = service.decideConsent(ofstedInspector, "r1", letter.id(), asked.id(), true,
                "Agreed by the Chief Inspector");

        assertEquals(Status.CONSENT_GRANTED, granted.status());
        assertTrue(granted.basisHolds());
        assertThrows(Conflict.class,
                () -> service.decideConsent(ofstedInspector, "r1", letter.id(), asked.id(), false, null));
        assertThrows(NotFound.class,
                () -> service.decideConsent(ofstedInspector, "r1", letter.id(), "no-such-sharing", true, null));
        assertEquals(List.of(granted), sharings.all());
    }

    @Test
    void theSenderSeesEveryRecordOfItsLetterAndAReceivingPartyItsOwn() {
        Letter letter = letterOf("r1", CQC, HMIC);
        LetterOnwardSharing byCqc = service.request(cqcReader, "r1", letter.id(), "LEGAL_OBLIGATION", "Court", "1");
        LetterOnwardSharing byHmic = service.request(hmicReader, "r1", letter.id(), "LEGAL_OBLIGATION", "Court", "2");

        assertEquals(List.of(byCqc, byHmic), service.ofLetter(ofstedInspector, "r1", letter.id()));
        assertEquals(List.of(byCqc), service.ofLetter(cqcReader, "r1", letter.id()));
        assertEquals(List.of(byHmic), service.ofLetter(hmicReader, "r1", letter.id()));
        assertThrows(NotFound.class, () -> service.ofLetter(agency, "r1", letter.id()));
    }

    @Test
    void anAdvanceLetterSentAheadOfItsReportIsSharedOnwardOnARecordedBasisToo() {
        Letter ahead = sentAhead(CQC);

        LetterOnwardSharing sharing = service.request(cqcReader, null, ahead.id(), "LEGAL_OBLIGATION",
                "Police child protection unit", "Section 47 enquiry");

        assertEquals(Status.RECORDED, sharing.status());
        assertTrue(service.mayShareOnward(cqcReader, ahead));
        assertTrue(!service.mayShareOnward(ofstedInspector, ahead));
        assertTrue(service.mayDecideConsent(ofstedInspector, ahead));
        assertThrows(NotFound.class,
                () -> service.request(hmicReader, null, ahead.id(), "LEGAL_OBLIGATION", "Court", "1"));
        assertThrows(NotFound.class,
                () -> service.request(cqcReader, "r1", ahead.id(), "LEGAL_OBLIGATION", "Court", "1"),
                "a letter sent ahead is not under a report");
    }
}
