package uk.gov.inspectorates.portal.security.saml;

import java.time.Duration;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * One inspectorate's identity provider: where its SAML metadata is read from (a file path, or an https URL; http only
 * on loopback, for tests) and how often it is read again.
 */
public record IdpSettings(Inspectorate inspectorate, String metadataLocation, Duration refreshInterval) {

    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofHours(1);

    public IdpSettings {
        Objects.requireNonNull(inspectorate, "inspectorate");
        Objects.requireNonNull(metadataLocation, "metadataLocation");
        refreshInterval = refreshInterval == null ? DEFAULT_REFRESH_INTERVAL : refreshInterval;
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refresh interval must be positive");
        }
    }

    public IdpSettings(Inspectorate inspectorate, String metadataLocation) {
        this(inspectorate, metadataLocation, null);
    }
}
