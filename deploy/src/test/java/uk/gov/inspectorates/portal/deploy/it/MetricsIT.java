package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} of the running portal (docs/adr/0047) after an upload and a refusal: both counted, the refusal
 * under its rule id, the backlog gauges present, and nothing of what was uploaded in the text; without the scraper's
 * token, nothing.
 */
class MetricsIT extends PortalDeployment {

    private static final String REFUSAL = "portal_refusals_total{rule=\"report.share.inspectorate-staff-only\"}";
    private static final String UPLOADED = "portal_uploads_total{outcome=\"SUCCEEDED\"}";

    @Test
    void anUploadAndARefusalAreCountedAndNothingOfTheUploadShows() throws Exception {
        String before = metrics();
        URI portal = URI.create(base.toString());
        String title = "Metrics count " + UUID.randomUUID();
        HttpResponse<String> shared = PortalApi.signedIn(portal, "ofsted.inspector")
                .shareReport(ReportMetadata.aReport().titled(title).json(), "metrics-northdale.pdf", TestPdf.withText(title));
        assertEquals(201, shared.statusCode(), shared.body());
        HttpResponse<String> refused = PortalApi.signedIn(portal, "agency.uploader")
                .shareReport(ReportMetadata.aReport().json(), "report.pdf", TestPdf.withText("agency"));
        assertEquals(403, refused.statusCode(), refused.body());

        String after = metrics();
        assertTrue(value(after, UPLOADED) >= value(before, UPLOADED) + 1, after);
        assertEquals(value(before, REFUSAL) + 1, value(after, REFUSAL), after);
        assertTrue(Pattern.compile("(?m)^portal_notification_outbox_unsent \\d+$").matcher(after).find(), after);
        assertTrue(after.contains("# TYPE portal_removals gauge"), after);
        assertTrue(value(after, "portal_scanner_places") >= 1, after);
        assertTrue(value(after, "portal_stamping_budget_bytes") > 0, after);
        assertTrue(Pattern.compile("(?m)^portal_stamping_budget_free_bytes \\d+$").matcher(after).find(), after);
        assertFalse(after.contains(title) || after.contains("metrics-northdale") || after.contains("ofsted.inspector"),
                "no title, file name or user name in the metrics");
    }

    @Test
    void withoutTheScrapersTokenThereAreNoMetrics() throws Exception {
        assertEquals(404, get("/metrics").statusCode());
        assertEquals(404, httpClient().send(HttpRequest.newBuilder(uri("/metrics"))
                .header("Authorization", "Bearer not-the-token").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private String metrics() throws Exception {
        HttpResponse<String> metrics = httpClient().send(HttpRequest.newBuilder(uri("/metrics"))
                .header("Authorization", "Bearer " + TestEnvironment.METRICS_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                metrics.headers().firstValue("Content-Type").orElse("").toLowerCase());
        return metrics.body();
    }

    /** A sample's value, 0 while the series has not appeared. */
    private static long value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\d+)$").matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
