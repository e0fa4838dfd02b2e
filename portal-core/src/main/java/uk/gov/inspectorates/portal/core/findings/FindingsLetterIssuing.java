package uk.gov.inspectorates.portal.core.findings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.inspection.JtaiTimeline;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.report.Attestations;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.ReportType;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Issues the agreed findings letter on day 41 as the pre-publication findings letter: a report of type
 * {@link ReportType#JTAI_FINDINGS_LETTER} under embargo, so that everything reports have serves it (stamped copies
 * naming their reader with the GSC marking on every page, publication and the 303 to the published letter,
 * withdrawal, withhold requests). It is addressed to the other participating inspectorates (their reader lists read
 * it as any report) and names its agency recipients one by one: the DCS, the chief officers of the inspected agencies
 * and the chair of the local safeguarding partnership (docs/adr/0025). Its content is copied, decrypted and
 * encrypted again as it streams, into the report's own key scope, so that removing the report never touches the
 * inspection's key and the inspection's removal leaves the report to its own retention.
 */
public final class FindingsLetterIssuing {

    private final InspectionRepository inspections;
    private final FindingsLetters letters;
    private final ReportRepository reports;
    private final DocumentStore store;
    private final AreaAgencies area;
    private final WorkingDayCalendar calendar;
    private final NoticeOutbox notices;
    private final UnitOfWork unitOfWork;
    private final PolicyGate gate;

    public FindingsLetterIssuing(InspectionRepository inspections, FindingsLetters letters, ReportRepository reports,
                                 DocumentStore store, OrganisationDirectory directory, WorkingDayCalendar calendar,
                                 NoticeOutbox notices, PolicyGate gate) {
        this(inspections, letters, reports, store, directory, calendar, notices, gate, UnitOfWork.NONE);
    }

    public FindingsLetterIssuing(InspectionRepository inspections, FindingsLetters letters, ReportRepository reports,
                                 DocumentStore store, OrganisationDirectory directory, WorkingDayCalendar calendar,
                                 NoticeOutbox notices, PolicyGate gate,
                                 UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.letters = Objects.requireNonNull(letters, "letters");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.store = Objects.requireNonNull(store, "store");
        this.area = new AreaAgencies(directory);
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Issues the letter (the lead inspector), 409 unless its latest version is the revision agreed by every other
     * participating inspectorate. {@code chairUserId}, optional, names the chair of the local safeguarding partnership:
     * a person of an agency of the area.
     */
    public Report issue(Subject subject, String inspectionId, String chairUserId) {
        Act act = FindingsLetterService.act(AuditActions.FINDINGS_LETTER_ISSUE, inspectionId);
        Optional<Inspection> found = inspections.find(inspectionId);
        FindingsLetter letter = found.map(inspection -> letters.of(inspection.id())).orElse(null);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, found,
                candidate -> LetterResources.letter(candidate, letter));
        gate.require(subject, Action.EXPORT, LetterResources.letter(inspection, letter), act);
        Instant now = gate.clock().instant();
        FindingsLetterStage stage = letter.stageAt(now, inspection.participants(), inspection.leadInspectorate());
        if (stage != FindingsLetterStage.AGREED) {
            gate.record(subject, act, Outcome.REFUSED, "stage " + stage);
            throw new Conflict(stage == FindingsLetterStage.ISSUED ? "The letter has been issued already"
                    : "The letter is issued once every inspectorate has agreed the revised letter: " + stage.title());
        }
        Set<Inspectorate> addressees = EnumSet.copyOf(inspection.participants());
        addressees.remove(inspection.leadInspectorate());
        if (addressees.isEmpty()) {
            gate.record(subject, act, Outcome.REFUSED, "no other inspectorate");
            throw new Conflict("A joint letter needs another participating inspectorate");
        }
        String chair = null;
        if (chairUserId != null && !chairUserId.isBlank()) {
            chair = area.personOfArea(inspection, chairUserId).map(UserAccount::id).orElseThrow(() -> {
                gate.record(subject, act, Outcome.REFUSED, "invalid: chair");
                return InvalidInput.of("chair", "Choose the chair of the local safeguarding partnership from the"
                        + " people of the area's agencies");
            });
        }
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(letter.accuracyCheck().dcsUserId());
        area.seniorLeadersOfInspectedAgencies(inspection).forEach(user -> recipients.add(user.id()));
        if (chair != null) {
            recipients.add(chair);
        }
        FindingsDocument agreed = letter.latest().orElseThrow();
        String reportId = Ids.newId();
        StoredContent copy = copied(subject, act, agreed, reportId);
        JtaiTimeline timeline = JtaiTimeline.from(inspection.notifiedOn(), calendar);
        OffsetDateTime publication = timeline.dateOf(JtaiTimeline.PUBLICATION_DAY).atStartOfDay(WorkingDayCalendar.UK)
                .toOffsetDateTime();
        String areaName = area.areaName(inspection);
        Report report = new Report(reportId, "Joint targeted area inspection of " + areaName + ": findings letter",
                ReportType.JTAI_FINDINGS_LETTER, areaName + " (" + inspection.theme() + ")", agreed.classification(),
                agreed.classification().defaultHandlingInstructions(), new Attestations(true, true, true), inspection.leadInspectorate(), addressees, publication,
                subject.userId(), now,
                new AcceptedDocument(agreed.document().fileName(), agreed.document().mediaType(), copy), null, null,
                recipients);
        String chairId = chair;
        // the report, the issue, its event and its notices commit together: issued concurrently rolls them back
        boolean issued;
        try {
            issued = unitOfWork.inOne(() -> {
                reports.add(report);
                if (!letters.recordIssue(new FindingsLetterIssue(inspectionId, reportId, agreed.version(), chairId,
                        subject.userId(), now))) {
                    throw new IssuedConcurrently();
                }
                gate.record(subject, act, Outcome.SUCCEEDED, "report=" + reportId + " version=" + agreed.version()
                        + " addressees=" + addressees.stream().map(Enum::name).sorted().toList()
                        + " agencyRecipients=" + recipients.size());
                notices.enqueue(issuedNotice(report));
                return true;
            });
        } catch (IssuedConcurrently concurrently) {
            issued = false;
        } catch (RuntimeException failure) {
            discard(copy, failure);
            gate.record(subject, act, Outcome.REFUSED, "database failure");
            throw failure;
        }
        if (!issued) {
            Conflict conflict = new Conflict("The letter has been issued already");
            discard(copy, conflict);
            gate.record(subject, act, Outcome.REFUSED, "issued concurrently");
            throw conflict;
        }
        return report;
    }

