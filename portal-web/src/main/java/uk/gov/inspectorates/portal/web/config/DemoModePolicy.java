package uk.gov.inspectorates.portal.web.config;

import java.util.Locale;

/**
 * When demo data may be seeded: only when explicitly enabled, and never with a production configuration, so that
 * demo users with a published password can never exist beside real information.
 */
public final class DemoModePolicy {

    private DemoModePolicy() {
    }

    /** Whether to seed demo data; throws when demo mode is asked for where it must not run. */
    public static boolean seedDemoData(boolean demoEnabled, String environment) {
        if (!demoEnabled) {
            return false;
        }
        if (refused(demoEnabled, environment)) {
            throw new IllegalStateException("Demo mode is refused with a production configuration: set "
                    + "PORTAL_ENVIRONMENT to something other than 'production' (e.g. 'local') or turn demo mode off");
        }
        return true;
    }

    /** Demo mode asked for with a production configuration (also listed by {@link ProductionStartPolicy}). */
    public static boolean refused(boolean demoEnabled, String environment) {
        return demoEnabled && (environment == null || environment.isBlank()
                || PortalConfiguration.PRODUCTION.equals(environment.strip().toLowerCase(Locale.ROOT)));
    }
}
