package uk.gov.inspectorates.portal.web.health;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Responses built directly, without the provider lookup that HealthCheckResponse.up()/down() go through. */
final class Checks {

    private Checks() {
    }

    static HealthCheckResponse up(String name) {
        return new HealthCheckResponse(name, HealthCheckResponse.Status.UP, Optional.empty());
    }

    static HealthCheckResponse down(String name) {
        return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN, Optional.empty());
    }
}
