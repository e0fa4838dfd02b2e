package uk.gov.inspectorates.portal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.ReportDraftBuilder.aReportDraft;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.account.PortalSessions;
import uk.gov.inspectorates.portal.core.account.SessionRegistry;
import uk.gov.inspectorates.portal.core.administration.OrganisationAdministration;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionDraft;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.inspection.InformationRequestRepository;
import uk.gov.inspectorates.portal.core.inspection.InformationRequests;
import uk.gov.inspectorates.portal.core.inspection.RequestDraft;
import uk.gov.inspectorates.portal.core.legalhold.LegalHoldService;
import uk.gov.inspectorates.portal.core.notification.MailRelay;
import uk.gov.inspectorates.portal.core.notification.NoticeDelivery;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.NoticeTemplates;
import uk.gov.inspectorates.portal.core.notification.OutboxMessages;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.referral.InMemoryReferrals;
import uk.gov.inspectorates.portal.core.referral.ReferralDraft;
import uk.gov.inspectorates.portal.core.referral.ReferralService;
import uk.gov.inspectorates.portal.core.referral.Referrals;
import uk.gov.inspectorates.portal.core.referral.ReferringInspection;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.report.StampedCopies;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.retention.LegalHoldRecords;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;
import uk.gov.inspectorates.portal.core.termplan.TermPlanDraft;
import uk.gov.inspectorates.portal.core.termplan.TermPlanRepository;
import uk.gov.inspectorates.portal.core.termplan.TermPlanService;
import uk.gov.inspectorates.portal.core.testdata.EnglandAndWalesBankHolidays;
import uk.gov.inspectorates.portal.core.testdata.FakeContentInspector;
import uk.gov.inspectorates.portal.core.testdata.FakeContentScanner;
import uk.gov.inspectorates.portal.core.testdata.FakeContentTypeDetector;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.FakeKeyService;
import uk.gov.inspectorates.portal.core.testdata.FakeStamper;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.InMemoryInspections;
import uk.gov.inspectorates.portal.core.testdata.InMemoryLetterRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryResumableUploadRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryTermPlanRepository;
import uk.gov.inspectorates.portal.core.testdata.Journal;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;
import uk.gov.inspectorates.portal.core.testdata.UnitOfWorkProbe;

/**
 * An action and the audit event that records it are written in one unit of work (issue 18, docs/adr/0032): for a
 * service of each feature, every write through its persistence ports and every SUCCEEDED event happen inside one
 * unit; what cannot be undone (a mail handed to the relay, a key destroyed, an object deleted) happens outside it.
 * Each case is also run with {@link UnitOfWork#NONE}, where the same check must fail: it is not one that passes
 * whatever the service does.
 */
class UnitOfWorkContractTest {

    private static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** One service's action, run against journalled ports: the writes it must make inside the unit, and outside. */
    record Case(String name, Function<Fixture, Runnable> action, List<String> writesInside,
                List<String> irreversibleOutside) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The journalled ports and the gate a case builds its service from. */
    static final class Fixture {
        final Journal journal = new Journal();
        final UnitOfWork unitOfWork;
        final MutableClock clock = new MutableClock(NOW);
        final AuditTrail audit = journal.port(AuditTrail.class, new RecordingAuditTrail());
        final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, clock);
        final InMemoryDirectory directoryFake = InMemoryDirectory.withDemoOrganisations();
        final OrganisationDirectory directory = journal.port(OrganisationDirectory.class, directoryFake);
        final List<String> noticesQueued = new ArrayList<>();
        final NoticeOutbox notices = journal.port(NoticeOutbox.class, notice -> noticesQueued.add(notice.title()));
        final InMemoryInspections inspectionsFake = new InMemoryInspections();
        final InspectionRepository inspections = journal.port(InspectionRepository.class, inspectionsFake);
        final InformationRequestRepository requests = journal.port(InformationRequestRepository.class,
                inspectionsFake.requests);

        Fixture(UnitOfWork unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        Inspection openInspection() {
            Inspection inspection = new Inspection("insp-1", DemoDirectory.LOCAL_AUTHORITY_AREA_ID,
                    "Children at risk of exploitation", LocalDate.parse("2027-03-09"), Inspectorate.OFSTED,
                    Set.of(Inspectorate.OFSTED, Inspectorate.CQC, Inspectorate.HMIC),
                    Map.of(Inspectorate.OFSTED, "ofsted-lead"), InspectionStatus.OPEN, "ofsted-lead", NOW);
            inspectionsFake.add(inspection);
            return inspection;
        }
    }

