package uk.gov.inspectorates.portal.web.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.web.audit.ClientAddresses;

/**
 * What a production start refuses (docs/adr/0044): every unsafe or missing setting, found all at once, so that an
 * operator fixes them in one round and not one per failed start. Each rule has an id that the refusal names.
 * Outside production nothing is refused here (the local run and the tests generate their own keys and run demo
 * mode). {@link DemoModePolicy} and {@link SchemaOwnerPolicy} keep deciding what a start does and refuse again on
 * their own, should this check ever be bypassed.
 *
 * <p>Settings are read by their MicroProfile Config names ({@code portal.db.password}, which the environment
 * variable {@code PORTAL_DB_PASSWORD} sets), so the rules are tested without a server.
 */
public final class ProductionStartPolicy {

    public static final String DEMO_OFF = "start.production.demo-off";
    public static final String SIGN_IN = "start.production.sign-in";
    public static final String REQUIRED = "start.production.required-setting";
    public static final String DEFAULT_SECRET = "start.production.no-default-secret";
    public static final String HTTPS = "start.production.https";
    public static final String TRUSTED_PROXY = "start.production.trusted-proxy";
    public static final String SCHEMA_OWNER = "start.production.schema-owner";
    public static final String KEYSTORE = "start.production.keystore";
    public static final String EMAIL = "start.production.email";

    /** The shortest secret accepted in production. */
    static final int SHORTEST_SECRET = 16;

    /**
     * Secrets published in this repository (the local run, the tests, the demo) or shipped as defaults by the
     * engines the portal uses: never secret anywhere.
     */
    static final Set<String> PUBLISHED_SECRETS = Set.of("portal-local", "portal-app-local", "demo-portal-2026!",
            "jbswy3dpehpk3pxpjbswy3dpehpk3pxp", "minioadmin", "postgres", "password", "changeme", "change-me",
            "secret", "admin", "portal");

    /** Every setting that holds a secret. */
    static final List<String> SECRETS = List.of("portal.db.password", "portal.db.owner.password", "portal.s3.secret-key",
            "portal.keystore.password", "portal.smtp.password", "portal.saml.sp.key-password");

    /** Settings without which production cannot run at all. */
    static final List<String> REQUIRED_SETTINGS = List.of("portal.db.url", "portal.db.user", "portal.db.password",
            "portal.s3.endpoint", "portal.s3.access-key", "portal.s3.secret-key", "portal.keystore.path",
            "portal.keystore.password");

    /** One thing to fix: the rule it breaks and what to do. */
    public record Refusal(String rule, String fix) {

        @Override
        public String toString() {
            return "[" + rule + "] " + fix;
        }
    }

    private final Function<String, Optional<String>> settings;

