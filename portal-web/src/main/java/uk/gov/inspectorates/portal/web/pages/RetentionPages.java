package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.legalhold.LegalHoldService;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.retention.PolicyChange;
import uk.gov.inspectorates.portal.core.retention.PolicyProposal;
import uk.gov.inspectorates.portal.core.retention.RetentionAdministration;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionMinimums;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionSchedule;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * The administrators' retention page (issue 17): each category's policy with its minimum, the change form (GOV.UK
 * error summary, no JavaScript), each policy's history, the legal holds in force, and the dry run of what will be
 * removed next, when, and what holds it. Legal holds are set and lifted through forms here (posted from the
 * inspection and report pages too). The core services decide; the page only shows and posts.
 */
@WebServlet({"/admin/retention", "/admin/retention/*"})
public class RetentionPages extends HttpServlet {

    static final int DRY_RUN_ROWS = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final Map<String, String> DONE = Map.of(
            "policy-changed", "Retention policy changed",
            "hold-set", "Legal hold set",
            "hold-lifted", "Legal hold lifted");

    /** Each category in words, with the moment its period counts from. */
    static final Map<RetentionCategory, String[]> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put(RetentionCategory.JTAI_AFTER_CLOSURE, new String[] {"JTAI data", "the inspection’s closure"});
        CATEGORIES.put(RetentionCategory.PUBLISHED_REPORT_COPIES,
                new String[] {"Published reports’ portal copies", "publication"});
        CATEGORIES.put(RetentionCategory.WITHDRAWN_REPORTS, new String[] {"Withdrawn reports", "withdrawal"});
        CATEGORIES.put(RetentionCategory.LETTERS, new String[] {"Advance letters without a report", "sending"});
        CATEGORIES.put(RetentionCategory.SHARE_DRAFTS, new String[] {"Share drafts", "the last change"});
        CATEGORIES.put(RetentionCategory.TERM_PLANS, new String[] {"Term plans", "the end of the term"});
        CATEGORIES.put(RetentionCategory.RESUMABLE_UPLOADS, new String[] {"Unfinished uploads", "the last part"});
        CATEGORIES.put(RetentionCategory.NOTIFICATION_OUTBOX, new String[] {"Sent e-mail notices", "sending"});
        CATEGORIES.put(RetentionCategory.AUDIT_EVENTS, new String[] {"Audit events", "recording"});
        CATEGORIES.put(RetentionCategory.UNUSED_ACCOUNTS,
                new String[] {"Unused accounts", "the last sign-in (or creation)"});
    }

    @Inject
    RetentionAdministration retention;

    @Inject
    LegalHoldService holds;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        try {
            switch (AdminSupport.path(request)) {
                case "/admin/retention" -> overview(request, response, subject);
                case "/admin/retention/change" -> changeForm(request, response, subject,
                        request.getParameter("category"), null, null, 200);
                case "/admin/retention/history" -> history(request, response, subject,
                        request.getParameter("category"));
                default -> throw new NotFound("page");
            }
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        Map<String, String> given = AdminSupport.fields(request, "category", "amount", "unit", "action", "owner",
                "reason", "kind", "id");
        try {
            switch (AdminSupport.path(request)) {
                case "/admin/retention/change" -> change(request, response, subject, given);
                case "/admin/retention/holds" -> hold(request, response, subject, given, true);
                case "/admin/retention/holds/lift" -> hold(request, response, subject, given, false);
                default -> throw new NotFound("page");
            }
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    private void overview(HttpServletRequest request, HttpServletResponse response, Subject subject)
            throws IOException {
        List<RetentionPolicy> policies = retention.policies(subject);
        boolean mayChange = retention.mayChange(subject);
        List<Map<String, Object>> rows = policies.stream().map(policy -> Map.<String, Object>of(
                "category", policy.category().name(),
                "title", CATEGORIES.get(policy.category())[0],
                "countsFrom", CATEGORIES.get(policy.category())[1],
                "period", period(policy),
                "action", policy.action() == RetentionPolicy.EndAction.REMOVE ? "Remove" : "Review first",
                "owner", policy.owner(),
                "minimum", RetentionMinimums.of(policy.category()).map(RetentionMinimums.Minimum::describe)
                        .orElse("None"),
                "mayChange", mayChange)).toList();
        List<Map<String, Object>> dryRun = retention.dryRun(subject, DRY_RUN_ROWS).stream()
                .map(RetentionPages::dryRunRow).toList();
        List<Map<String, Object>> held = holds.inForce(subject).stream().map(hold -> holdRow(hold, subject))
                .toList();
        PageModel model = AdminSupport.model(request, "Retention")
                .with("policies", rows)
                .with("dryRun", dryRun)
                .with("hasDryRun", !dryRun.isEmpty())
                .with("holds", held)
                .with("hasHolds", !held.isEmpty());
        AdminSupport.done(model, request, DONE);
        pages.render(response, 200, "admin-retention", model.asMap());
    }

    private void changeForm(HttpServletRequest request, HttpServletResponse response, Subject subject,
                            String category, Map<String, String> given, InvalidInput invalid, int status)
            throws IOException {
        RetentionPolicy policy = retention.policies(subject).stream()
                .filter(p -> p.category().name().equals(category)).findFirst()
                .orElseThrow(() -> new NotFound("retention category"));
        if (!retention.mayChange(subject)) {
            // asked through the service so that the refusal is audited and names its rule
            retention.change(subject, category, new PolicyProposal(null, null, null, null, null));
        }
        Map<String, String> shown = given != null ? given : Map.of("amount", String.valueOf(policy.amount()),
                "unit", policy.unit().name(), "action", policy.action().name(), "owner", policy.owner(),
                "reason", "");
        PageModel model = AdminSupport.model(request, "Change the retention of " + CATEGORIES.get(policy.category())[0]
                        .toLowerCase(Locale.UK))
                .with("category", policy.category().name())
                .with("categoryTitle", CATEGORIES.get(policy.category())[0])
                .with("countsFrom", CATEGORIES.get(policy.category())[1])
                .with("current", period(policy) + ", then " + (policy.action() == RetentionPolicy.EndAction.REMOVE
                        ? "remove" : "review first"))
                .with("minimum", RetentionMinimums.of(policy.category())
                        .map(m -> m.describe() + " (" + m.source() + ")").orElse(null))
                .with("given", shown)
                .with("workingDays", "WORKING_DAYS".equals(shown.get("unit")))
                .with("calendarDays", "CALENDAR_DAYS".equals(shown.get("unit")))
                .with("remove", "REMOVE".equals(shown.get("action")))
                .with("review", "REVIEW".equals(shown.get("action")));
        if (invalid != null) {
            model.errors(Problems.from(invalid));
        }
        pages.render(response, status, "admin-retention-change", model.asMap());
    }

    private void change(HttpServletRequest request, HttpServletResponse response, Subject subject,
                        Map<String, String> given) throws IOException {
        try {
            retention.change(subject, given.get("category"), new PolicyProposal(given.get("amount"),
                    given.get("unit"), given.get("action"), given.get("owner"), given.get("reason")));
        } catch (InvalidInput invalid) {
            changeForm(request, response, subject, given.get("category"), given, invalid, 422);
            return;
        }
        AdminSupport.redirect(request, response, "/admin/retention?done=policy-changed");
    }

    private void history(HttpServletRequest request, HttpServletResponse response, Subject subject,
                         String category) throws IOException {
        List<PolicyChange> changes = retention.history(subject, category);
        RetentionCategory known = RetentionCategory.valueOf(category.strip().toUpperCase(Locale.ROOT)
                .replace('-', '_'));
        PageModel model = AdminSupport.model(request, "Changes to the retention of "
                        + CATEGORIES.get(known)[0].toLowerCase(Locale.UK))
                .with("categoryTitle", CATEGORIES.get(known)[0])
                .with("changes", changes.stream().map(change -> Map.<String, Object>of(
                        "when", when(change.changedAt()),
                        "before", describe(change.before()),
                        "after", describe(change.after()),
                        "by", change.changedBy() + (change.changedByOrganisation() == null ? ""
                                : " (" + change.changedByOrganisation() + ")"),
                        "reason", change.reason())).toList())
                .with("hasChanges", !changes.isEmpty());
        pages.render(response, 200, "admin-retention-history", model.asMap());
    }

    /** Sets or lifts a hold, then back to the page the form was on (the inspection's, the report's, or this). */
    private void hold(HttpServletRequest request, HttpServletResponse response, Subject subject,
                      Map<String, String> given, boolean set) throws IOException {
        HoldTarget target = target(given.get("kind"), given.get("id"));
        try {
            if (set) {
                holds.set(subject, target, given.get("reason"));
            } else {
                holds.lift(subject, target, given.get("reason"));
            }
        } catch (InvalidInput invalid) {
            PageModel model = AdminSupport.model(request, set ? "Put on legal hold" : "Lift the legal hold")
                    .with("kind", target.kind().name())
                    .with("id", target.id())
                    .with("set", set)
                    .with("what", target.kind() == HoldTarget.Kind.INSPECTION ? "inspection" : "report")
                    .with("given", given);
            model.errors(Problems.from(invalid));
            pages.render(response, 422, "admin-retention-hold", model.asMap());
            return;
        }
        String back = target.kind() == HoldTarget.Kind.INSPECTION ? "/inspections/" + target.id()
                : "/reports/" + target.id();
        AdminSupport.redirect(request, response, "inspection-page".equals(request.getParameter("from"))
                || "report-page".equals(request.getParameter("from")) ? back
                : "/admin/retention?done=" + (set ? "hold-set" : "hold-lifted"));
    }

    private static HoldTarget target(String kind, String id) {
        if (id == null || id.isBlank() || !("INSPECTION".equals(kind) || "REPORT".equals(kind))) {
            throw new NotFound("legal hold");
        }
        return new HoldTarget(HoldTarget.Kind.valueOf(kind), id.strip());
    }

    private Map<String, Object> holdRow(LegalHold hold, Subject subject) {
        return Map.of("kind", hold.target().kind().name(),
                "what", hold.target().kind() == HoldTarget.Kind.INSPECTION ? "Inspection" : "Report",
                "id", hold.target().id(),
                "since", when(hold.since()),
                "reason", hold.reason(),
                "mayLift", holds.mayChange(subject, hold.target()));
    }

    private static Map<String, Object> dryRunRow(RetentionSchedule.Entry entry) {
        var candidate = entry.candidate();
        return Map.of("category", CATEGORIES.get(entry.category())[0],
                "description", candidate.description(),
                "due", when(candidate.dueAt()),
                "action", entry.action() == RetentionPolicy.EndAction.REMOVE ? "Remove" : "Review",
                "held", entry.held(),
                "heldBy", candidate.holdTarget() == null ? "" : "Legal hold on the "
                        + candidate.holdTarget().kind().name().toLowerCase(Locale.UK) + " " + candidate.holdTarget().id());
    }

    static String period(RetentionPolicy policy) {
        return policy.amount() + (policy.unit() == RetentionPolicy.DurationUnit.WORKING_DAYS ? " working days"
                : " calendar days");
    }

    private static String describe(RetentionPolicy policy) {
        return period(policy) + ", " + (policy.action() == RetentionPolicy.EndAction.REMOVE ? "remove"
                : "review first") + "; owner " + policy.owner();
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(WorkingDayCalendar.UK));
    }
}
