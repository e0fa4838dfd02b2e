package uk.gov.inspectorates.portal.web.config;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.document.ParallelWindowScanner;
import uk.gov.inspectorates.portal.core.document.ScanPlaces;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.security.malware.ClamAvScanner;

/**
 * The upload scan behind the receive (docs/adr/0036): windows scanned as they arrive, several at once, within the
 * scanner's queue ({@code portal.scan.places}: as many scans as clamd may run at once, its {@code MaxThreads} and
 * the cores it can use). Containers are scanned whole, as before ({@code portal.scan.window-bytes}).
 */
@ApplicationScoped
public class ScanWiring {

    @Inject
    PortalConfiguration configuration;

    @Inject
    @ConfigProperty(name = "portal.scan.parallel.window-bytes", defaultValue = "33554432")
    long windowBytes;

    /** Later windows of text and raster images (docs/adr/0036, addendum): less left to scan after the last byte. */
    @Inject
    @ConfigProperty(name = "portal.scan.parallel.plain-window-bytes", defaultValue = "16777216")
    long plainWindowBytes;

    @Inject
    @ConfigProperty(name = "portal.scan.parallel.overlap-bytes", defaultValue = "1048576")
    long overlapBytes;

    @Inject
    @ConfigProperty(name = "portal.scan.parallel.windows-per-upload", defaultValue = "3")
    int windowsPerUpload;

    @Inject
    @ConfigProperty(name = "portal.scan.places", defaultValue = "4")
    int places;

    @Inject
    @ConfigProperty(name = "portal.scan.queue-wait-millis", defaultValue = "5000")
    long queueWaitMillis;

    @Inject
    @ConfigProperty(name = "portal.scan.rescan-wait-seconds", defaultValue = "60")
    long rescanWaitSeconds;

    @Inject
    @ConfigProperty(name = "portal.scan.retry-after-seconds", defaultValue = "30")
    long retryAfterSeconds;

    private ExecutorService verdicts;

    /** Typed to itself only, so that {@code ContentScanner} still means the one scanner of readiness checks. */
    @Produces
    @Singleton
    @Typed(ParallelWindowScanner.class)
    ParallelWindowScanner intakeScanner() {
        Duration timeout = Duration.ofSeconds(configuration.clamdTimeoutSeconds());
        ClamAvScanner clamd = new ClamAvScanner(configuration.clamdHost(), configuration.clamdPort(), timeout, timeout);
        WindowedScanner whole = new WindowedScanner(clamd, configuration.scanWindowBytes(),
                configuration.scanOverlapBytes());
        return new ParallelWindowScanner(clamd, whole,
                new ScanPlaces(places, Duration.ofSeconds(retryAfterSeconds)), verdicts(),
                new ParallelWindowScanner.Settings(windowBytes, plainWindowBytes, overlapBytes, windowsPerUpload,
                        Duration.ofMillis(queueWaitMillis), Duration.ofSeconds(rescanWaitSeconds)));
    }

    /** One thread per place: a verdict task holds a place, so there are never more tasks than places. */
    private synchronized ExecutorService verdicts() {
        if (verdicts == null) {
            AtomicInteger count = new AtomicInteger();
            verdicts = new ThreadPoolExecutor(places, places, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, "clamd-verdict-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            ((ThreadPoolExecutor) verdicts).allowCoreThreadTimeOut(true);
        }
        return verdicts;
    }

    @PreDestroy
    synchronized void stop() {
        if (verdicts != null) {
            verdicts.shutdownNow();
        }
    }
}
