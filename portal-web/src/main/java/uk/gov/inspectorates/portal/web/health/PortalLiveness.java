package uk.gov.inspectorates.portal.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The application is deployed and answering. */
@Liveness
@ApplicationScoped
public class PortalLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return Checks.up("portal");
    }
}
