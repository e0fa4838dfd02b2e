package uk.gov.inspectorates.portal.web.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The first thing a deployment does (every other start-up singleton depends on {@link PortalStartup}, which
 * depends on this): apply {@link ProductionStartPolicy} to the settings as configured. On a refusal the message
 * listing everything to fix is logged, the deployment fails, and the JVM exits with {@value #EXIT_CODE}
 * (EX_CONFIG): a Payara Micro whose only application failed to deploy would otherwise keep answering its own
 * health endpoints, and an orchestrator would see a running instance. {@code portal.start.exit-on-refusal=false}
 * keeps the JVM (a server hosting other applications).
 */
@Singleton
@Startup
public class ProductionStartCheck {

    static final int EXIT_CODE = 78;

    private static final Logger LOG = Logger.getLogger(ProductionStartCheck.class.getName());

    @PostConstruct
    void check() {
        Config config = ConfigProvider.getConfig();
        List<ProductionStartPolicy.Refusal> refusals = ProductionStartPolicy.refusals(
                name -> config.getOptionalValue(name, String.class));
        if (refusals.isEmpty()) {
            return;
        }
        String message = ProductionStartPolicy.message(refusals);
        LOG.severe(message);
        if (config.getOptionalValue("portal.start.exit-on-refusal", Boolean.class).orElse(true)) {
            // from another thread: the deployment fails first and releases what the server's shutdown waits for
            Thread exit = new Thread(() -> System.exit(EXIT_CODE), "portal-refused-to-start");
            exit.setDaemon(true);
            exit.start();
        }
        throw new IllegalStateException(message);
    }
}
