package uk.gov.inspectorates.portal.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.document.ScanPlaces;
import uk.gov.inspectorates.portal.core.document.UploadTurns;
import uk.gov.inspectorates.portal.core.operations.Backlog;
import uk.gov.inspectorates.portal.core.report.StampingBudget;

class MetricsTest {

    private final PortalMetrics metrics = new PortalMetrics();

    @Test
    void uploadsDownloadsAndRefusalsAreCountedByOutcomeAndRule() {
        metrics.count(event(AuditActions.REPORT_SHARE, Outcome.SUCCEEDED, null));
        metrics.count(event(AuditActions.REPORT_DOWNLOAD, Outcome.SUCCEEDED, null));
        metrics.count(event(AuditActions.REPORT_DOWNLOAD, Outcome.DENIED, "report.embargo.reader-lists-only"));
        metrics.count(event(AuditActions.REPORT_VIEW, Outcome.DENIED, "report.embargo.reader-lists-only"));

        assertEquals(Map.of("SUCCEEDED", 1L), metrics.uploads());
        assertEquals(Map.of("SUCCEEDED", 1L, "DENIED", 1L), metrics.downloads());
        assertEquals(Map.of("report.embargo.reader-lists-only", 2L), metrics.refusals());
    }

    /** A detail that is not a rule id (a file name, a sentence) never becomes a label. */
    @Test
    void aDetailThatIsNotARuleIdIsCountedAsOther() {
        metrics.count(event(AuditActions.REPORT_SHARE, Outcome.REFUSED, "northdale-findings.pdf: malware"));
        metrics.count(event(AuditActions.REPORT_VIEW, Outcome.DENIED, "no such report"));

        assertEquals(Map.of("other", 2L), metrics.refusals());
        String text = MetricsServlet.PrometheusText.of(metrics, new NoBacklog());
        assertFalse(text.contains("northdale"), text);
        assertTrue(text.contains("portal_refusals_total{rule=\"other\"} 2\n"), text);
        assertTrue(text.contains("portal_uploads_total{outcome=\"REFUSED\"} 1\n"), text);
        assertTrue(text.contains("# TYPE portal_notification_outbox_unsent gauge\nportal_notification_outbox_unsent 3\n"), text);
        assertTrue(text.contains("portal_removals{step=\"FAILED\"} 1\n"), text);
    }

    @Test
    void theScannerAndTheStampingBudgetShowWhatIsFree() {
        StampingBudget budget = new StampingBudget(64L * 1024 * 1024, Duration.ofMillis(1));
        try (StampingBudget.Share share = budget.share(1024)) {
            String text = MetricsServlet.PrometheusText.capacity(new ScanPlaces(4, Duration.ofSeconds(1)), budget);
            assertTrue(text.contains("\nportal_scanner_places 4\n"), text);
            assertTrue(text.contains("\nportal_scanner_places_in_use 0\n"), text);
            assertTrue(text.contains("\nportal_stamping_budget_bytes 67108864\n"), text);
            assertTrue(text.contains("\nportal_stamping_budget_free_bytes " + (64L - 8) * 1024 * 1024 + "\n"), text);
        }
    }

    @Test
    void theUploadTurnsShowWhatIsReceivedAndWhatWaits() {
        UploadTurns turns = new UploadTurns(2, 0, Duration.ZERO, Duration.ofSeconds(1));
        try (UploadTurns.Turn turn = turns.take("u1")) {
            String text = MetricsServlet.PrometheusText.turns(turns);
            assertTrue(text.contains("\nportal_upload_receiving_places 2\n"), text);
            assertTrue(text.contains("\nportal_upload_receiving 1\n"), text);
            assertTrue(text.contains("\nportal_upload_waiting 0\n"), text);
        }
    }

    @Test
    void onlyTheTokenOpensTheMetrics() {
        Optional<String> token = Optional.of("s3cret-scrape");
        assertTrue(MetricsServlet.mayRead(token, "Bearer s3cret-scrape"));
        assertFalse(MetricsServlet.mayRead(token, "Bearer wrong"));
        assertFalse(MetricsServlet.mayRead(token, "s3cret-scrape"));
        assertFalse(MetricsServlet.mayRead(token, null));
    }

    @Test
    void withoutATokenTheMetricsAreOff() {
        assertFalse(MetricsServlet.mayRead(Optional.empty(), "Bearer "));
        assertFalse(MetricsServlet.mayRead(Optional.of(" "), "Bearer  "));
    }

    private static AuditEvent event(String action, Outcome outcome, String detail) {
        return new AuditEvent(Instant.now(), "u1", "o1", action, "REPORT", "r1", outcome, detail);
    }

    private static final class NoBacklog implements Backlog {
        @Override
        public long unsentNotifications() {
            return 3;
        }

        @Override
        public Map<String, Long> removalsByStep() {
            return Map.of("FAILED", 1L);
        }
    }
}
