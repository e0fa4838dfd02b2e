package uk.gov.inspectorates.portal.core.accountability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoint;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditPage;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditSearch;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;
import uk.gov.inspectorates.portal.core.audit.AuditVerifier;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/**
 * A SIRO's PDF report of the trail (docs/adr/0035): the events their search criteria find within their scope, newest
 * first, at most {@link #MAX_EVENTS} (the CSV export has no such cap), with the verification of the whole chain;
 * only their own inspectorate's SIRO; audited once, after the document is written, so that an export that could not
 * be recorded is not handed out.
 */
public final class AuditReportService {

    public static final int MAX_EVENTS = 10_000;
    static final int PAGE_SIZE = AuditQuery.MAX_PAGE_SIZE;

    private final PolicyGate gate;
    private final AuditSearch search;
    private final AuditVerifier verifier;
    private final OrganisationDirectory directory;
    private final AuditReportWriter writer;
    private final Supplier<Optional<AuditCheckpoint>> checkpointAtHead;
    private final int cap;

    /**
     * {@code checkpointAtHead} signs a checkpoint at the chain's head before the events are read (the CSV export does
     * the same: {@code AuditCheckpointing.atHead}), so that what the report lists is covered by a signed checkpoint.
     */
    public AuditReportService(PolicyGate gate, AuditSearch search, AuditVerifier verifier,
                              OrganisationDirectory directory, AuditReportWriter writer,
                              Supplier<Optional<AuditCheckpoint>> checkpointAtHead) {
        this(gate, search, verifier, directory, writer, checkpointAtHead, MAX_EVENTS);
    }

    AuditReportService(PolicyGate gate, AuditSearch search, AuditVerifier verifier, OrganisationDirectory directory,
                       AuditReportWriter writer, Supplier<Optional<AuditCheckpoint>> checkpointAtHead, int cap) {
        this.checkpointAtHead = Objects.requireNonNull(checkpointAtHead, "checkpointAtHead");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.search = Objects.requireNonNull(search, "search");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.cap = cap;
    }

    public String mediaType() {
        return writer.mediaType();
    }

    /**
     * Writes the report of what {@code criteria} find (its page and page size are ignored) to {@code out}, and
     * records the export. Returns how many events it lists.
     */
    public int export(Subject subject, AuditQuery criteria, OutputStream out) {
        Act act = SiroTrail.act(AuditActions.AUDIT_EXPORT, subject);
        gate.require(subject, Action.EXPORT, SiroTrail.of(subject), act);
        checkpointAtHead.get();
        List<StoredAuditEvent> found = new ArrayList<>();
        boolean more = false;
        for (int page = 1; ; page++) {
            AuditPage result = search.search(pageOf(criteria, page), SiroTrail.scope(subject));
            for (StoredAuditEvent event : result.events()) {
                if (found.size() == cap) {
                    more = true;
                    break;
                }
                found.add(event);
            }
            if (more || !result.more()) {
                break;
            }
            if (found.size() == cap) {
                more = true;
                break;
            }
        }
        AuditVerification verification = verifier.verify();
        Instant now = gate.clock().instant();
        Names names = new Names();
        AuditReport report = new AuditReport(subject.displayName() + " (" + subject.username() + ")",
                subject.organisation().name(), describe(criteria), now, verification,
                found.stream().map(names::line).toList(), more, cap);
        try {
            writer.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit report could not be written", e);
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "format=pdf; events=" + found.size() + (more ? " (capped)" : "")
                + "; verification=" + (verification.intact() ? "intact" : "broken at " + verification.firstBrokenSeq())
                + "; criteria=" + String.join(", ", report.criteria()));
        return found.size();
    }

    private static AuditQuery pageOf(AuditQuery criteria, int page) {
        return new AuditQuery(criteria.actorId(), criteria.organisationId(), criteria.reportId(),
                criteria.inspectionId(), criteria.action(), criteria.outcome(), criteria.from(), criteria.to(),
                criteria.downloadId(), page, PAGE_SIZE);
    }

    /** The criteria in words, one a line ("everything in your scope" when none). */
    static List<String> describe(AuditQuery criteria) {
        List<String> lines = new ArrayList<>();
        add(lines, "Person", criteria.actorId());
        add(lines, "Organisation", criteria.organisationId());
        add(lines, "Report", criteria.reportId());
        add(lines, "Inspection", criteria.inspectionId());
        add(lines, "Action", criteria.action());
        add(lines, "Outcome", criteria.outcome() == null ? null : criteria.outcome().name());
        add(lines, "From (inclusive)", criteria.from() == null ? null : DateTimeFormatter.ISO_INSTANT
                .format(criteria.from()));
        add(lines, "To (exclusive)", criteria.to() == null ? null : DateTimeFormatter.ISO_INSTANT
                .format(criteria.to()));
        add(lines, "Download id", criteria.downloadId());
        if (lines.isEmpty()) {
            lines.add("Every event in your scope");
        }
        return lines;
    }

    private static void add(List<String> lines, String name, String value) {
        if (value != null) {
            lines.add(name + ": " + value);
        }
    }

    /** The directory's names for the people and organisations of the events, each looked up once. */
    private final class Names {
        private final Map<String, String> people = new HashMap<>();
        private final Map<String, String> organisations = new HashMap<>();

        AuditReport.Line line(StoredAuditEvent stored) {
            AuditEvent e = stored.event();
            String who = e.actorId() == null ? "" : people.computeIfAbsent(e.actorId(), id -> directory.findUser(id)
                    .map(UserAccount::username).map(name -> name + " (" + id + ")").orElse(id));
            String organisation = e.actorOrganisationId() == null ? ""
                    : organisations.computeIfAbsent(e.actorOrganisationId(), id -> directory.findOrganisation(id)
                            .map(Organisation::name).orElse(id));
            String resource = Optional.ofNullable(e.resourceType()).orElse("")
                    + (e.resourceId() == null ? "" : " " + e.resourceId());
            return new AuditReport.Line(stored.seq(), e.at(), who, organisation, e.action(), resource.trim(),
                    e.outcome().name(), e.detail(), e.downloadId(), e.clientAddress());
        }
    }
}
