package uk.gov.inspectorates.portal.deploy.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One Payara Micro boot for every {@link PortalDeployment} class of the test JVM, instead of one per class.
 *
 * <p>The Payara adapter boots a Payara Micro JVM on each deploy and kills it on each undeploy, and Arquillian
 * deploys and undeploys around every test class: ~20 s a class, over half of the integration tests' time. The classes
 * all deploy the same WAR against the same {@link TestEnvironment} (PostgreSQL, S3Proxy, clamd, SMTP: shared per JVM
 * already), so the deployment is kept: a deploy of the archive already running answers with its address, an
 * undeploy is deferred to the end of the suite (container stop), and the adapter's shutdown hook still kills the
 * Payara JVM if the suite is cut short. A class that needs a portal set up differently starts its own
 * ({@code PayaraMicroProcess}, as CrashSafetyIT and SamlSignInIT do). Registered in
 * {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}; docs/adr/0041.
 */
public final class OnePayaraPerSuite extends PayaraMicroDeployableContainer {

    private Archive<?> running;
    private ProtocolMetaData address;

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null && running.getName().equals(archive.getName())) {
            return address;
        }
        if (running != null) {
            undeployRunning();
        }
        address = super.deploy(archive);
        running = archive;
        return address;
    }

    @Override
    public synchronized void undeploy(Archive<?> archive) {
        // kept for the next class: stopped with the container at the end of the suite
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        try {
            if (running != null) {
                undeployRunning();
            }
        } catch (DeploymentException e) {
            throw new LifecycleException("could not stop the shared portal deployment", e);
        } finally {
            super.stop();
        }
    }

    private void undeployRunning() throws DeploymentException {
        Archive<?> archive = running;
        running = null;
        address = null;
        super.undeploy(archive);
    }

    /** Puts {@link OnePayaraPerSuite} in place of the Payara adapter's own container. */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, OnePayaraPerSuite.class);
        }
    }
}
