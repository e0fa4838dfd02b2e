package uk.gov.inspectorates.portal.web.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.web.api.Problem;

/** What every page template may use: the title, who is signed in, the CSRF token, and an error summary. */
final class PageModel {

    private final Map<String, Object> values = new HashMap<>();

    private PageModel(String title) {
        values.put("title", title);
    }

    static PageModel titled(String title) {
        return new PageModel(title);
    }

    /** A page for the signed-in person of the request (set by {@link PageAccessFilter}), with its CSRF token. */
    static PageModel forRequest(jakarta.servlet.http.HttpServletRequest request, String title) {
        return titled(title).signedIn((Subject) request.getAttribute(PageAccessFilter.SUBJECT),
                uk.gov.inspectorates.portal.web.session.PortalSession.csrfToken(request).orElse(""));
    }

    PageModel signedIn(Subject subject, String csrfToken) {
        values.put("user", Map.of("displayName", subject.displayName(), "organisation",
                subject.organisation().name(), "administrator", subject.has(Role.ADMINISTRATOR),
                "inspectorateStaff", subject.inspectorate().isPresent(),
                // issue 18: an inspectorate's SIRO reads its audit trail (the rule is AuditRules')
                "siro", subject.has(Role.SIRO) && subject.inspectorate().isPresent()));
        values.put("csrfToken", csrfToken);
        return this;
    }

    PageModel with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** A GOV.UK error summary, each error linking to its field, and each field's own message. */
    PageModel errors(Problem problem) {
        Map<String, String> byField = errorSummary(problem, "");
        values.put("fieldErrors", byField);
        return this;
    }

    /**
     * The same for one of several forms on a page: fields are {@code <form>-<field>} in the page, and their messages
     * are under {@code formErrors.<form>}.
     */
    PageModel errorsIn(String form, Problem problem) {
        values.put("formErrors", Map.of(form, errorSummary(problem, form + "-")));
        return this;
    }

    private Map<String, String> errorSummary(Problem problem, String idPrefix) {
        List<Map<String, String>> errors = problem.errors().isEmpty()
                ? List.of(Map.of("message", problem.detail() == null ? problem.title() : problem.detail(),
                        "href", "#main-content"))
                : problem.errors().stream()
                        .map(error -> Map.of("message", error.message(), "href", "#" + idPrefix + fieldId(error.field())))
                        .toList();
        values.put("errors", errors);
        values.put("hasErrors", true);
        Map<String, String> byField = new HashMap<>();
        problem.errors().forEach(error -> byField.putIfAbsent(fieldId(error.field()), error.message()));
        values.put("title", "Error: " + values.get("title"));
        return byField;
    }

    Map<String, Object> asMap() {
        return values;
    }

    /** API field paths (classification.tier, attestations.contentFinal) as the pages' field ids. */
    static String fieldId(String field) {
        if (field.startsWith("attestations.")) {
            return field.substring("attestations.".length());
        }
        if (field.startsWith("classification.")) {
            String rest = field.substring("classification.".length());
            return "classification" + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        return field;
    }
}
