package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.document.ParallelWindowScanner;
import uk.gov.inspectorates.portal.core.document.UploadTurns;

/**
 * The upload requests received at once, portal-wide, and the queue of those waiting their turn (docs/adr/0048), from
 * {@code portal.upload.receiving.*}. By default as many are received at once as the intake's scanner has places
 * ({@code portal.scan.places}): a one-request upload streams into one of them as it arrives, and a resumable
 * upload's completion reads the whole file back through clamd; a resumable part is only stored (scanned at its
 * completion), so for parts the turns bound the memory and CPU of receiving rather than the scanner.
 */
@ApplicationScoped
public class UploadTurnsWiring {

    private static final Logger LOG = Logger.getLogger(UploadTurnsWiring.class.getName());

    /** 0: as many as the scanner's places. */
    @Inject
    @ConfigProperty(name = "portal.upload.receiving.places", defaultValue = "0")
    int places;

    /** Below Payara's request threads (http-thread-pool, 200 by default): a waiting request holds one. */
    @Inject
    @ConfigProperty(name = "portal.upload.receiving.queue", defaultValue = "64")
    int queue;

    @Inject
    @ConfigProperty(name = "portal.upload.receiving.wait-seconds", defaultValue = "30")
    long waitSeconds;

    @Inject
    PortalConfiguration configuration;

    @Produces
    @Singleton
    UploadTurns uploadTurns(ParallelWindowScanner intakeScanner) {
        int atOnce = places > 0 ? places : intakeScanner.places().capacity();
        UploadTurns turns = new UploadTurns(atOnce, queue, Duration.ofSeconds(waitSeconds),
                configuration.uploadBusyRetryAfter());
        LOG.info(() -> "Upload requests received at once: " + atOnce + "; at most " + queue + " wait their turn, "
                + waitSeconds + " s at most");
        return turns;
    }
}
