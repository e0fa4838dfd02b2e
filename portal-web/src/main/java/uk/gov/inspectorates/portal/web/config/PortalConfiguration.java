package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every setting of the portal, read through MicroProfile Config (so environment variables work). */
@ApplicationScoped
public class PortalConfiguration {

    public static final String PRODUCTION = "production";

    @Inject
    @ConfigProperty(name = "portal.environment", defaultValue = PRODUCTION)
    String environment;

    // ---- the database's two roles (docs/adr/0032): the portal's own (portal.db.user, also the datasource's) and
    // the schema's owner, which runs the migrations and grants the portal's role what it may do

    @Inject
    @ConfigProperty(name = "portal.db.url")
    String dbUrl;

    @Inject
    @ConfigProperty(name = "portal.db.user")
    String dbUser;

    @Inject
    @ConfigProperty(name = "portal.db.owner.user")
    Optional<String> dbOwnerUser;

    @Inject
    @ConfigProperty(name = "portal.db.owner.password")
    Optional<String> dbOwnerPassword;

    @Inject
    @ConfigProperty(name = "portal.s3.endpoint")
    String s3Endpoint;

    @Inject
    @ConfigProperty(name = "portal.s3.access-key")
    String s3AccessKey;

    @Inject
    @ConfigProperty(name = "portal.s3.secret-key")
    String s3SecretKey;

    @Inject
    @ConfigProperty(name = "portal.s3.bucket", defaultValue = "portal-documents")
    String s3Bucket;

    @Inject
    @ConfigProperty(name = "portal.s3.region", defaultValue = "eu-west-2")
    String s3Region;

    @Inject
    @ConfigProperty(name = "portal.keystore.path")
    String keystorePath;

    @Inject
    @ConfigProperty(name = "portal.keystore.password")
    String keystorePassword;

    @Inject
    @ConfigProperty(name = "portal.upload.max-bytes", defaultValue = "209715200")
    long uploadMaxBytes;

    /** The largest PDF held in memory to be checked for active content (docs/adr/0018); larger ones are refused. */
    @Inject
    @ConfigProperty(name = "portal.upload.pdf-check-max-bytes", defaultValue = "209715200")
    long pdfCheckMaxBytes;

    /** How long a PDF check waits for memory before the upload is busy (503). */
    @Inject
    @ConfigProperty(name = "portal.upload.pdf-check-wait-millis", defaultValue = "10000")
    long pdfCheckWaitMillis;

    @Inject
    @ConfigProperty(name = "portal.upload.part-bytes", defaultValue = "8388608")
    int uploadPartBytes;

    @Inject
    @ConfigProperty(name = "portal.upload.expiry-seconds", defaultValue = "86400")
    long uploadExpirySeconds;

    @Inject
    @ConfigProperty(name = "portal.upload.busy-retry-after-seconds", defaultValue = "5")
    long uploadBusyRetryAfterSeconds;

    @Inject
    @ConfigProperty(name = "portal.scan.window-bytes", defaultValue = "268435456")
    long scanWindowBytes;

    @Inject
    @ConfigProperty(name = "portal.scan.overlap-bytes", defaultValue = "1048576")
    long scanOverlapBytes;

    @Inject
    @ConfigProperty(name = "portal.data-dir")
    Optional<String> dataDir;

    @Inject
    @ConfigProperty(name = "portal.demo.enabled", defaultValue = "false")
    boolean demoEnabled;

    @Inject
    @ConfigProperty(name = "portal.demo.password", defaultValue = "Demo-portal-2026!")
    String demoPassword;

    @Inject
    @ConfigProperty(name = "portal.demo.totp-secret", defaultValue = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    String demoTotpSecret;

    @Inject
    @ConfigProperty(name = "portal.cookie.secure", defaultValue = "true")
    boolean cookieSecure;

    @Inject
    @ConfigProperty(name = "portal.clamd.host", defaultValue = "127.0.0.1")
    String clamdHost;

    @Inject
    @ConfigProperty(name = "portal.clamd.port", defaultValue = "3310")
    int clamdPort;

    @Inject
    @ConfigProperty(name = "portal.clamd.timeout-seconds", defaultValue = "60")
    int clamdTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "portal.sweep.enabled", defaultValue = "true")
    boolean sweepEnabled;

