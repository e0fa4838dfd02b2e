package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.report.ShareDraftService.Status;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.FakeStamper;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryResumableUploadRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryShareDrafts;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class ShareDraftServiceTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final Map<String, String> DETAILS = Map.of("title", "Northdale JTAI",
            "reportType", "OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS", "subject", "Northdale");

    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final InMemoryShareDrafts drafts = new InMemoryShareDrafts();
    private final ShareDraftService service;

    private final Subject inspector = aSubject().withId("ofsted-inspector").of(OFSTED).withRoles(INSPECTOR).build();
    private final Subject colleague = aSubject().withId("ofsted-colleague").of(OFSTED).withRoles(INSPECTOR).build();
    private final Subject reader = aSubject().withId("cqc-reader").of(CQC).onReaderList().build();

    ShareDraftServiceTest() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FakeDocumentStore store = new FakeDocumentStore();
        FakeContentScanner scanner = new FakeContentScanner();
        FakeKeyService keys = new FakeKeyService();
        DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(), scanner, store, 1024);
        ResumableUploads uploads = new ResumableUploads(new InMemoryResumableUploadRepository(), store, intake,
                new WindowedScanner(scanner, 1024, 64), keys, new PolicyGate(new AccessPolicy(), audit, clock),
                audit, new ResumableUploads.Settings(16, Duration.ofHours(1)));
        ReportService reports = new ReportService(new InMemoryReportRepository(), intake, store,
                new PolicyGate(new AccessPolicy(), audit, clock), new ScopeRemoval(keys, store, audit, clock, target -> false),
                uploads, new FakeStamper(),
                new uk.gov.inspectorates.portal.core.testdata.InMemoryLetterRepository(), notice -> { });
        service = new ShareDraftService(drafts, reports, new PolicyGate(new AccessPolicy(), audit, clock),
                ZoneId.of("Europe/London"));
    }

    @Test
    void aSectionIsKeptOnlyWhenItIsCompleteAndTheOthersStayAsTheyWere() {
        ShareDraft draft = service.start(inspector);
        assertTrue(service.statuses(inspector, draft).values().stream().allMatch(s -> s == Status.NOT_STARTED));

        InvalidInput missing = assertThrows(InvalidInput.class, () -> service.saveSection(inspector, draft.id(),
                ShareSection.DETAILS, Map.of("title", "Northdale JTAI")));
        assertEquals(Set.of("reportType", "subject"),
                Set.copyOf(missing.errors().stream().map(e -> e.field()).toList()), "only this section's errors");
        assertTrue(service.draft(inspector, draft.id()).fields().isEmpty(), "nothing kept from a refused section");

        ShareDraft saved = service.saveSection(inspector, draft.id(), ShareSection.DETAILS, DETAILS);
        Map<ShareSection, Status> statuses = service.statuses(inspector, saved);
        assertEquals(Status.COMPLETED, statuses.get(ShareSection.DETAILS));
        assertEquals(Status.NOT_STARTED, statuses.get(ShareSection.CLASSIFICATION));
        assertTrue(audit.events().isEmpty(), "a draft is not a share: nothing audited until the share");
    }

    @Test
    void untickingABoxInASectionTakesItsEarlierValueAway() {
        ShareDraft draft = service.start(inspector);
        service.saveSection(inspector, draft.id(), ShareSection.ATTESTATIONS, Map.of("subjectHadChanceToComment",
                "true", "contentFinal", "true", "subjectHasFinalUnderEmbargo", "true"));

        assertThrows(InvalidInput.class, () -> service.saveSection(inspector, draft.id(), ShareSection.ATTESTATIONS,
                Map.of("subjectHadChanceToComment", "true", "contentFinal", "true")));

        assertEquals("true", service.draft(inspector, draft.id()).fields().get("subjectHasFinalUnderEmbargo"),
                "the refused change is not kept");
        ShareDraft noParties = service.draft(inspector, draft.id());
        assertThrows(InvalidInput.class, () -> service.saveSection(inspector, noParties.id(), ShareSection.ADDRESSEES,
                Map.of()), "nothing ticked is not everyone");
        service.saveSection(inspector, draft.id(), ShareSection.ADDRESSEES, Map.of("addressees", "HMIC"));
        assertEquals(Status.COMPLETED, service.statuses(inspector, service.draft(inspector, draft.id()))
                .get(ShareSection.ADDRESSEES));
    }

    @Test
    void theDetailsOfACompleteDraftAreThoseAShareWouldCheck() {
        ShareDraft draft = service.start(inspector);
        service.saveSection(inspector, draft.id(), ShareSection.DETAILS, DETAILS);
        service.saveSection(inspector, draft.id(), ShareSection.CLASSIFICATION, Map.of("classificationTier",
                "OFFICIAL_SENSITIVE", "classificationDescriptor", "PERSONAL"));
        assertThrows(InvalidInput.class, () -> service.details(inspector, service.draft(inspector, draft.id())),
                "attestations and parties missing");
        service.saveSection(inspector, draft.id(), ShareSection.ATTESTATIONS, Map.of("subjectHadChanceToComment",
                "true", "contentFinal", "true", "subjectHasFinalUnderEmbargo", "true"));
        service.saveSection(inspector, draft.id(), ShareSection.ADDRESSEES, Map.of("addressees", "HMIC"));

        ReportDetails details = service.details(inspector, service.draft(inspector, draft.id()));
        assertEquals(Set.of(HMIC), details.addressees());
        assertEquals("OFFICIAL-SENSITIVE PERSONAL", details.classification().marking());
    }

    @Test
    void aDraftIsItsOwnersAloneAndOnlyThoseWhoShareReportsStartOne() {
        ShareDraft draft = service.start(inspector);

        assertThrows(NotFound.class, () -> service.draft(colleague, draft.id()));
        assertEquals(java.util.List.of(draft), service.drafts(inspector));
        assertTrue(service.drafts(colleague).isEmpty());
        assertThrows(NotFound.class, () -> service.saveSection(colleague, draft.id(), ShareSection.DETAILS, DETAILS));
        service.discard(colleague, draft.id());
        assertTrue(drafts.find(draft.id(), inspector.userId()).isPresent(), "not discarded by someone else");

        assertThrows(AccessDenied.class, () -> service.start(reader));
        assertEquals(Outcome.DENIED, audit.events().get(audit.events().size() - 1).outcome());
        service.discard(inspector, draft.id());
        assertFalse(drafts.find(draft.id(), inspector.userId()).isPresent());
    }
}