    /**
     * Who may be named chair of the local safeguarding partnership when the subject issues the letter: the people of
     * the area's agencies; nobody for someone who may not issue it (for offering the form; not audited).
     */
    public List<UserAccount> chairCandidates(Subject subject, String inspectionId) {
        Optional<Inspection> found = inspections.find(inspectionId);
        if (found.isEmpty() || !gate.permits(subject, Action.EXPORT,
                LetterResources.letter(found.get(), letters.of(inspectionId)))) {
            return List.of();
        }
        return area.peopleOfArea(found.get());
    }

    private StoredContent copied(Subject subject, Act act, FindingsDocument agreed, String reportId) {
        try (InputStream plaintext = store.open(agreed.document().content())) {
            return store.store(KeyScope.report(reportId), plaintext);
        } catch (IOException e) {
            gate.record(subject, act, Outcome.REFUSED, "content unreadable");
            throw new UncheckedIOException("the agreed letter could not be copied", e);
        }
    }

    /** The reader lists of the other inspectorates and each named agency recipient are told it is there. */
    private static Notice issuedNotice(Report report) {
        List<Recipients> to = new java.util.ArrayList<>();
        report.addressees().stream().sorted().forEach(party -> to.add(Recipients.readerListOf(party.organisationId())));
        report.agencyRecipients().stream().sorted().forEach(user -> to.add(Recipients.person(user)));
        return new Notice(NoticeKind.REPORT_SHARED, to, report.title(), "/reports/" + report.id());
    }

    /** Rolls back the issue's unit of work: another issue of the letter was recorded first. */
    private static final class IssuedConcurrently extends RuntimeException {
        IssuedConcurrently() {
            super(null, null, false, false);
        }
    }

    private void discard(StoredContent content, RuntimeException failure) {
        try {
            store.delete(content);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