    private static final Subject OFSTED_LEAD = aSubject().withId("ofsted-lead").of(Inspectorate.OFSTED)
            .withRoles(Role.LEAD_INSPECTOR).build();
    private static final Subject OFSTED_INSPECTOR = aSubject().withId("ofsted-inspector").of(Inspectorate.OFSTED)
            .withRoles(Role.INSPECTOR).build();
    private static final Subject OFSTED_ADMIN = aSubject().withId("ofsted-admin").of(Inspectorate.OFSTED)
            .withRoles(Role.ADMINISTRATOR).build();
    private static final Subject CQC_INSPECTOR = aSubject().withId("cqc-inspector").of(Inspectorate.CQC)
            .withRoles(Role.INSPECTOR).build();
    private static final Subject CQC_ADMIN = aSubject().withId("cqc-admin").of(Inspectorate.CQC)
            .withRoles(Role.ADMINISTRATOR).build();
    private static final Subject HMIC_INSPECTOR = aSubject().withId("hmic-inspector").of(Inspectorate.HMIC)
            .withRoles(Role.INSPECTOR).build();

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("report: sharing a report", ReportSharing::share,
                        List.of("ReportRepository.add", "NoticeOutbox.enqueue"), List.of()),
                new Case("inspection: opening an inspection", f -> () -> new InspectionService(f.inspections,
                        f.requests, f.directory, EnglandAndWalesBankHolidays.calendar(), f.gate, f.unitOfWork)
                        .open(OFSTED_LEAD, new InspectionDraft(DemoDirectory.LOCAL_AUTHORITY_AREA_ID,
                                "Children living with domestic abuse", "2027-03-09", List.of("CQC", "HMIC"), "OFSTED",
                                Map.of())),
                        List.of("InspectionRepository.add"), List.of()),
                new Case("inspection: requesting information", f -> {
                    Inspection inspection = f.openInspection();
                    InformationRequests service = new InformationRequests(f.inspections, f.requests, f.directory,
                            EnglandAndWalesBankHolidays.calendar(), f.notices, f.gate, f.unitOfWork);
                    return () -> service.request(HMIC_INSPECTOR, inspection.id(), new RequestDraft(
                            DemoDirectory.POLICE_ID, "Case records", "By identifier only",
                            List.of("JOINT_EVALUATIONS", "KEY_CASE_FILE_DOCUMENTS"), null, null, null));
                }, List.of("InformationRequestRepository.add", "NoticeOutbox.enqueue"), List.of()),
                new Case("referral: raising a category 1 referral", f -> {
                    Inspection inspection = f.openInspection();
                    Referrals referrals = f.journal.port(Referrals.class, new InMemoryReferrals());
                    ReferralService service = new ReferralService(referrals, id -> Optional.of(inspection)
                            .filter(i -> i.id().equals(id)).map(i -> ReferringInspection.of(i, "Northdale")),
                            f.directory, f.gate, f.notices, f.unitOfWork);
                    return () -> service.raise(CQC_INSPECTOR, inspection.id(), new ReferralDraft(
                            DemoDirectory.POLICE_ID, List.of("CS-2027-0417"), 1,
                            "No strategy discussion after the second missing episode.",
                            NOW.plus(Duration.ofDays(2))));
                }, List.of("Referrals.add", "NoticeOutbox.enqueue"), List.of()),
                new Case("termplan: sharing a term's list", f -> {
                    TermPlanRepository plans = f.journal.port(TermPlanRepository.class,
                            new InMemoryTermPlanRepository());
                    TermPlanService service = new TermPlanService(plans, f.directory, f.gate, f.unitOfWork);
                    return () -> service.share(OFSTED_INSPECTOR, new TermPlanDraft(null, "2026-27 SPRING",
                            List.of(DemoDirectory.LOCAL_AUTHORITY_AREA_ID)));
                }, List.of("TermPlanRepository.add"), List.of()),
                new Case("legalhold: setting a hold", f -> {
                    f.openInspection();
                    LegalHoldRecords holds = f.journal.port(LegalHoldRecords.class, new Holds());
                    LegalHoldService service = new LegalHoldService(holds, f.inspections,
                            new InMemoryReportRepository(), f.gate, f.unitOfWork);
                    return () -> service.set(CQC_ADMIN, HoldTarget.inspection("insp-1"), "court order");
                }, List.of("LegalHoldRecords.set"), List.of()),
                new Case("administration: adding a team", f -> () -> new OrganisationAdministration(f.directory,
                        f.gate, f.unitOfWork).addTeam(OFSTED_ADMIN, "Early years policy team", true),
                        List.of("OrganisationDirectory.saveTeam"), List.of()),
                new Case("account: ending every session of a person", f -> {
                    SessionRegistry registry = f.journal.port(SessionRegistry.class, new Sessions());
                    PortalSessions sessions = new PortalSessions(registry, f.audit, f.clock,
                            new PortalSessions.Timeouts(Duration.ofMinutes(30), Duration.ofHours(12)),
                            f.unitOfWork);
                    sessions.start("u1");
                    return () -> sessions.endAll("u1", "signed out everywhere");
                }, List.of("SessionRegistry.closeAll"), List.of()),
                new Case("retention: removing a key scope", f -> {
                    KeyScope scope = KeyScope.report("r-1");
                    FakeDocumentStore storeFake = new FakeDocumentStore();
                    StoredContent content;
                    try {
                        content = storeFake.store(scope, new ByteArrayInputStream(PDF));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    KeyService keys = f.journal.port(KeyService.class, new FakeKeyService());
                    DocumentStore store = f.journal.port(DocumentStore.class, storeFake);
                    Rows rows = f.journal.port(Rows.class, () -> { });
                    ScopeRemoval removal = new ScopeRemoval(keys, store, f.audit, f.clock, target -> false,
                            f.unitOfWork);
                    return () -> removal.remove(scope, List.of(content), rows::delete,
                            Remover.user("ofsted-admin", "org-ofsted"), "originator request");
                }, List.of("Rows.delete"), List.of("KeyService.destroyScope", "DocumentStore.delete")),
                new Case("notification: sending a queued message", f -> {
                    OutgoingMessage message = NoticeTemplates.render(NoticeKind.NEW_REQUEST, "up@northdale.gov.uk",
                            "Key documents", "https://portal.example/r");
                    OutboxMessages outbox = f.journal.port(OutboxMessages.class, new OneMessage(message));
                    MailRelay relay = f.journal.port(MailRelay.class, new MailRelay() {
                        @Override
                        public void send(OutgoingMessage sent) {
                        }

                        @Override
                        public String description() {
                            return "the test relay";
                        }
                    });
                    NoticeDelivery delivery = new NoticeDelivery(outbox, relay, f.audit, f.clock,
                            NoticeDelivery.Settings.defaults(), f.unitOfWork);
                    return delivery::deliverDue;
                }, List.of("OutboxMessages.sent"), List.of("MailRelay.send"))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theWritesAndTheSuccessTheyRecordAreInOneUnitOfWork(Case aCase) {
        UnitOfWorkProbe unitOfWork = new UnitOfWorkProbe();
        Fixture fixture = new Fixture(unitOfWork);
        Runnable action = aCase.action().apply(fixture);
        int before = fixture.journal.calls().size();

        action.run();

        List<Journal.Call> made = fixture.journal.calls().subList(before, fixture.journal.calls().size());
        assertEquals(List.of(), problems(aCase, made), "calls: " + made);
        assertTrue(unitOfWork.opened() >= 1, "a unit of work was opened");
    }

    /** The control: the same action without a unit of work is caught by the same check. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withoutAUnitOfWorkTheCheckFails(Case aCase) {
        Fixture fixture = new Fixture(UnitOfWork.NONE);
        Runnable action = aCase.action().apply(fixture);
        int before = fixture.journal.calls().size();

        action.run();

        List<Journal.Call> made = fixture.journal.calls().subList(before, fixture.journal.calls().size());
        assertFalse(problems(aCase, made).isEmpty(), "the check found nothing outside a unit: " + made);
    }

    private static List<String> problems(Case aCase, List<Journal.Call> made) {
        List<String> problems = new ArrayList<>();
        List<Journal.Call> successes = made.stream().filter(call -> call.port().equals("AuditTrail")
                && ((uk.gov.inspectorates.portal.core.audit.AuditEvent) call.arguments().get(0)).outcome()
                == Outcome.SUCCEEDED).toList();
        if (successes.isEmpty()) {
            problems.add("no SUCCEEDED event recorded");
        }
        successes.stream().filter(call -> !call.insideUnit())
                .forEach(call -> problems.add("SUCCEEDED event outside a unit"));
        for (String write : aCase.writesInside()) {
            List<Journal.Call> writes = made.stream().filter(call -> (call.port() + "." + call.method()).equals(write))
                    .toList();
            if (writes.isEmpty()) {
                problems.add("no " + write);
            }
            writes.stream().filter(call -> !call.insideUnit()).forEach(call -> problems.add(write + " outside a unit"));
        }
        for (String irreversible : aCase.irreversibleOutside()) {
            List<Journal.Call> calls = made.stream()
                    .filter(call -> (call.port() + "." + call.method()).equals(irreversible)).toList();
            if (calls.isEmpty()) {
                problems.add("no " + irreversible);
            }
            calls.stream().filter(Journal.Call::insideUnit)
                    .forEach(call -> problems.add(irreversible + " inside a unit that could roll back its record"));
        }
        return problems;
    }

    /** Sharing a report: the object is stored before the unit; the row, its event and its notices inside. */
    private static final class ReportSharing {
        static Runnable share(Fixture f) {
            FakeDocumentStore store = new FakeDocumentStore();
            FakeContentScanner scanner = new FakeContentScanner();
            DocumentIntake intake = new DocumentIntake(new FakeContentTypeDetector(), new FakeContentInspector(),
                    scanner, store, 1024 * 1024);
            FakeKeyService keys = new FakeKeyService();
            ResumableUploads uploads = new ResumableUploads(new InMemoryResumableUploadRepository(), store, intake,
                    new WindowedScanner(scanner, 1024 * 1024, 1024), keys, f.gate, f.audit,
                    new ResumableUploads.Settings(16, Duration.ofHours(24)), f.unitOfWork);
            ReportRepository reports = f.journal.port(ReportRepository.class, new InMemoryReportRepository());
            ReportService service = new ReportService(reports, intake, store, f.gate,
                    new ScopeRemoval(keys, store, f.audit, f.clock, target -> false, f.unitOfWork), uploads,
                    new FakeStamper(), new InMemoryLetterRepository(), StampedCopies.defaultBudget(), f.notices,
                    f.unitOfWork);
            return () -> service.share(OFSTED_INSPECTOR, service.checkShare(OFSTED_INSPECTOR, aReportDraft().build()),
                    new IncomingDocument("report.pdf", new ByteArrayInputStream(PDF)));
        }
    }

    /** The rows of a removed scope, as a port so that the journal sees when they are deleted. */
    public interface Rows {
        void delete();
    }

    private static final class Holds implements LegalHoldRecords {
        private final List<LegalHold> inForce = new ArrayList<>();

        @Override
        public Optional<LegalHold> current(HoldTarget target) {
            return inForce.stream().filter(h -> h.target().equals(target)).findFirst();
        }

        @Override
        public List<LegalHold> inForce() {
            return List.copyOf(inForce);
        }

        @Override
        public boolean set(LegalHold hold) {
            return current(hold.target()).isEmpty() && inForce.add(hold);
        }

        @Override
        public boolean lift(HoldTarget target, String by, String organisation, Instant at, String reason) {
            return inForce.removeIf(h -> h.target().equals(target));
        }
    }

    private static final class Sessions implements SessionRegistry {
        private final Map<String, Entry> open = new java.util.HashMap<>();

        @Override
        public void open(Entry entry) {
            open.put(entry.idHash(), entry);
        }

        @Override
        public Optional<Entry> find(String idHash) {
            return Optional.ofNullable(open.get(idHash));
        }

        @Override
        public void touch(String idHash, Instant at) {
        }

        @Override
        public void close(String idHash) {
            open.remove(idHash);
        }

        @Override
        public int closeAll(String userId) {
            int before = open.size();
            open.values().removeIf(entry -> entry.userId().equals(userId));
            return before - open.size();
        }
    }

    /** An outbox holding one due message. */
    private static final class OneMessage implements OutboxMessages {
        private final OutgoingMessage message;
        private boolean claimed;

        OneMessage(OutgoingMessage message) {
            this.message = message;
        }

        @Override
        public void add(List<OutgoingMessage> messages, Instant at) {
        }

        @Override
        public boolean addOnce(String onceKey, List<OutgoingMessage> messages, Instant at) {
            return true;
        }

        @Override
        public List<Pending> claimDue(Instant now, Instant leaseUntil, int limit) {
            if (claimed) {
                return List.of();
            }
            claimed = true;
            return List.of(new Pending(1, message, 0));
        }

        @Override
        public void sent(long seq, int attempts, Instant at) {
        }

        @Override
        public void retryLater(long seq, int attempts, Instant nextAttemptAt, String failure) {
        }

        @Override
        public void givenUp(long seq, int attempts, Instant at, String failure) {
        }

        @Override
        public void forgetLink(long seq) {
        }
    }
}
