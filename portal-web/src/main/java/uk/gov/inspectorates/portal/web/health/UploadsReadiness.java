package uk.gov.inspectorates.portal.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import uk.gov.inspectorates.portal.core.document.UploadMemory;
import uk.gov.inspectorates.portal.core.document.UploadTurns;

/**
 * How full the portal's upload bounds are just now (docs/adr/0039, addendum 2; docs/adr/0048): upload requests holding
 * their share of the uploads' memory, the memory free, requests being received and waiting their turn. Always UP: a full portal answers 503 per request
 * with {@code Retry-After}, it is not unready.
 */
@Readiness
@ApplicationScoped
public class UploadsReadiness implements HealthCheck {

    private static final long MIB = 1024 * 1024;

    @Inject
    UploadMemory memory;

    @Inject
    UploadTurns turns;

    @Override
    public HealthCheckResponse call() {
        return new HealthCheckResponse("uploads", HealthCheckResponse.Status.UP, Optional.of(Map.of(
                "requestsInFlight", (long) memory.requestsInFlight(),
                "requestsReceiving", (long) turns.receiving(),
                "requestsWaiting", (long) turns.waiting(),
                "memoryFreeMiB", memory.availableKib() * 1024L / MIB,
                "memoryMiB", memory.bytes() / MIB)));
    }
}
