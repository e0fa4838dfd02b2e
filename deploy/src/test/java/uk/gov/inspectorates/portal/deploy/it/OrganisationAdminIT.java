package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import java.util.List;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.ProtocolReaderLists;

/**
 * The administration pages on the real portal, in headless Chromium: an Ofsted administrator adds a team and gives
 * a person a role and the team; an agency administrator deactivates a person, who then cannot sign in and whose
 * open session ends; people who are not administrators are refused; every change is in the audit trail.
 */
class OrganisationAdminIT extends BrowserDeployment {

    @Test
    void anOfstedAdministratorAddsATeamAndGivesAPersonARoleAndTheTeam() throws Exception {
        String teamName = "Early years policy team " + UUID.randomUUID().toString().substring(0, 8);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "ofsted.admin");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration")).click();
            assertThat(page.locator("h1")).hasText("Administration");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Teams")).click();
            assertThat(page.locator("#protocol-reader-list")).containsText("Social care senior management team");

            Response empty = page.waitForNavigation(() -> page.click("button:has-text('Add team')"));
            assertEquals(422, empty.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter the name of the team");

            page.fill("#name", teamName);
            page.check("#onReaderList");
            page.click("button:has-text('Add team')");
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("Team added");
            assertThat(page.locator("#teams")).containsText(teamName);

            page.navigate(uri("/admin/users").toString());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lena Lead")).click();
            page.getByLabel("Data analyst", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel(teamName + " (reader list)").check();
            page.click("button:has-text('Save roles and teams')");
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("Roles and teams saved");
            assertThat(page.locator("#current-roles")).hasText("Lead inspector, Data analyst");
            BrowserSession.screenshot(page, "admin-person");
            page.navigate(uri("/admin/organisations").toString());
            BrowserSession.screenshot(page, "admin-organisations");
            String area = "Eastmoor " + teamName.substring(teamName.length() - 8);
            page.fill("#areaName", area);
            page.click("button:has-text('Add area')");
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("Local authority area added");
            Response noName = page.waitForNavigation(() -> page.click("button:has-text('Add agency')"));
            assertEquals(422, noName.status());
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter the name of the agency");
            assertThat(page.locator(".govuk-error-summary")).containsText("Choose the local authority area");
            page.fill("#name", area + " Council Children's Services");
            page.selectOption("#area", new com.microsoft.playwright.options.SelectOption().setLabel(area));
            page.click("button:has-text('Add agency')");
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("Agency added");
            assertThat(page.locator("#agencies")).containsText(area + " Council Children's Services");
            assertEquals(0, page.locator("#agencyType option[value='POLICE_FORCE']").count(),
                    "Ofsted adds only the agencies it inspects");
        }

        String me = PortalApi.signedIn(base.toURI(), "ofsted.lead").get("/api/v1/me").body();
        assertTrue(me.contains("\"DATA_ANALYST\"") && me.contains(teamName), me);
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = 'TEAM_CHANGE'"
                + " and outcome = 'SUCCEEDED' and actor_id = 'demo-ofsted.admin' and detail = 'added team: name="
                + teamName + ", reader list=true'"));
        assertEquals(2, TestEnvironment.count("select count(*) from audit_event where action = 'ORGANISATION_CHANGE'"
                + " and outcome = 'SUCCEEDED' and actor_id = 'demo-ofsted.admin' and detail like '%Eastmoor "
                + teamName.substring(teamName.length() - 8) + "%'"));
        assertEquals(1, auditCount("USER_CHANGE", "demo-ofsted.lead",
                "roles [LEAD_INSPECTOR] -> [DATA_ANALYST, LEAD_INSPECTOR]; teams [ofsted/inspection-team] -> %"));
    }

    @Test
    void anAgencyAdministratorDeactivatesAPersonWhoThenCannotSignInAndWhoseSessionEnds() throws Exception {
        PortalApi chief = PortalApi.signedIn(base.toURI(), "agency.chief");
        assertEquals(200, chief.get("/api/v1/me").statusCode());
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "agency.admin");
            page.navigate(uri("/admin/users").toString());
            assertThat(page.locator(".govuk-caption-l")).hasText("Northdale Council Children's Services");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite a person")))
                    .hasAttribute("href", "/admin/invitations");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alex Agency-Admin")).click();
            assertThat(page.locator(".govuk-inset-text")).containsText("This is you");
            assertEquals(0, page.locator("button:has-text('Deactivate')").count(), "no self-deactivation");

            page.navigate(uri("/admin/users").toString());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Charlotte Chief")).click();
            Locator roles = page.locator("#roles");
            assertThat(roles).containsText("Agency chief officer");
            assertEquals(0, roles.getByLabel("Inspector").count(), "only roles agency staff may hold");
            page.click("button:has-text('Deactivate')");
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("cannot sign in");
            assertThat(page.locator("#status")).containsText("Deactivated");

            assertEquals(401, chief.get("/api/v1/me").statusCode(), "the open session ended");
            assertEquals(401, PortalApi.anonymous(base.toURI()).signIn("agency.chief", TestEnvironment.demoPassword())
                    .statusCode(), "cannot sign in");
            try (BrowserContext chiefsBrowser = browser.newContext()) {
                Page chiefsPage = chiefsBrowser.newPage();
                trySignIn(chiefsPage, "agency.chief");
                assertThat(chiefsPage.locator(".govuk-error-summary"))
                        .containsText("The username, password or security code is not correct");
            }

            page.click("button:has-text('Activate')");
            assertThat(page.locator("#status")).containsText("Active");
        }
        assertEquals(200, PortalApi.signedIn(base.toURI(), "agency.chief").get("/api/v1/me").statusCode());
        assertEquals(1, auditCount("USER_CHANGE", "demo-agency.chief", "active true -> false"));
        assertTrue(TestEnvironment.count("select count(*) from audit_event where action = 'SIGN_IN' and outcome ="
                + " 'REFUSED' and detail = 'deactivated account' and resource_id = 'demo-agency.chief'") >= 2);
    }

    @Test
    void peopleWhoAreNotAdministratorsAreRefusedAndTheRefusalIsAudited() throws Exception {
        PortalApi inspector = PortalApi.signedIn(base.toURI(), "ofsted.inspector");
        HttpResponse<String> users = inspector.get("/admin/users");
        assertEquals(403, users.statusCode());
        assertTrue(users.body().contains("Not allowed"), users.body());
        assertEquals(403, inspector.get("/admin").statusCode());
        assertEquals(403, inspector.get("/admin/teams").statusCode());
        assertFalse(inspector.get("/reports").body().contains("href=\"/admin\""), "no Administration link");
        assertTrue(TestEnvironment.count("select count(*) from audit_event where action = 'ADMINISTRATION_VIEW'"
                + " and outcome = 'DENIED' and actor_id = 'demo-ofsted.inspector'") >= 3);

        PortalApi agencyAdmin = PortalApi.signedIn(base.toURI(), "agency.admin");
        assertEquals(403, agencyAdmin.get("/admin/teams").statusCode());
        assertEquals(403, agencyAdmin.get("/admin/organisations").statusCode());
        assertEquals(403, agencyAdmin.get("/admin/users?organisation=ofsted").statusCode());
        assertEquals(404, agencyAdmin.get("/admin/users/demo-ofsted.inspector").statusCode());

        PortalApi hmicReader = PortalApi.signedIn(base.toURI(), "hmic.reader");
        assertEquals(403, hmicReader.get("/admin/users?organisation=ofsted").statusCode());
        assertEquals(302, PortalApi.anonymous(base.toURI()).get("/admin/users").statusCode(),
                "without a session, back to sign-in");
    }

    @Test
    void scriptsReadTheRegisterAndAnInspectoratesTeamsThroughTheApi() throws Exception {
        PortalApi admin = PortalApi.signedIn(base.toURI(), "ofsted.admin");
        HttpResponse<String> organisations = admin.get("/api/v1/organisations");
        assertEquals(200, organisations.statusCode());
        assertTrue(organisations.body().contains("\"id\":\"northdale-police\"")
                && organisations.body().contains("\"localAuthorityAreaName\":\"Northdale\""), organisations.body());
        HttpResponse<String> teams = admin.get("/api/v1/organisations/ofsted/teams");
        assertEquals(200, teams.statusCode());
        assertTrue(teams.body().contains("\"name\":\"Social care policy team\",\"onReaderList\":true"),
                teams.body());

        HttpResponse<String> othersTeams = admin.get("/api/v1/organisations/hmic/teams");
        assertEquals(403, othersTeams.statusCode());
        assertTrue(othersTeams.body().contains(AdministrationRulesNames.TEAMS_OWN_ONLY), othersTeams.body());
        assertEquals(403, PortalApi.signedIn(base.toURI(), "agency.admin").get("/api/v1/organisations").statusCode());
        assertTrue(get("/openapi", java.time.Duration.ofSeconds(120)).body()
                .contains("/organisations/{id}/teams"));
    }

    /** The rule names the API reports (portal-core's AdministrationRules), as a client sees them. */
    private static final class AdministrationRulesNames {
        static final String TEAMS_OWN_ONLY = "admin.teams.own-inspectorate-administrator-only";
    }

    @Test
    void anAdministratorReplacesTheReaderListThroughTheApiAndItDecidesWhoOpensAnEmbargoedReport() throws Exception {
        PortalApi admin = PortalApi.signedIn(base.toURI(), "ofsted.admin");
        PortalApi reader = PortalApi.signedIn(base.toURI(), "ofsted.reader");
        String report = PortalApi.signedIn(base.toURI(), "cqc.inspector").shareReport(ReportMetadata.aReport()
                .ofType("CQC_CLAS").json(), "cqc.pdf", TestPdf.withText("CQC report for Ofsted's readers")).body();
        String id = PortalApi.idOf(report);
        String path = "/api/v1/inspectorates/OFSTED/reader-list";

        HttpResponse<String> list = admin.get(path);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"protocolReaderList\":[\"Social care policy team\""), list.body());
        List<String> original = ids(list.body().replaceAll(".*\"readerList\":\\[([^\\]]*)\\].*", "$1"));
        assertEquals(200, reader.getBytes("/api/v1/reports/" + id + "/content").statusCode());
        String readersTeam = ProtocolReaderLists.teamsOf(Inspectorate.OFSTED).get(0).id();
        try {
            List<String> without = original.stream().filter(team -> !team.equals(readersTeam)).toList();
            HttpResponse<String> replaced = admin.putJson(path, "{\"teams\":" + json(without) + "}");
            assertEquals(200, replaced.statusCode(), replaced.body());
            assertEquals(404, reader.getBytes("/api/v1/reports/" + id + "/content").statusCode(),
                    "off the reader list: the embargoed report is not there for them");

            assertEquals(403, PortalApi.signedIn(base.toURI(), "cqc.inspector").putJson(path, "{\"teams\":[]}")
                    .statusCode(), "another inspectorate's staff");
            assertEquals(403, PortalApi.signedIn(base.toURI(), "agency.admin").get(path).statusCode());
            assertEquals(422, admin.putJson(path, "{\"teams\":[\"hmic/senior-management\"]}").statusCode());
            assertEquals(404, admin.get("/api/v1/inspectorates/OFSTEAD/reader-list").statusCode());
            assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = "
                    + "'READER_LIST_CHANGE' and outcome = 'SUCCEEDED' and detail like 'OFSTED before: %' "
                    + "and actor_id = (select id from user_account where username = 'ofsted.admin') "
                    + "and at > now() - interval '1 minute'"));
        } finally {
            assertEquals(200, admin.putJson(path, "{\"teams\":" + json(original) + "}").statusCode());
        }
        assertEquals(200, reader.getBytes("/api/v1/reports/" + id + "/content").statusCode(), "back on the list");
    }

    private static List<String> ids(String quotedList) {
        return java.util.Arrays.stream(quotedList.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .map(id -> id.substring(1, id.length() - 1)).toList();
    }

    private static String json(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Test
    void aFormPostWithoutTheSessionsCsrfTokenChangesNothing() throws Exception {
        PortalApi admin = PortalApi.signedIn(base.toURI(), "ofsted.admin");
        long before = TestEnvironment.count("select count(*) from team where organisation_id = 'ofsted'");
        HttpResponse<String> forged = admin.postForm("/admin/teams", "name=Forged+team&onReaderList=true");
        assertEquals(403, forged.statusCode());
        assertEquals(before, TestEnvironment.count("select count(*) from team where organisation_id = 'ofsted'"));
    }

    /** The one place a browser signs in (the sign-in form may gain a second factor). */
    private void signIn(Page page, String username) {
        trySignIn(page, username);
        assertThat(page.locator("h1")).hasText("Reports");
    }

    private void trySignIn(Page page, String username) {
        BrowserSession.submitDemoSignIn(page, uri("/"), username);
    }

    private static long auditCount(String action, String resourceId, String detailLike) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from audit_event where action = ?"
                     + " and outcome = 'SUCCEEDED' and resource_id = ? and detail like ?")) {
            query.setString(1, action);
            query.setString(2, resourceId);
            query.setString(3, detailLike);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
