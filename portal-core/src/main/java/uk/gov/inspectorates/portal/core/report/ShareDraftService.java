package uk.gov.inspectorates.portal.core.report;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;

/**
 * The share task list: a draft of the report's details is filled in section by section (each checked on its own
 * with the same rules as a share), and shared from the last step with its file. Only its owner sees a draft; a
 * draft is not a report, so nothing is audited until the share itself.
 */
public final class ShareDraftService {

    public enum Status { NOT_STARTED, COMPLETED, INCOMPLETE }

    private final ShareDrafts drafts;
    private final ReportService reports;
    private final PolicyGate gate;
    private final Clock clock;
    private final ZoneId zone;

    public ShareDraftService(ShareDrafts drafts, ReportService reports, PolicyGate gate, ZoneId zone) {
        this.drafts = drafts;
        this.reports = reports;
        this.gate = gate;
        this.clock = gate.clock();
        this.zone = zone;
    }

    /** A new, empty draft, for someone who may share reports (the refusal is audited by the share check). */
    public ShareDraft start(Subject subject) {
        mayShare(subject);
        ShareDraft draft = new ShareDraft(Ids.newId(), subject.userId(), Map.of(), clock.instant());
        drafts.save(draft);
        return draft;
    }

    public ShareDraft draft(Subject subject, String id) {
        mayShare(subject);
        return drafts.find(id == null ? "" : id, subject.userId()).orElseThrow(() -> new NotFound("share draft"));
    }

    /**
     * Replaces the section's fields with those given and keeps them only if the section is complete and valid;
     * otherwise nothing is saved and the section's errors are thrown.
     */
    public ShareDraft saveSection(Subject subject, String id, ShareSection section, Map<String, String> given) {
        mayShare(subject);
        ShareDraft draft = draft(subject, id);
        Map<String, String> fields = new HashMap<>(draft.fields());
        section.fields().forEach(fields::remove);
        section.fields().stream().filter(given::containsKey).forEach(name -> fields.put(name, given.get(name)));
        List<FieldError> errors = errorsOf(subject, fields).stream().filter(e -> section.owns(e.field())).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ShareDraft saved = new ShareDraft(draft.id(), draft.ownerId(), fields, clock.instant());
        drafts.save(saved);
        return saved;
    }

    /** Each section: not started (none of its fields given), completed (valid), or incomplete. */
    public Map<ShareSection, Status> statuses(Subject subject, ShareDraft draft) {
        mayShare(subject);
        List<FieldError> errors = errorsOf(subject, draft.fields());
        Map<ShareSection, Status> statuses = new EnumMap<>(ShareSection.class);
        for (ShareSection section : ShareSection.values()) {
            boolean started = section.fields().stream().anyMatch(draft.fields()::containsKey);
            boolean valid = errors.stream().noneMatch(e -> section.owns(e.field()));
            statuses.put(section, !started ? Status.NOT_STARTED : valid ? Status.COMPLETED : Status.INCOMPLETE);
        }
        return statuses;
    }

    /** The details, checked as a share would check them (throws with every error if any section is not done). */
    public ReportDetails details(Subject subject, ShareDraft draft) {
        mayShare(subject);
        return reports.checkShare(subject, ReportDraft.ofForm(draft.fields(), zone));
    }

    /** The drafts the person is preparing, the most recently changed first. */
    public List<ShareDraft> drafts(Subject subject) {
        if (!gate.permits(subject, Action.UPLOAD, Resource.newReport(subject.inspectorate().orElse(null)))) {
            return List.of();
        }
        return drafts.ofOwner(subject.userId());
    }

    public void discard(Subject subject, String id) {
        mayShare(subject);
        drafts.delete(id == null ? "" : id, subject.userId());
    }

    /** Drafts are for those who may share reports: anyone else is refused (audited as a refused share). */
    private void mayShare(Subject subject) {
        gate.require(subject, Action.UPLOAD, Resource.newReport(subject.inspectorate().orElse(null)),
                Act.of(AuditActions.REPORT_SHARE, "REPORT", null));
    }

    private List<FieldError> errorsOf(Subject subject, Map<String, String> fields) {
        try {
            reports.validate(subject, ReportDraft.ofForm(fields, zone));
            return List.of();
        } catch (InvalidInput invalid) {
            return invalid.errors();
        }
    }
}
