package uk.gov.inspectorates.portal.deploy.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthIT extends PortalDeployment {

    @Test
    void readyOnceDatabaseAndObjectStoreAnswer() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
    }

    @Test
    void healthReportsUp() throws Exception {
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().replace(" ", "").contains("\"status\":\"UP\""), health.body());
    }
}