    private ProductionStartPolicy(Function<String, Optional<String>> settings) {
        this.settings = name -> settings.apply(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Every refusal of these settings; none outside production. */
    public static List<Refusal> refusals(Function<String, Optional<String>> settings) {
        return new ProductionStartPolicy(settings).refusals();
    }

    /** Refuses to start, with one message listing everything to fix. */
    public static void check(Function<String, Optional<String>> settings) {
        List<Refusal> refusals = refusals(settings);
        if (!refusals.isEmpty()) {
            throw new IllegalStateException(message(refusals));
        }
    }

    static String message(List<Refusal> refusals) {
        return "The portal refuses to start in production (PORTAL_ENVIRONMENT=production) until "
                + (refusals.size() == 1 ? "this is" : "these " + refusals.size() + " are") + " fixed (docs/configuration.md, "
                + "'Production start'):" + refusals.stream().map(refusal -> System.lineSeparator() + "  - " + refusal)
                .collect(Collectors.joining());
    }

    private List<Refusal> refusals() {
        String environment = setting("portal.environment").orElse(PortalConfiguration.PRODUCTION);
        if (!PortalConfiguration.PRODUCTION.equals(environment.toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        List<Refusal> refusals = new ArrayList<>();
        required(refusals);
        demoOff(refusals);
        signIn(refusals);
        secrets(refusals);
        https(refusals);
        trustedProxy(refusals);
        schemaOwner(refusals);
        keystore(refusals);
        email(refusals);
        return List.copyOf(refusals);
    }

    private void required(List<Refusal> refusals) {
        List<String> missing = REQUIRED_SETTINGS.stream().filter(name -> setting(name).isEmpty())
                .map(ProductionStartPolicy::environmentVariable).toList();
        if (!missing.isEmpty()) {
            refusals.add(new Refusal(REQUIRED, "set " + String.join(", ", missing)));
        }
    }

    private void demoOff(List<Refusal> refusals) {
        if (DemoModePolicy.refused(setting("portal.demo.enabled").map(Boolean::parseBoolean).orElse(false),
                PortalConfiguration.PRODUCTION)) {
            refusals.add(new Refusal(DEMO_OFF, "demo mode seeds users with a published password: unset "
                    + "PORTAL_DEMO_ENABLED (or set it to false)"));
        }
    }

    private void signIn(List<Refusal> refusals) {
        List<Inspectorate> withIdentityProvider = Arrays.stream(Inspectorate.values()).filter(inspectorate ->
                setting("portal.saml.idp." + inspectorate.name().toLowerCase(Locale.ROOT) + ".metadata").isPresent())
                .toList();
        if (withIdentityProvider.isEmpty()) {
            refusals.add(new Refusal(SIGN_IN, "no inspectorate's SAML identity provider is configured, so nobody "
                    + "could sign in to invite agency accounts: set PORTAL_SAML_IDP_<INSPECTORATE>_METADATA (e.g. "
                    + "PORTAL_SAML_IDP_OFSTED_METADATA) for at least one inspectorate"));
            return;
        }
        if (!setting("portal.saml.sp.base-url").filter(ProductionStartPolicy::https).isPresent()) {
            refusals.add(new Refusal(SIGN_IN, "SAML sign-in needs the portal's public https address: set "
                    + "PORTAL_SAML_SP_BASE_URL to https://..."));
        }
        if (setting("portal.saml.sp.key").isEmpty()) {
            refusals.add(new Refusal(SIGN_IN, "SAML sign-in needs the portal's own signing key (never generated in "
                    + "production): set PORTAL_SAML_SP_KEY (and PORTAL_SAML_SP_CERTIFICATE for a PEM key)"));
        }
    }

    private void secrets(List<Refusal> refusals) {
        List<String> weak = SECRETS.stream().filter(name -> setting(name).filter(ProductionStartPolicy::weak).isPresent())
                .map(ProductionStartPolicy::environmentVariable).toList();
        if (!weak.isEmpty()) {
            refusals.add(new Refusal(DEFAULT_SECRET, String.join(", ", weak) + ": a published default or shorter than "
                    + SHORTEST_SECRET + " characters; generate a new secret for each"));
        }
    }

    private void https(List<Refusal> refusals) {
        if (!setting("portal.public-url").filter(ProductionStartPolicy::https).isPresent()) {
            refusals.add(new Refusal(HTTPS, "e-mailed links and the session cookie need the portal's public https "
                    + "address: set PORTAL_PUBLIC_URL to https://..."));
        }
        if (!setting("portal.cookie.secure").map(Boolean::parseBoolean).orElse(true)) {
            refusals.add(new Refusal(HTTPS, "PORTAL_COOKIE_SECURE=false would send the session cookie over plain "
                    + "HTTP and turn HSTS off: unset it"));
        }
    }

    /**
     * The portal itself answers plain HTTP: TLS ends at a proxy (the ingress), which must be trusted to say who the
     * client is, and must be the only way in (docs/operations/kubernetes.md: the NetworkPolicy).
     */
    private void trustedProxy(List<Refusal> refusals) {
        Optional<String> proxies = setting("portal.trusted-proxies");
        if (proxies.isEmpty()) {
            refusals.add(new Refusal(TRUSTED_PROXY, "the portal serves plain HTTP, so TLS must end at a proxy it "
                    + "trusts: set PORTAL_TRUSTED_PROXIES to the address or CIDR range of that proxy (the ingress)"));
            return;
        }
        try {
            ClientAddresses.trusting(proxies.get());
        } catch (IllegalArgumentException e) {
            refusals.add(new Refusal(TRUSTED_PROXY, "PORTAL_TRUSTED_PROXIES: " + e.getMessage()));
            return;
        }
        if (Arrays.stream(proxies.get().split("[,\\s]+")).anyMatch(entry -> entry.endsWith("/0"))) {
            refusals.add(new Refusal(TRUSTED_PROXY, "PORTAL_TRUSTED_PROXIES trusts every address (a /0 range), so any "
                    + "client could forge the address recorded in the audit trail: name the proxy's range only"));
        }
    }

    private void schemaOwner(List<Refusal> refusals) {
        if (!SchemaOwnerPolicy.separateOwner(setting("portal.db.user").orElse(""), setting("portal.db.owner.user"),
                setting("portal.db.owner.password"))) {
            refusals.add(new Refusal(SCHEMA_OWNER, SchemaOwnerPolicy.REFUSAL));
        }
    }

    private void keystore(List<Refusal> refusals) {
        setting("portal.keystore.path").map(Path::of).filter(path -> !Files.isReadable(path)).ifPresent(path ->
                refusals.add(new Refusal(KEYSTORE, "the master-key keystore " + path + " does not exist or cannot be "
                        + "read (production never creates one): mount it, e.g. from a Secret (docs/operations/keys.md)")));
        for (SigningKeystore signing : SigningKeystore.values()) {
            signing.path(this::setting).filter(path -> !Files.isReadable(path)).ifPresent(path ->
                    refusals.add(new Refusal(KEYSTORE, signing.what + " " + path + " does not exist or cannot be read "
                            + "(production never creates one): mount it beside the master keystore or set "
                            + environmentVariable(signing.setting) + " (docs/operations/keys.md)")));
        }
    }

    private void email(List<Refusal> refusals) {
        if (setting("portal.smtp.host").isEmpty() || setting("portal.smtp.from").isEmpty()) {
            refusals.add(new Refusal(EMAIL, "agencies must hear of requests by e-mail: set PORTAL_SMTP_HOST and "
                    + "PORTAL_SMTP_FROM"));
        }
        if (setting("portal.smtp.tls").filter(tls -> tls.equalsIgnoreCase("none")).isPresent()) {
            refusals.add(new Refusal(EMAIL, "PORTAL_SMTP_TLS=none sends notices in plain text: use starttls or "
                    + "implicit"));
        }
    }

    private Optional<String> setting(String name) {
        return settings.apply(name);
    }

    private static boolean https(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("https://");
    }

    private static boolean weak(String secret) {
        return secret.length() < SHORTEST_SECRET || PUBLISHED_SECRETS.contains(secret.toLowerCase(Locale.ROOT));
    }

    /** {@code portal.db.password} as the environment variable MicroProfile Config maps to it. */
    static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
