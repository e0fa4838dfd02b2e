package uk.gov.inspectorates.portal.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import uk.gov.inspectorates.portal.core.document.ContentScanner;

/** Ready only when the malware scanner (clamd) answers: without it every upload is refused. */
@Readiness
@ApplicationScoped
public class ScannerReadiness implements HealthCheck {

    @Inject
    ContentScanner scanner;

    @Override
    public HealthCheckResponse call() {
        try {
            scanner.checkAvailable();
            return Checks.up("scanner");
        } catch (Exception e) {
            return Checks.down("scanner");
        }
    }
}
