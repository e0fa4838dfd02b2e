package uk.gov.inspectorates.portal.deploy;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a setting the way MicroProfile Config does for the portal: a system property
 * ({@code portal.db.port}) wins over the environment variable ({@code PORTAL_DB_PORT}).
 */
final class Settings {

    private Settings() {
    }

    static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(envName(name));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    static int getInt(String name, int defaultValue) {
        return get(name).map(Integer::parseInt).orElse(defaultValue);
    }

    /** {@code portal.s3.access-key} becomes {@code PORTAL_S3_ACCESS_KEY}, as MicroProfile Config maps it. */
    static String envName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
