package uk.gov.inspectorates.portal.deploy.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SIRO's chart of access over time and PDF report of the trail on the real portal (issue 18, docs/adr/0035): a
 * report is shared, read and refused; the Ofsted SIRO gets the chart page (no script, accessible), the SVG and the PDF,
 * each audited once; anyone else is refused with the rule.
 */
class AuditChartIT extends BrowserDeployment {

    private static final String RULE = "audit.read.own-organisation-siro";

    private URI portal() {
        return URI.create(base.toString());
    }

    private PortalApi as(String username) throws Exception {
        return PortalApi.signedIn(portal(), username);
    }

    /** An Ofsted report read by its sharer and a CQC reader, and refused to Ofsted's administrator. */
    private String aReportWithViewsAndARefusal() throws Exception {
        PortalApi inspector = as("ofsted.inspector");
        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport().addressedTo("CQC").json(),
                "report.pdf", TestPdf.withText("Chart " + UUID.randomUUID()));
        assertEquals(201, shared.statusCode(), shared.body());
        String report = PortalApi.idOf(shared.body());
        assertEquals(200, inspector.get("/api/v1/reports/" + report).statusCode());
        assertEquals(200, as("cqc.reader").get("/api/v1/reports/" + report).statusCode());
        int refused = as("ofsted.admin").get("/api/v1/reports/" + report + "/content").statusCode();
        assertTrue(refused == 403 || refused == 404, "the administrator does not read reports: " + refused);
        return report;
    }

    @Test
    void theSiroGetsTheChartPageTheSvgAndThePdfEachAuditedOnce() throws Exception {
        String report = aReportWithViewsAndARefusal();
        PortalApi siro = as("ofsted.siro");

        HttpResponse<String> svg = siro.get("/api/v1/audit/chart.svg?report=" + report);
        assertEquals(200, svg.statusCode(), svg.body());
        assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        Document chart = xml(svg.body());
        assertEquals("img", chart.getDocumentElement().getAttribute("role"));
        assertTrue(text(chart, "title").contains(report), "the chart names the report");
        assertTrue(count(chart, "rect", "class", "portal-access-chart__refused") >= 1, "the refusal is drawn apart");
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = 'AUDIT_CHART' and"
                + " resource_id = ? and outcome = 'SUCCEEDED' and actor_id = 'demo-ofsted.siro'", report));

        try (BrowserContext context = browser.browser().newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false).setLocale("en-GB").setTimezoneId("Europe/London"))) {
            Page page = context.newPage();
            BrowserSession.submitDemoSignIn(page, portal(), "ofsted.siro");
            page.waitForURL(url -> !url.endsWith("/sign-in"));
            page.navigate(uri("/audit/chart?report=" + report).toString());
            assertThat(page.locator("h1")).containsText("Access to report " + report + " over time");
            assertThat(page.locator("#access-chart svg[role=img]")).hasCount(1);
            assertThat(page.locator("#access-figures")).containsText("REPORT_VIEW");
            // the CQC reader's view is about Ofsted's information (its information owner): in Ofsted's SIRO's scope
            assertThat(page.locator("#access-figures")).containsText("Care Quality Commission");
            assertThat(page.locator("#access-figures .govuk-tag--red")).not().hasCount(0);
            assertTrue(Integer.parseInt(page.locator("#chart-refused").innerText().trim()) >= 1);
            BrowserSession.screenshot(page, "audit-chart");

            page.navigate(uri("/audit/chart?report=" + report + "&from=yesterday").toString());
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter a date as 2030-01-31");
        }
        assertEquals(2, TestEnvironment.count("select count(*) from audit_event where action = 'AUDIT_CHART' and"
                + " resource_id = ? and outcome = 'SUCCEEDED'", report), "the page's view is one more event");

        HttpResponse<byte[]> pdf = siro.getBytes("/api/v1/audit/export.pdf?report=" + report);
        assertEquals(200, pdf.statusCode(), new String(pdf.body()));
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(document);
                assertTrue(page.contains("OFFICIAL-SENSITIVE"), "page " + p);
                assertTrue(page.contains("Page " + p + " of " + document.getNumberOfPages()), page);
            }
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(all.contains("Sian Riskowner (ofsted.siro)"), all);
            assertTrue(all.contains("Report: " + report), all);
            assertTrue(all.contains("Verification: chain intact"), all);
            assertTrue(all.contains("reaches the signed checkpoint at sequence number"), all);
            assertTrue(all.contains("REPORT_VIEW") && all.contains("DENIED"), all);
        }
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = 'AUDIT_EXPORT' and"
                + " outcome = 'SUCCEEDED' and actor_id = 'demo-ofsted.siro' and detail like 'format=pdf%'"
                + " and detail like ?", "%Report: " + report + "%"));
    }

    @Test
    void nobodyButTheSiroIsToldAnythingAndTheRuleIsNamed() throws Exception {
        String report = aReportWithViewsAndARefusal();
        for (String username : new String[] {"ofsted.inspector", "ofsted.admin", "cqc.reader", "agency.admin"}) {
            PortalApi other = as(username);
            HttpResponse<String> svg = other.get("/api/v1/audit/chart.svg?report=" + report);
            assertEquals(403, svg.statusCode(), username + ": " + svg.body());
            assertTrue(svg.body().contains(RULE), svg.body());
            HttpResponse<String> pdf = other.get("/api/v1/audit/export.pdf?report=" + report);
            assertEquals(403, pdf.statusCode(), username + ": " + pdf.body());
            assertTrue(pdf.body().contains(RULE), pdf.body());
            HttpResponse<String> page = other.get("/audit/chart?report=" + report);
            assertEquals(403, page.statusCode(), username);
            assertTrue(page.body().contains("You are not allowed to do this"), page.body());
        }
        assertEquals(8, TestEnvironment.count("select count(*) from audit_event where action = 'AUDIT_CHART' and"
                + " resource_id = ? and outcome = 'DENIED' and detail = ?", report, RULE),
                "each refusal (four people, API and page) audited with the rule");

        PortalApi siro = as("ofsted.siro");
        HttpResponse<String> neither = siro.get("/api/v1/audit/chart.svg");
        assertEquals(422, neither.statusCode(), neither.body());
        assertTrue(neither.body().contains("\"report\""), neither.body());
        HttpResponse<String> badOutcome = siro.get("/api/v1/audit/export.pdf?outcome=MAYBE");
        assertEquals(422, badOutcome.statusCode(), badOutcome.body());
        assertTrue(badOutcome.body().contains("\"outcome\""), badOutcome.body());
        assertEquals(401, PortalApi.anonymous(portal()).get("/api/v1/audit/chart.svg?report=" + report)
                .statusCode());
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes("UTF-8")));
    }

    private static String text(Document document, String element) {
        return document.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }

    private static int count(Document document, String element, String attribute, String value) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (value.equals(((Element) nodes.item(i)).getAttribute(attribute))) {
                n++;
            }
        }
        return n;
    }
}
