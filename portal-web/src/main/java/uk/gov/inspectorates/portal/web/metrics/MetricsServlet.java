package uk.gov.inspectorates.portal.web.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.document.ParallelWindowScanner;
import uk.gov.inspectorates.portal.core.document.ScanPlaces;
import uk.gov.inspectorates.portal.core.document.UploadTurns;
import uk.gov.inspectorates.portal.core.operations.Backlog;
import uk.gov.inspectorates.portal.core.report.StampingBudget;

/**
 * {@code GET /metrics} in the Prometheus text format (docs/adr/0047), only for the operator's scraper: a request must
 * carry {@code Authorization: Bearer <portal.metrics.token>} (PORTAL_METRICS_TOKEN). Without a token configured the
 * metrics are off. Anyone else gets 404, as for a path that is not there.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    PortalMetrics metrics;

    @Inject
    Backlog backlog;

    @Inject
    ParallelWindowScanner scanner;

    @Inject
    StampingBudget stampingBudget;

    @Inject
    UploadTurns uploadTurns;

    @Inject
    @ConfigProperty(name = "portal.metrics.token")
    Optional<String> token;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!mayRead(token, request.getHeader("Authorization"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = (PrometheusText.of(metrics, backlog) + PrometheusText.capacity(scanner.places(), stampingBudget)
                + PrometheusText.turns(uploadTurns)
                + PrometheusText.heap(java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static boolean mayRead(Optional<String> token, String authorization) {
        if (token.isEmpty() || token.get().isBlank() || authorization == null) {
            return false;
        }
        return MessageDigest.isEqual(("Bearer " + token.get().trim()).getBytes(StandardCharsets.UTF_8),
                authorization.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** The text exposition format, version 0.0.4. */
    static final class PrometheusText {

        private final StringBuilder text = new StringBuilder();

        static String of(PortalMetrics metrics, Backlog backlog) {
            PrometheusText out = new PrometheusText();
            out.family("portal_uploads_total", "counter", "Documents taken in (reports, letters, evidence, findings "
                    + "letters), by outcome, since this instance started");
            metrics.uploads().forEach((outcome, n) -> out.sample("portal_uploads_total", Map.of("outcome", outcome), n));
            out.family("portal_downloads_total", "counter", "Documents served (stamped copies, originals, exports, "
                    + "certificates), by outcome, since this instance started");
            metrics.downloads().forEach((outcome, n) -> out.sample("portal_downloads_total", Map.of("outcome", outcome), n));
            out.family("portal_refusals_total", "counter", "Requests refused or denied, by the id of the rule that "
                    + "refused (other: no rule id), since this instance started");
            metrics.refusals().forEach((rule, n) -> out.sample("portal_refusals_total", Map.of("rule", rule), n));
            out.family("portal_audit_events_total", "counter", "Audit events recorded, by action and outcome, since "
                    + "this instance started");
            metrics.events().forEach((key, n) -> {
                String[] actionOutcome = key.split("\t", 2);
                out.sample("portal_audit_events_total", Map.of("action", actionOutcome[0], "outcome", actionOutcome[1]), n);
            });
            out.family("portal_notification_outbox_unsent", "gauge", "E-mail notifications written and still to be sent, not given up on "
                    + "(the whole portal)");
            out.sample("portal_notification_outbox_unsent", Map.of(), backlog.unsentNotifications());
            out.family("portal_removals", "gauge", "Removals by step (STARTED, KEK_DESTROYED, OBJECTS_DELETED, "
                    + "ROWS_DELETED, CERTIFIED) or FAILED (the whole portal)");
            backlog.removalsByStep().forEach((step, n) -> out.sample("portal_removals", Map.of("step", step), n));
            return out.text.toString();
        }

        /** Upload requests received at once and waiting their turn (docs/adr/0048). */
        static String turns(UploadTurns turns) {
            PrometheusText out = new PrometheusText();
            out.family("portal_upload_receiving_places", "gauge", "Upload requests this instance receives at once");
            out.sample("portal_upload_receiving_places", Map.of(), turns.places());
            out.family("portal_upload_receiving", "gauge", "Of those, being received just now");
            out.sample("portal_upload_receiving", Map.of(), turns.receiving());
            out.family("portal_upload_waiting", "gauge", "Upload requests waiting their turn, body unread (a full "
                    + "queue: 503 upload.receiving-queue-full)");
            out.sample("portal_upload_waiting", Map.of(), turns.waiting());
            return out.text.toString();
        }

        static String capacity(ScanPlaces places, StampingBudget budget) {
            PrometheusText out = new PrometheusText();
            out.family("portal_scanner_places", "gauge", "Scans clamd may run at once for this instance's uploads");
            out.sample("portal_scanner_places", Map.of(), places.capacity());
            out.family("portal_scanner_places_in_use", "gauge", "Of those, taken just now (all taken: new uploads wait, "
                    + "then get 503 scanning.queue-full)");
            out.sample("portal_scanner_places_in_use", Map.of(), places.capacity() - places.free());
            out.family("portal_stamping_budget_bytes", "gauge", "Memory this instance lets stamped copies take at once");
            out.sample("portal_stamping_budget_bytes", Map.of(), budget.totalBytes());
            out.family("portal_stamping_budget_free_bytes", "gauge", "Of that, free just now (too little: downloads of "
                    + "large reports get 503 report.stamping.budget)");
            out.sample("portal_stamping_budget_free_bytes", Map.of(), budget.freeBytes());
            return out.text.toString();
        }

        /**
         * The JVM's heap, under the names Payara's MicroProfile Metrics gave it before this servlet took the path
         * {@code /metrics} (the bench's and LargeFileIT's heap readings, and dashboards, read these).
         */
        static String heap(java.lang.management.MemoryUsage usage) {
            PrometheusText out = new PrometheusText();
            out.family("base_memory_usedHeap_bytes", "gauge", "Heap in use by this instance's JVM");
            out.sample("base_memory_usedHeap_bytes", Map.of(), usage.getUsed());
            out.family("base_memory_maxHeap_bytes", "gauge", "The most heap this instance's JVM may use (-Xmx)");
            out.sample("base_memory_maxHeap_bytes", Map.of(), usage.getMax());
            return out.text.toString();
        }

        private void family(String name, String type, String help) {
            text.append("# HELP ").append(name).append(' ').append(help).append('\n');
            text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }

        private void sample(String name, Map<String, String> labels, long value) {
            text.append(name);
            if (!labels.isEmpty()) {
                text.append('{');
                labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(label -> text
                        .append(label.getKey()).append("=\"").append(escape(label.getValue())).append("\","));
                text.setLength(text.length() - 1);
                text.append('}');
            }
            text.append(' ').append(value).append('\n');
        }

        private static String escape(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        }
    }
}
