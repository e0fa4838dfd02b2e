package uk.gov.inspectorates.portal.core.accountability;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditActivity;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.About;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Count;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Period;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;

/**
 * A SIRO's chart of access over time to one report or inspection (docs/adr/0035): only their own inspectorate's SIRO
 * (the audit trail's rule), only the events their scope covers, by day, or by hour when everything happened within
 * {@link #HOURLY_UP_TO}; audited once per view.
 */
public final class AccessChartService {

    /** Events spread over at most this long are charted by the hour. */
    public static final Duration HOURLY_UP_TO = Duration.ofDays(2);

    private final PolicyGate gate;
    private final AuditActivity activity;
    private final OrganisationDirectory directory;

    public AccessChartService(PolicyGate gate, AuditActivity activity, OrganisationDirectory directory) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The chart of {@code about} between {@code from} (inclusive) and {@code to} (exclusive); either may be null. */
    public AccessOverTime chart(Subject subject, About about, Instant from, Instant to) {
        Act act = about.reportId() != null ? Act.of(AuditActions.AUDIT_CHART, "REPORT", about.reportId())
                : Act.of(AuditActions.AUDIT_CHART, "INSPECTION", about.inspectionId());
        gate.require(subject, Action.AUDIT_VIEW, SiroTrail.of(subject), act);
        List<Count> counts = accessTo(activity.counts(about, Period.DAY, from, to, SiroTrail.scope(subject)));
        Period period = Period.DAY;
        if (!counts.isEmpty() && Duration.between(first(counts), last(counts)).compareTo(HOURLY_UP_TO) < 0) {
            period = Period.HOUR;
            counts = accessTo(activity.counts(about, Period.HOUR, from, to, SiroTrail.scope(subject)));
        }
        Map<String, String> names = new HashMap<>();
        AccessOverTime chart = AccessOverTime.of(
                about.reportId() != null ? "report " + about.reportId() : "inspection " + about.inspectionId(),
                period, counts, id -> names.computeIfAbsent(id, this::nameOf));
        gate.record(subject, act, Outcome.SUCCEEDED, "by " + chart.periodName() + ": " + chart.totalEvents()
                + " events, " + chart.totalRefused() + " refused, " + chart.bars().size() + " periods");
        return chart;
    }

    /** Access to the thing itself: a SIRO's charts of it are reads of the trail, not of the report or inspection. */
    private static List<Count> accessTo(List<Count> counts) {
        return counts.stream().filter(count -> !AuditActions.AUDIT_CHART.equals(count.action())).toList();
    }

    private String nameOf(String organisationId) {
        return directory.findOrganisation(organisationId).map(Organisation::name).orElse(organisationId);
    }

    private static Instant first(List<Count> counts) {
        return counts.stream().map(Count::start).min(Instant::compareTo).orElseThrow();
    }

    private static Instant last(List<Count> counts) {
        return counts.stream().map(Count::start).max(Instant::compareTo).orElseThrow();
    }
}
