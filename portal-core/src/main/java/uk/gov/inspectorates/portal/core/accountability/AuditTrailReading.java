package uk.gov.inspectorates.portal.core.accountability;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditCriteria;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditPage;
import uk.gov.inspectorates.portal.core.audit.AuditScope;
import uk.gov.inspectorates.portal.core.audit.AuditSearch;
import uk.gov.inspectorates.portal.core.audit.ReportReaders;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;

/**
 * The SIRO reading the trail (issue 18, docs/adr/0033): a search of their own inspectorate's trail through the gate
 * ({@code audit.read.own-organisation-siro}), bounded by {@link AuditScope#ofOrganisation} their organisation, audited
 * once with its criteria; and "who has seen this report?" for the report's originator's SIRO
 * ({@code audit.report.originator-siro}).
 */
public final class AuditTrailReading {

    /** The most downloads "who has seen this report?" lists; the search finds the rest. */
    public static final int READERS_SHOWN = 200;

    private final PolicyGate gate;
    private final AuditSearch search;
    private final ReportReaders readers;
    private final ReportRepository reports;

    public AuditTrailReading(PolicyGate gate, AuditSearch search, ReportReaders readers, ReportRepository reports) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.search = Objects.requireNonNull(search, "search");
        this.readers = Objects.requireNonNull(readers, "readers");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /** One page of the subject's search, newest first; refused (403, audited) for anyone but their SIRO. */
    public AuditPage search(Subject subject, AuditCriteria criteria) {
        Act act = SiroTrail.act(AuditActions.AUDIT_SEARCH, subject);
        gate.require(subject, Action.AUDIT_VIEW, SiroTrail.of(subject), act);
        AuditPage page = search.search(criteria.query(), SiroTrail.scope(subject));
        gate.record(subject, act, Outcome.SUCCEEDED, criteria.describe());
        return page;
    }

    /** Whether the subject may search the trail at all (to show the way to the audit page). */
    public boolean maySearch(Subject subject) {
        return gate.permits(subject, Action.AUDIT_VIEW, SiroTrail.of(subject));
    }

    /**
     * The stamped copies served of the report and its letters, newest first, for its originator's SIRO; empty for
     * anyone else (the report page then shows no such section). Part of the report page's one view, not audited apart.
     */
    public Optional<List<Reading>> whoHasSeen(Subject subject, Report report, Instant now) {
        if (!gate.permits(subject, Action.AUDIT_VIEW, report.asResourceAt(now))) {
            return Optional.empty();
        }
        return Optional.of(readers.downloadsOf(report.id(), READERS_SHOWN).stream().map(Reading::of).toList());
    }

    /**
     * "Who has seen this report?" on its own (the SIRO need not be able to open the report itself): the report's
     * originator's SIRO only, audited once as a search; 404 for a report unknown or not theirs to know of.
     */
    public ReportReadings readersOf(Subject subject, String reportId) {
        Instant now = gate.clock().instant();
        Act act = Act.of(AuditActions.AUDIT_SEARCH, "REPORT", reportId);
        Report report = gate.admit(subject, Action.AUDIT_VIEW, act, reports.find(reportId),
                found -> found.asResourceAt(now));
        List<Reading> readings = readers.downloadsOf(report.id(), READERS_SHOWN).stream().map(Reading::of).toList();
        gate.record(subject, act, Outcome.SUCCEEDED, "who has seen the report: " + readings.size() + " downloads");
        return new ReportReadings(report, readings);
    }

    /** The report and its readers, newest first. */
    public record ReportReadings(Report report, List<Reading> readings) {
    }

    /** One reader's download: who, of which organisation, when, what (report or letter) and the download id. */
    public record Reading(long seq, String readerId, String organisationId, Instant at, String action,
                          String resourceType, String resourceId, String downloadId) {
        static Reading of(StoredAuditEvent stored) {
            AuditEvent event = stored.event();
            return new Reading(stored.seq(), event.actorId(), event.actorOrganisationId(), event.at(), event.action(),
                    event.resourceType(), event.resourceId(), event.downloadId());
        }
    }
}