    @Inject
    @ConfigProperty(name = "portal.sweep.grace-seconds", defaultValue = "86400")
    long sweepGraceSeconds;

    @Inject
    @ConfigProperty(name = "portal.sweep.interval-seconds", defaultValue = "600")
    long sweepIntervalSeconds;

    @Inject
    @ConfigProperty(name = "portal.saml.sp.base-url")
    Optional<String> samlBaseUrl;

    @Inject
    @ConfigProperty(name = "portal.saml.sp.entity-id")
    Optional<String> samlEntityId;

    @Inject
    @ConfigProperty(name = "portal.saml.sp.key")
    Optional<String> samlKey;

    @Inject
    @ConfigProperty(name = "portal.saml.sp.certificate")
    Optional<String> samlCertificate;

    @Inject
    @ConfigProperty(name = "portal.saml.sp.key-password")
    Optional<String> samlKeyPassword;

    @Inject
    @ConfigProperty(name = "portal.saml.metadata-refresh-seconds", defaultValue = "3600")
    long samlMetadataRefreshSeconds;

    @Inject
    @ConfigProperty(name = "portal.saml.clock-skew-seconds", defaultValue = "60")
    long samlClockSkewSeconds;

    @Inject
    @ConfigProperty(name = "portal.saml.attribute.organisation", defaultValue = "organisation")
    String samlAttributeOrganisation;

    @Inject
    @ConfigProperty(name = "portal.saml.attribute.teams", defaultValue = "team")
    String samlAttributeTeams;

    @Inject
    @ConfigProperty(name = "portal.saml.attribute.roles", defaultValue = "role")
    String samlAttributeRoles;

    @Inject
    @ConfigProperty(name = "portal.saml.attribute.display-name", defaultValue = "displayName")
    String samlAttributeDisplayName;

    @Inject
    @ConfigProperty(name = "portal.session.idle-minutes", defaultValue = "30")
    long sessionIdleMinutes;

    @Inject
    @ConfigProperty(name = "portal.session.absolute-hours", defaultValue = "12")
    long sessionAbsoluteHours;

    @Inject
    @ConfigProperty(name = "portal.accounts.invitation-expiry-hours", defaultValue = "72")
    long invitationExpiryHours;

    @Inject
    @ConfigProperty(name = "portal.public-url")
    Optional<String> publicUrl;

    /** Anything but an explicit non-production environment counts as production. */
    public boolean production() {
        return environment == null || environment.isBlank() || PRODUCTION.equalsIgnoreCase(environment.strip());
    }

