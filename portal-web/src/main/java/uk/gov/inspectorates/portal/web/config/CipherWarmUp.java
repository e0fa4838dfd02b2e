package uk.gov.inspectorates.portal.web.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;

/**
 * After deployment, in the background: runs {@code portal.crypto.warm-up-mib} (default 16) MiB through the envelope
 * cipher so that the JIT has compiled AES-GCM with its CPU intrinsics before the first downloads (docs/adr/0037).
 * 0 turns it off. A failure only costs speed: it is logged, never fatal.
 */
@Singleton
@Startup
public class CipherWarmUp {

    private static final Logger LOG = Logger.getLogger(CipherWarmUp.class.getName());

    @Inject
    @ConfigProperty(name = "portal.crypto.warm-up-mib", defaultValue = "16")
    int warmUpMib;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        if (warmUpMib <= 0) {
            return;
        }
        executor.submit(() -> {
            long t0 = System.nanoTime();
            try {
                EnvelopeCipher.warmUp(warmUpMib * 1024L * 1024L);
                LOG.info(() -> "Envelope cipher warmed up: " + warmUpMib + " MiB in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the envelope cipher's warm-up failed (downloads are only slower at first)", e);
            }
        });
    }
}
