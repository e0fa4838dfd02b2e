package uk.gov.inspectorates.portal.web.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoModePolicyTest {

    @Test
    void demoDataOnlyWhenExplicitlyEnabled() {
        assertFalse(DemoModePolicy.seedDemoData(false, "local"));
        assertFalse(DemoModePolicy.seedDemoData(false, "production"));
        assertTrue(DemoModePolicy.seedDemoData(true, "local"));
    }

    @Test
    void demoModeIsRefusedWithAProductionConfiguration() {
        assertThrows(IllegalStateException.class, () -> DemoModePolicy.seedDemoData(true, "production"));
        assertThrows(IllegalStateException.class, () -> DemoModePolicy.seedDemoData(true, " Production "));
        assertThrows(IllegalStateException.class, () -> DemoModePolicy.seedDemoData(true, ""));
        assertThrows(IllegalStateException.class, () -> DemoModePolicy.seedDemoData(true, null));
    }
}
