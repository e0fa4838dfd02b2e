package uk.gov.inspectorates.portal.web.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.api.Problems;

/** The administration templates render: every form carries the CSRF token, errors show in the summary. */
class AdminTemplatesTest {

    private static final Subject ADMIN = new Subject("u1", "ofsted.admin", "Adam Administrator",
            Organisation.of(Inspectorate.OFSTED), Set.of(Role.ADMINISTRATOR), Set.of());

    private static String render(String template, PageModel model) throws Exception {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                AdminTemplatesTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> method.getName().equals("getWriter") ? writer : null);
        new PageRenderer().render(response, 200, template, model.asMap());
        return out.toString();
    }

    private static PageModel model(String title) {
        return PageModel.titled(title).signedIn(ADMIN, "the-csrf-token");
    }

    private static void assertEveryFormCarriesTheCsrfToken(String html) {
        int forms = html.split("<form").length - 1;
        int tokens = html.split("name=\"csrfToken\" value=\"the-csrf-token\"").length - 1;
        assertTrue(forms > 1, "forms rendered");
        assertTrue(tokens >= forms, forms + " forms, " + tokens + " tokens");
    }

    @Test
    void theNavigationOffersAdministrationToAnAdministratorOnly() throws Exception {
        assertTrue(render("admin", model("Administration")).contains("href=\"/admin\""));
        Subject inspector = new Subject("u2", "ofsted.inspector", "Olivia", Organisation.of(Inspectorate.OFSTED),
                Set.of(Role.INSPECTOR), Set.of());
        assertFalse(render("problem", PageModel.titled("Not allowed").signedIn(inspector, "t")).contains(
                "href=\"/admin\""));
    }

    @Test
    void theTeamsPageShowsErrorsInTheSummaryAndTheField() throws Exception {
        String html = render("admin-teams", model("Teams")
                .with("teams", List.of(Map.of("id", "ofsted/x", "name", "Policy <team>", "onReaderList", true)))
                .with("given", Map.of("name", "dup"))
                .errors(Problems.from(InvalidInput.of("name", "There is already a team called dup"))));

        assertEveryFormCarriesTheCsrfToken(html);
        assertTrue(html.contains("govuk-error-summary"));
        assertTrue(html.contains("href=\"#name\""));
        assertTrue(html.contains("Policy &lt;team&gt;"), "escaped");
    }

    @Test
    void theOrganisationsAndPersonPagesRender() throws Exception {
        String organisations = render("admin-organisations", model("Organisations")
                .with("areas", List.of(Map.of("id", "northdale", "name", "Northdale", "selected", false)))
                .with("agencyTypes", List.of(Map.of("value", "POLICE_FORCE", "label", "Police force",
                        "selected", false)))
                .with("canAddAgencies", true));
        assertEveryFormCarriesTheCsrfToken(organisations);

        String person = render("admin-user", model("Olivia")
                .with("person", Map.of("id", "p1", "displayName", "Olivia", "username", "o", "active", true,
                        "organisation", "Ofsted", "roles", "Inspector"))
                .with("roleChoices", List.of(Map.of("value", "INSPECTOR", "label", "Inspector", "checked", true)))
                .with("hasTeams", false)
                .with("self", false));
        assertEveryFormCarriesTheCsrfToken(person);
        assertTrue(person.contains("Deactivate"));
    }
}
