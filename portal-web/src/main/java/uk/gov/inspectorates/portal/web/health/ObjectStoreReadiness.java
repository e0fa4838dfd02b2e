package uk.gov.inspectorates.portal.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import uk.gov.inspectorates.portal.core.document.ObjectStore;

/** Ready only when the object store answers. */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {

    @Inject
    ObjectStore objectStore;

    @Override
    public HealthCheckResponse call() {
        try {
            objectStore.checkReachable();
            return Checks.up("object-store");
        } catch (Exception e) {
            return Checks.down("object-store");
        }
    }
}
