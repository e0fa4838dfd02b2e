package uk.gov.inspectorates.portal.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The portal's settings (MicroProfile Config names) for running against the embedded servers: the launcher, the
 * system tests and the benchmarks start the same servers and pass the same settings, each adding its own extras.
 */
public final class EmbeddedPortalSettings {

    public static final String REGION = "eu-west-2";
    /** Demo only, published on purpose (README, scripts/demo-code): every demo user's authenticator secret. */
    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private EmbeddedPortalSettings() {
    }

    /** A mutable map: local environment, demo mode on, cookies without Secure (plain http on loopback). */
    public static Map<String, String> of(EmbeddedPostgresServer postgres, EmbeddedObjectStoreServer objects,
                                         String bucket, Path keystore, String keystorePassword, Path dataDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("portal.db.url", postgres.jdbcUrl());
        settings.put("portal.db.user", postgres.user());
        settings.put("portal.db.password", postgres.password());
        settings.put("portal.db.owner.user", postgres.ownerUser());
        settings.put("portal.db.owner.password", postgres.ownerPassword());
        settings.put("portal.s3.endpoint", objects.endpoint());
        settings.put("portal.s3.access-key", objects.accessKey());
        settings.put("portal.s3.secret-key", objects.secretKey());
        settings.put("portal.s3.bucket", bucket);
        settings.put("portal.s3.region", REGION);
        settings.put("portal.keystore.path", keystore.toString());
        settings.put("portal.keystore.password", keystorePassword);
        settings.put("portal.data-dir", dataDir.toString());
        settings.put("portal.environment", "local");
        settings.put("portal.demo.enabled", "true");
        settings.put("portal.demo.totp-secret", DEMO_TOTP_SECRET);
        settings.put("portal.cookie.secure", "false");
        return settings;
    }
}
