package uk.gov.inspectorates.portal.web.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The first thing a deployment does, before any bean of the portal is made (a CDI extension, registered in
 * META-INF/services, observing the end of the container's validation ahead of everything else): apply
 * {@link ProductionStartPolicy} to the settings as configured. On a refusal the message listing everything to fix
 * is logged, the deployment fails, and the JVM exits with {@value #EXIT_CODE} (EX_CONFIG): a Payara Micro whose
 * only application failed to deploy would otherwise keep running and answering, and an orchestrator would see a
 * live instance. {@code portal.start.exit-on-refusal=false} keeps the JVM (a server hosting other applications).
 */
public class ProductionStartCheck implements Extension {

    static final int EXIT_CODE = 78;

    private static final Logger LOG = Logger.getLogger(ProductionStartCheck.class.getName());

    void check(@Observes @Priority(1) AfterDeploymentValidation validation) {
        Config config = ConfigProvider.getConfig();
        List<ProductionStartPolicy.Refusal> refusals = ProductionStartPolicy.refusals(
                name -> config.getOptionalValue(name, String.class));
        if (refusals.isEmpty()) {
            return;
        }
        String message = ProductionStartPolicy.message(refusals);
        LOG.severe(message);
        validation.addDeploymentProblem(new IllegalStateException(message));
        if (config.getOptionalValue("portal.start.exit-on-refusal", Boolean.class).orElse(true)) {
            // from another thread: the deployment fails first and releases what the server's shutdown waits for
            Thread exit = new Thread(() -> System.exit(EXIT_CODE), "portal-refused-to-start");
            exit.setDaemon(true);
            exit.start();
        }
    }
}
