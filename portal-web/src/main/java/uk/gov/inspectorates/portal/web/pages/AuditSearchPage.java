package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import uk.gov.inspectorates.portal.core.accountability.AuditTrailReading;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditCriteria;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditPage;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * The SIRO's audit page (issue 18, docs/adr/0033): the search form, the events found (newest first) and the pages of
 * them, links to the CSV and PDF exports and the chart of the same search. Each showing is one search, audited once.
 * A download id printed on a stamped page finds its reader and the time.
 */
@WebServlet("/audit")
public class AuditSearchPage extends HttpServlet {

    private static final String TITLE = "Audit trail";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);
    private static final List<String[]> TEXT_FIELDS = List.of(
            new String[] {"person", "Person", "Their user id"},
            new String[] {"organisation", "Organisation", "Whose people did it, or whose information it was about"},
            new String[] {"report", "Report", "The report's id"},
            new String[] {"inspection", "Inspection", "The inspection's id"},
            new String[] {"downloadId", "Download id", "As printed on a stamped page: finds the reader and the time"},
            new String[] {"from", "From", "A date, for example 2030-01-31"},
            new String[] {"to", "To (including that day)", "A date, for example 2030-02-28"});

    @Inject
    AuditTrailReading reading;

    @Inject
    PageRenderer pages;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        PageModel model = AdminSupport.model(request, TITLE);
        Map<String, String> given = new HashMap<>();
        AuditCriteria.PARAMETERS.forEach(name -> {
            String value = request.getParameter(name);
            if (value != null) {
                given.put(name, value);
            }
        });
        model.with("given", given);
        try {
            AuditCriteria criteria;
            try {
                criteria = AuditCriteria.parse(given::get);
            } catch (InvalidInput invalid) {
                // refused before it is read: a person who may not search is told so, not that their dates are wrong
                if (!reading.maySearch(subject)) {
                    reading.search(subject, AuditCriteria.parse(name -> null));
                }
                Map<String, String> errors = new HashMap<>();
                invalid.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
                model.errors(Problems.from(invalid));
                render(response, 422, model, given, errors, null, null, null);
                return;
            }
            Instant now = clock.instant();
            AuditPage page = reading.search(subject, criteria);
            render(response, 200, model, given, Map.of(), criteria, page, now);
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    private void render(HttpServletResponse response, int status, PageModel model, Map<String, String> given,
                        Map<String, String> errors, AuditCriteria criteria, AuditPage page, Instant now)
            throws IOException {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String[] field : TEXT_FIELDS) {
            Map<String, Object> input = new HashMap<>(Map.of("id", field[0], "label", field[1], "hint", field[2],
                    "value", given.getOrDefault(field[0], "")));
            input.put("error", errors.get(field[0]));
            fields.add(input);
        }
        String chosenAction = given.getOrDefault("action", "");
        List<Map<String, Object>> actions = new ArrayList<>();
        actions.add(Map.of("value", "", "label", "Any action", "selected", chosenAction.isBlank()));
        AuditCriteria.actions().forEach(action -> actions.add(Map.of("value", action,
                "label", words(action), "selected", action.equalsIgnoreCase(chosenAction))));
        String chosenOutcome = given.getOrDefault("outcome", "");
        List<Map<String, Object>> outcomes = new ArrayList<>();
        outcomes.add(Map.of("value", "", "label", "Any outcome", "selected", chosenOutcome.isBlank()));
        for (AuditEvent.Outcome outcome : AuditEvent.Outcome.values()) {
            outcomes.add(Map.of("value", outcome.name(), "label", words(outcome.name()),
                    "selected", outcome.name().equalsIgnoreCase(chosenOutcome)));
        }
        model.with("fields", fields).with("actions", actions).with("outcomes", outcomes)
                .with("actionError", errors.get("action")).with("outcomeError", errors.get("outcome"))
                .with("pageError", errors.containsKey("page") || errors.containsKey("pageSize")
                        ? errors.getOrDefault("page", errors.get("pageSize")) : null);
        if (page != null) {
            List<Map<String, Object>> rows = page.events().stream().map(AuditSearchPage::row).toList();
            String query = criteria.queryString();
            model.with("searched", true).with("events", rows).with("hasEvents", !rows.isEmpty())
                    .with("pageNumber", page.page())
                    .with("previous", page.page() > 1 ? "/audit?" + criteria.asOf(now).queryString(page.page() - 1)
                            : null)
                    .with("next", page.more() ? "/audit?" + criteria.asOf(now).queryString(page.page() + 1) : null)
                    .with("csv", "/api/v1/audit/export.csv" + (query.isEmpty() ? "" : "?" + query))
                    .with("pdf", "/api/v1/audit/export.pdf" + (query.isEmpty() ? "" : "?" + query))
                    .with("chart", "/audit/chart" + (query.isEmpty() ? "" : "?" + query));
            String report = criteria.query().reportId();
            if (report != null && report.matches("[0-9a-f]{32}")) {
                model.with("readers", "/audit/reports/" + report);
            }
            if (criteria.query().downloadId() != null && rows.size() == 1) {
                model.with("leak", rows.get(0));
            }
        }
        pages.render(response, status, "audit", model.asMap());
    }

    private static Map<String, Object> row(StoredAuditEvent stored) {
        AuditEvent event = stored.event();
        Map<String, Object> row = new HashMap<>();
        row.put("seq", stored.seq());
        row.put("at", when(event.at()));
        row.put("person", event.actorId() == null ? "(not signed in)" : event.actorId());
        row.put("organisation", event.actorOrganisationId() == null ? "" : event.actorOrganisationId());
        row.put("action", event.action());
        String resource = event.resourceType() == null ? "" : words(event.resourceType())
                + (event.resourceId() == null ? "" : " " + event.resourceId());
        row.put("resource", resource);
        row.put("owners", String.join(", ", new TreeSet<>(event.informationOwners())));
        row.put("outcome", words(event.outcome().name()));
        row.put("refused", event.outcome() != AuditEvent.Outcome.SUCCEEDED);
        row.put("detail", event.detail() == null ? "" : event.detail());
        row.put("downloadId", event.downloadId() == null ? "" : event.downloadId());
        return row;
    }

    private static String words(String name) {
        String text = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(ReportPages.UK));
    }
}
