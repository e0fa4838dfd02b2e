package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * The end of an inspection on the pages, in headless Chromium without JavaScript (issue 17): an administrator closes
 * the inspection with its button; its page then says who closed it and when the export window ends; HMIC's inspector
 * downloads HMIC's export from the export page, whose row then says it is done. Every page passes axe-core.
 */
class JtaiExportPagesIT extends BrowserDeployment {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());

    @TempDir
    Path folder;

    @Test
    void anAdministratorClosesTheInspectionAndHmicDownloadsItsExportFromTheExportPage() throws Exception {
        URI portal = URI.create(base.toString());
        String notifiedOn = CALENDAR.plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -2).toString();
        HttpResponse<String> opened = PortalApi.signedIn(portal, "ofsted.lead").postJson("/api/v1/inspections",
                "{\"localAuthorityArea\":\"northdale\",\"theme\":\"Neglect\",\"notifiedOn\":\"" + notifiedOn
                        + "\",\"inspectorates\":[\"OFSTED\",\"CQC\",\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        String inspection = PortalApi.idOf(opened.body());
        String request = PortalApi.idOf(PortalApi.signedIn(portal, "hmic.inspector").postJson("/api/v1/inspections/"
                + inspection + "/requests", "{\"agency\":\"northdale-police\",\"title\":\"Police records\","
                + "\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}").body());
        HttpResponse<String> uploaded = PortalApi.signedIn(portal, "police.uploader").postMultipart(
                "/api/v1/inspections/" + inspection + "/requests/" + request + "/documents",
                List.<String[]>of(new String[] {"metadata", "{\"classification\":{\"tier\":\"OFFICIAL\"}}"}),
                "records.pdf", TestPdf.withText("Police record 7781"), true);
        assertEquals(201, uploaded.statusCode(), uploaded.body());

        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.lead");
            page.navigate(uri("/inspections/" + inspection).toString());
            assertThat(page.locator("#inspection-end")).isVisible();
            assertEquals(0, page.locator("#close-inspection").count(),
                    "the lead inspector closes after the findings letter's publication");
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "ofsted.admin");
            page.navigate(uri("/inspections/" + inspection).toString());
            page.waitForNavigation(() -> page.click("#close-inspection"));
            assertThat(page.locator("#inspection-closure")).containsText("Adam Administrator");
            assertThat(page.locator("#export-window-ends")).not().isEmpty();
        }
        try (BrowserContext context = noScript()) {
            Page page = signedIn(context, "hmic.inspector");
            page.navigate(uri("/inspections/" + inspection).toString());
            page.waitForNavigation(() -> page.click("#export-page-link"));
            assertThat(page.locator("h1")).hasText("Exports by each inspectorate");
            assertThat(page.locator("#export-hmic")).containsText("Not yet");
            assertEquals(0, page.locator("#download-cqc").count(), "only its own inspectorate's export");
            Download download = page.waitForDownload(() -> page.click("#download-hmic"));
            Path zip = folder.resolve("export.zip");
            download.saveAs(zip);
            assertTrue(download.suggestedFilename().endsWith("-hmic.zip"), download.suggestedFilename());
            try (ZipFile file = new ZipFile(zip.toFile())) {
                assertTrue(file.getEntry("documents/0001-records.pdf") != null);
            }
            assertTrue(Files.size(zip) > 0);
            page.reload();
            assertThat(page.locator("#export-hmic")).containsText("Done");
            assertThat(page.locator("#export-hmic")).containsText("Harriet Inspector");
        }
    }

    private static BrowserContext noScript() {
        return browser.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)
                .setAcceptDownloads(true).setViewportSize(1280, 900).setLocale("en-GB")
                .setTimezoneId("Europe/London"));
    }

    private Page signedIn(BrowserContext context, String username) {
        Page page = context.newPage();
        BrowserSession.submitDemoSignIn(page, uri("/"), username);
        page.waitForURL(url -> !url.endsWith("/sign-in"));
        assertTrue(!page.url().endsWith("/sign-in"), page.url());
        return page;
    }
}