    public String environment() {
        return environment;
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public Optional<String> dbOwnerUser() {
        return dbOwnerUser.filter(user -> !user.isBlank());
    }

    public Optional<String> dbOwnerPassword() {
        return dbOwnerPassword.filter(password -> !password.isEmpty());
    }

    public String s3Endpoint() {
        return s3Endpoint;
    }

    public String s3AccessKey() {
        return s3AccessKey;
    }

    public String s3SecretKey() {
        return s3SecretKey;
    }

    public String s3Bucket() {
        return s3Bucket;
    }

    public String s3Region() {
        return s3Region;
    }

    public String keystorePath() {
        return keystorePath;
    }

    public char[] keystorePassword() {
        return keystorePassword.toCharArray();
    }

    public long uploadMaxBytes() {
        return uploadMaxBytes;
    }

    public long pdfCheckWaitMillis() {
        return pdfCheckWaitMillis;
    }

    public long pdfCheckMaxBytes() {
        return pdfCheckMaxBytes;
    }

    /** Resumable uploads arrive in parts of this size (a multiple of 64 KiB; S3 needs at least 5 MiB). */
    public int uploadPartBytes() {
        return uploadPartBytes;
    }

    /** The {@code Retry-After} of an upload refused for its uploader's limits, its turn or the uploads' memory. */
    public Duration uploadBusyRetryAfter() {
        return Duration.ofSeconds(uploadBusyRetryAfterSeconds);
    }

    /** An upload not touched for this long is removed, with everything received. */
    public long uploadExpirySeconds() {
        return uploadExpirySeconds;
    }

    /** Files above this size are scanned as overlapping windows of it (docs/adr/0009); at most clamd's stream limit. */
    public long scanWindowBytes() {
        return scanWindowBytes;
    }

    public long scanOverlapBytes() {
        return scanOverlapBytes;
    }

    public Optional<String> dataDir() {
        return dataDir;
    }

    public boolean demoEnabled() {
        return demoEnabled;
    }

    public char[] demoPassword() {
        return demoPassword.toCharArray();
    }

    public String demoTotpSecret() {
        return demoTotpSecret;
    }

    public boolean cookieSecure() {
        return cookieSecure;
    }

    public String clamdHost() {
        return clamdHost;
    }

    public int clamdPort() {
        return clamdPort;
    }

    /** Bounds connecting to clamd and every wait for it, including the verdict after the last byte. */
    public int clamdTimeoutSeconds() {
        return clamdTimeoutSeconds;
    }

    /** Whether the orphan sweep runs (at start-up, then every {@link #sweepIntervalSeconds()}). */
    public boolean sweepEnabled() {
        return sweepEnabled;
    }

    /** How old an unreferenced object or KEK must be before the sweep removes it (in-flight uploads are younger). */
    public long sweepGraceSeconds() {
        return sweepGraceSeconds;
    }

    public long sweepIntervalSeconds() {
        return sweepIntervalSeconds;
    }

    /** The portal's public address (scheme, host, port), under which /saml/acs and /saml/metadata are reached. */
    public Optional<String> samlBaseUrl() {
        return samlBaseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public Optional<String> samlEntityId() {
        return samlEntityId;
    }

    public Optional<String> samlKey() {
        return samlKey;
    }

    public Optional<String> samlCertificate() {
        return samlCertificate;
    }

    public char[] samlKeyPassword() {
        return samlKeyPassword.orElse("").toCharArray();
    }

    /** Where an inspectorate's identity provider metadata is read from (file path or URL), if it has one. */
    public Optional<String> samlIdpMetadata(uk.gov.inspectorates.portal.core.organisation.Inspectorate inspectorate) {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(
                "portal.saml.idp." + inspectorate.name().toLowerCase(java.util.Locale.ROOT) + ".metadata",
                String.class).filter(value -> !value.isBlank()).map(String::strip);
    }

    public long samlMetadataRefreshSeconds() {
        return samlMetadataRefreshSeconds;
    }

    public long samlClockSkewSeconds() {
        return samlClockSkewSeconds;
    }

    public uk.gov.inspectorates.portal.core.account.sso.AttributeMapping samlAttributeMapping() {
        return new uk.gov.inspectorates.portal.core.account.sso.AttributeMapping(samlAttributeOrganisation,
                samlAttributeTeams, samlAttributeRoles, samlAttributeDisplayName);
    }

    /** A session unused for this long ends (PORTAL_SESSION_IDLE_MINUTES). */
    public java.time.Duration sessionIdle() {
        return java.time.Duration.ofMinutes(sessionIdleMinutes);
    }

    /** A session ends this long after sign-in, however busy (PORTAL_SESSION_ABSOLUTE_HOURS). */
    public java.time.Duration sessionAbsolute() {
        return java.time.Duration.ofHours(sessionAbsoluteHours);
    }

    public java.time.Duration invitationExpiry() {
        return java.time.Duration.ofHours(invitationExpiryHours);
    }

    /** The address links in invitations and reset messages point to; never taken from a request's Host header. */
    public Optional<String> publicUrl() {
        return publicUrl.map(String::strip).filter(url -> !url.isEmpty());
    }

    /** Demo mode as it actually runs: asked for, and not in production (where start-up refuses it). */
    public boolean demoModeRunning() {
        return demoEnabled && !production();
    }
}
