package uk.gov.inspectorates.portal.core.termplan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.access.TermPlanRules;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Termly inspection-plan lists (ISP "Sharing other information"): each term each inspectorate shares the local
 * authority areas it plans to inspect, and every inspectorate sees every list. Every call is decided by the
 * {@link PolicyGate} ({@link TermPlanRules}) and leaves exactly one audit event, whatever its outcome.
 */
public final class TermPlanService {

    static final int MAX_AREAS = 500;
    private static final String RESOURCE_TYPE = "TERM_PLAN";

    private final TermPlanRepository plans;
    private final OrganisationDirectory directory;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public TermPlanService(TermPlanRepository plans, OrganisationDirectory directory, PolicyGate gate) {
        this(plans, directory, gate, UnitOfWork.NONE);
    }

    public TermPlanService(TermPlanRepository plans, OrganisationDirectory directory, PolicyGate gate,
                           UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.plans = plans;
        this.directory = directory;
        this.gate = gate;
        this.clock = gate.clock();
    }

    /**
     * Shares the list as the next version of its inspectorate's plan for the term (the first is version 1); the
     * versions before stay. Only the inspectorate's own sharing staff may.
     */
    public TermPlanList share(Subject subject, TermPlanDraft draft) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        Inspectorate inspectorate = inspectorate(subject, draft.inspectorate(), errors);
        gate.require(subject, Action.UPLOAD, TermPlanRules.newPlan(inspectorate),
                act(AuditActions.TERM_PLAN_SHARE, null));
        Term term = term(draft.term(), errors);
        List<LocalAuthorityArea> areas = areas(draft.areas(), errors);
        if (!errors.isEmpty()) {
            gate.record(subject, act(AuditActions.TERM_PLAN_SHARE, null), Outcome.REFUSED,
                    "invalid: " + errors.stream().map(FieldError::field).distinct().toList());
            throw new InvalidInput(errors);
        }
        int version = plans.latestVersion(inspectorate, term) + 1;
        TermPlanList plan = new TermPlanList(Ids.newId(), inspectorate, term, version, areas, subject.userId(), now);
        try {
            unitOfWork.run(() -> {
                plans.add(plan);
                gate.record(subject, act(AuditActions.TERM_PLAN_SHARE, plan.id()), Outcome.SUCCEEDED,
                        "inspectorate=" + inspectorate.name() + " term=" + term.code() + " version=" + version
                                + " areas=" + areas.stream().map(LocalAuthorityArea::id).toList()
                                + " classification=" + plan.classification().marking());
            });
        } catch (RuntimeException failure) {
            gate.record(subject, act(AuditActions.TERM_PLAN_SHARE, null), Outcome.REFUSED, "database failure");
            throw failure;
        }
        return plan;
    }

    /**
     * The lists of a term: each inspectorate's newest version (by inspectorate), or with {@code history} every
     * version. For staff of any inspectorate; anyone else is refused (403).
     */
    public List<TermPlanList> ofTerm(Subject subject, String term, boolean history) {
        gate.require(subject, Action.LIST, TermPlanRules.plans(), act(AuditActions.TERM_PLAN_LIST, null));
        List<FieldError> errors = new ArrayList<>();
        Term chosen = term(term, errors);
        if (!errors.isEmpty()) {
            gate.record(subject, act(AuditActions.TERM_PLAN_LIST, null), Outcome.REFUSED, "invalid: [term]");
            throw new InvalidInput(errors);
        }
        List<TermPlanList> all = gate.visible(subject, plans.ofTerm(chosen), TermPlanList::asResource).stream()
                .sorted(Comparator.comparing(TermPlanList::inspectorate).thenComparing(TermPlanList::version))
                .toList();
        List<TermPlanList> shown = history ? all : newestOfEach(all);
        gate.record(subject, act(AuditActions.TERM_PLAN_LIST, null), Outcome.SUCCEEDED,
                "term=" + chosen.code() + " count=" + shown.size() + (history ? " history" : ""));
        return shown;
    }

    /** One version of a list. Unknown, or for someone who may see no list: 404. */
    public TermPlanList view(Subject subject, String id) {
        // whoever may not see a plan may see none, so may not know this one exists either: 404 for both
        TermPlanList plan = gate.admit(subject, Action.VIEW_METADATA, act(AuditActions.TERM_PLAN_VIEW, id),
                id == null ? Optional.empty() : plans.find(id), TermPlanList::asResource);
        gate.record(subject, act(AuditActions.TERM_PLAN_VIEW, id), Outcome.SUCCEEDED, null);
        return plan;
    }

    /**
     * Checks that the subject may share their inspectorate's list, before a form is shown: the inspectorate, or a
     * refusal (audited) naming the rule.
     */
    public Inspectorate checkMayShare(Subject subject) {
        Inspectorate own = subject.inspectorate().orElse(null);
        gate.require(subject, Action.UPLOAD, TermPlanRules.newPlan(own), act(AuditActions.TERM_PLAN_SHARE, null));
        return own;
    }

    /** The inspectorate whose list the subject may share (their own), if they may share one; for pages. */
    public Optional<Inspectorate> sharesFor(Subject subject) {
        return ownSharing(subject);
    }

    private Optional<Inspectorate> ownSharing(Subject subject) {
        return subject.inspectorate().filter(own -> gate.permits(subject, Action.UPLOAD, TermPlanRules.newPlan(own)));
    }

    /** Whether the subject may see the term plans at all; for pages (a link, not a decision on a plan). */
    public boolean maySee(Subject subject) {
        return gate.permits(subject, Action.LIST, TermPlanRules.plans());
    }

    /** The areas a list may name, by name: for those who may share one; else none. */
    public List<LocalAuthorityArea> areasFor(Subject subject) {
        return ownSharing(subject).isEmpty() ? List.of() : directory.localAuthorityAreas().stream()
                .sorted(Comparator.comparing(area -> area.name().toLowerCase(Locale.UK))).toList();
    }

    private static List<TermPlanList> newestOfEach(List<TermPlanList> byInspectorateThenVersion) {
        Map<Inspectorate, TermPlanList> newest = new LinkedHashMap<>();
        byInspectorateThenVersion.forEach(plan -> newest.put(plan.inspectorate(), plan));
        return List.copyOf(newest.values());
    }

    private static Inspectorate inspectorate(Subject subject, String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            return subject.inspectorate().orElse(null);
        }
        Optional<Inspectorate> named = Inspectorate.byCode(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        if (named.isEmpty()) {
            // not a party: decided as the subject's own, so that agencies are still refused first
            errors.add(new FieldError("inspectorate", "Name an inspectorate: OFSTED, CQC, HMIC, HMI_PROBATION, "
                    + "HMI_PRISONS or HMCPSI"));
            return subject.inspectorate().orElse(null);
        }
        return named.get();
    }

    private static Term term(String given, List<FieldError> errors) {
        try {
            return Term.parse(given);
        } catch (InvalidInput invalid) {
            errors.addAll(invalid.errors());
            return null;
        }
    }

    /** Each given id or name (any case) of a known area, once each; at least one. */
    private List<LocalAuthorityArea> areas(List<String> given, List<FieldError> errors) {
        if (given == null || given.stream().allMatch(area -> area == null || area.isBlank())) {
            errors.add(new FieldError("areas", "Choose at least one local authority area"));
            return List.of();
        }
        if (given.size() > MAX_AREAS) {
            errors.add(new FieldError("areas", "List at most " + MAX_AREAS + " areas"));
            return List.of();
        }
        List<LocalAuthorityArea> known = directory.localAuthorityAreas();
        Set<LocalAuthorityArea> chosen = new LinkedHashSet<>();
        for (String name : given) {
            if (name == null || name.isBlank()) {
                errors.add(new FieldError("areas", "An area in the list is empty: name each area"));
                continue;
            }
            String wanted = name.strip();
            Optional<LocalAuthorityArea> area = known.stream().filter(a -> a.id().equals(wanted)).findFirst()
                    .or(() -> known.stream().filter(a -> a.name().equalsIgnoreCase(wanted)).findFirst());
            if (area.isEmpty()) {
                errors.add(new FieldError("areas", "The portal does not know the local authority area \""
                        + abbreviated(wanted) + "\": choose areas the portal knows"));
            } else if (!chosen.add(area.get())) {
                errors.add(new FieldError("areas", area.get().name() + " is in the list more than once: list each "
                        + "area once"));
            }
        }
        return List.copyOf(chosen);
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static Act act(String auditAction, String planId) {
        return Act.of(auditAction, RESOURCE_TYPE, planId);
    }
}
