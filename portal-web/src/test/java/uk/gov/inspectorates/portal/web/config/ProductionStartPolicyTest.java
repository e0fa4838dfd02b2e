package uk.gov.inspectorates.portal.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per rule of {@link ProductionStartPolicy}: a safe production configuration passes, and breaking one
 * setting is refused with that rule's id (so removing the rule fails its test).
 */
class ProductionStartPolicyTest {

    @TempDir
    Path folder;

    private final Map<String, String> settings = new HashMap<>();

    @BeforeEach
    void safeProductionSettings() throws IOException {
        Path keystore = Files.writeString(folder.resolve("master.bcfks"), "a keystore");
        Files.writeString(folder.resolve("audit-signing.bcfks"), "a keystore");
        Files.writeString(folder.resolve("removal-signing.bcfks"), "a keystore");
        settings.putAll(Map.ofEntries(
                Map.entry("portal.environment", "production"),
                Map.entry("portal.db.url", "jdbc:postgresql://portal-db-rw:5432/portal"),
                Map.entry("portal.db.user", "portal_app"),
                Map.entry("portal.db.password", "x7Qk2-generated-app-password"),
                Map.entry("portal.db.owner.user", "portal_owner"),
                Map.entry("portal.db.owner.password", "p9Vz4-generated-owner-password"),
                Map.entry("portal.s3.endpoint", "https://minio:9000"),
                Map.entry("portal.s3.access-key", "portal"),
                Map.entry("portal.s3.secret-key", "n3Lr8-generated-object-store-secret"),
                Map.entry("portal.keystore.path", keystore.toString()),
                Map.entry("portal.keystore.password", "k5Ty1-generated-keystore-password"),
                Map.entry("portal.saml.idp.ofsted.metadata", "https://idp.ofsted.example/metadata"),
                Map.entry("portal.saml.sp.base-url", "https://portal.example.gov.uk"),
                Map.entry("portal.saml.sp.key", "/etc/portal/saml/sp.p12"),
                Map.entry("portal.public-url", "https://portal.example.gov.uk"),
                Map.entry("portal.trusted-proxies", "10.42.0.0/16"),
                Map.entry("portal.smtp.host", "smtp.example.gov.uk"),
                Map.entry("portal.smtp.from", "portal@example.gov.uk")));
    }

    private List<ProductionStartPolicy.Refusal> refusals() {
        return ProductionStartPolicy.refusals(name -> Optional.ofNullable(settings.get(name)));
    }

    private List<String> refusedRules() {
        return refusals().stream().map(ProductionStartPolicy.Refusal::rule).toList();
    }

    @Test
    void aSafeProductionConfigurationStarts() {
        assertEquals(List.of(), refusals());
    }

    @Test
    void outsideProductionNothingIsRefusedHere() {
        settings.clear();
        settings.put("portal.environment", "local");
        settings.put("portal.demo.enabled", "true");
        assertEquals(List.of(), refusals());
    }

    @Test
    void noEnvironmentCountsAsProduction() {
        settings.remove("portal.environment");
        settings.put("portal.demo.enabled", "true");
        assertEquals(List.of(ProductionStartPolicy.DEMO_OFF), refusedRules());
    }

    @Test
    void demoModeIsRefused() {
        settings.put("portal.demo.enabled", "true");
        assertEquals(List.of(ProductionStartPolicy.DEMO_OFF), refusedRules());
    }

    @Test
    void requiredSettingsAreNamed() {
        settings.remove("portal.db.url");
        settings.put("portal.s3.endpoint", "  ");
        List<ProductionStartPolicy.Refusal> refusals = refusals();
        assertEquals(List.of(ProductionStartPolicy.REQUIRED), refusals.stream().map(ProductionStartPolicy.Refusal::rule)
                .toList());
        assertTrue(refusals.get(0).fix().contains("PORTAL_DB_URL, PORTAL_S3_ENDPOINT"), refusals.get(0).fix());
    }

    @Test
    void withoutAnIdentityProviderNobodyCouldSignIn() {
        settings.remove("portal.saml.idp.ofsted.metadata");
        assertEquals(List.of(ProductionStartPolicy.SIGN_IN), refusedRules());
        settings.put("portal.saml.idp.hmcpsi.metadata", "/etc/portal/saml/hmcpsi-idp.xml");
        assertEquals(List.of(), refusedRules(), "any one inspectorate's identity provider will do");
    }

    @Test
    void samlNeedsAnHttpsAddressAndTheServiceProvidersKey() {
        settings.put("portal.saml.sp.base-url", "http://portal.example.gov.uk");
        settings.remove("portal.saml.sp.key");
        assertEquals(List.of(ProductionStartPolicy.SIGN_IN, ProductionStartPolicy.SIGN_IN), refusedRules());
    }

    @Test
    void publishedDefaultsAndShortSecretsAreRefused() {
        settings.put("portal.db.owner.password", "portal-local");
        settings.put("portal.keystore.password", "short-secret");
        settings.put("portal.smtp.password", "Demo-portal-2026!");
        List<ProductionStartPolicy.Refusal> refusals = refusals();
        assertEquals(List.of(ProductionStartPolicy.DEFAULT_SECRET), refusals.stream()
                .map(ProductionStartPolicy.Refusal::rule).toList());
        assertTrue(refusals.get(0).fix().startsWith(
                "PORTAL_DB_OWNER_PASSWORD, PORTAL_KEYSTORE_PASSWORD, PORTAL_SMTP_PASSWORD:"), refusals.get(0).fix());
        assertTrue(!refusals.get(0).fix().contains("portal-local"), "the refusal never repeats a secret");
    }

    @Test
    void everySecretSettingIsChecked() {
        for (String secret : ProductionStartPolicy.SECRETS) {
            safeProductionSettingsAgain();
            settings.put(secret, "minioadmin");
            assertEquals(List.of(ProductionStartPolicy.DEFAULT_SECRET), refusedRules(), secret);
        }
    }

    @Test
    void aPublicAddressOverPlainHttpIsRefused() {
        settings.put("portal.public-url", "http://portal.example.gov.uk");
        assertEquals(List.of(ProductionStartPolicy.HTTPS), refusedRules());
        settings.remove("portal.public-url");
        assertEquals(List.of(ProductionStartPolicy.HTTPS), refusedRules());
    }

    @Test
    void anInsecureSessionCookieIsRefused() {
        settings.put("portal.cookie.secure", "false");
        assertEquals(List.of(ProductionStartPolicy.HTTPS), refusedRules());
    }

    @Test
    void plainHttpWithoutATrustedProxyIsRefused() {
        settings.remove("portal.trusted-proxies");
        assertEquals(List.of(ProductionStartPolicy.TRUSTED_PROXY), refusedRules());
    }

    @Test
    void trustedProxiesMustBeAddressesAndNotEveryAddress() {
        settings.put("portal.trusted-proxies", "ingress.example");
        assertEquals(List.of(ProductionStartPolicy.TRUSTED_PROXY), refusedRules());
        settings.put("portal.trusted-proxies", "10.42.0.0/16, 0.0.0.0/0");
        assertEquals(List.of(ProductionStartPolicy.TRUSTED_PROXY), refusedRules());
    }

    @Test
    void theSchemaNeedsASeparateOwner() {
        settings.put("portal.db.owner.user", "portal_app");
        assertEquals(List.of(ProductionStartPolicy.SCHEMA_OWNER), refusedRules());
        settings.remove("portal.db.owner.user");
        assertEquals(List.of(ProductionStartPolicy.SCHEMA_OWNER), refusedRules());
    }

    @Test
    void theKeystoreMustExist() {
        settings.put("portal.keystore.path", folder.resolve("missing.bcfks").toString());
        assertEquals(List.of(ProductionStartPolicy.KEYSTORE), refusedRules());
    }

    @Test
    void theSigningKeystoresMustExistBesideTheMasterKeystoreOrWhereTheirSettingsSay() throws IOException {
        Files.delete(folder.resolve("audit-signing.bcfks"));
        List<ProductionStartPolicy.Refusal> refused = refusals();
        assertEquals(List.of(ProductionStartPolicy.KEYSTORE), refused.stream().map(ProductionStartPolicy.Refusal::rule)
                .toList());
        assertTrue(refused.get(0).fix().contains("audit-signing.bcfks"), refused.get(0).fix());
        assertTrue(refused.get(0).fix().contains("PORTAL_AUDIT_SIGNING_KEYSTORE_PATH"), refused.get(0).fix());

        Path elsewhere = Files.createDirectories(folder.resolve("signing"));
        settings.put("portal.audit.signing.keystore-path",
                Files.writeString(elsewhere.resolve("audit.bcfks"), "a keystore").toString());
        assertEquals(List.of(), refusedRules());

        settings.put("portal.signing.keystore-path", elsewhere.resolve("missing-removal.bcfks").toString());
        refused = refusals();
        assertEquals(List.of(ProductionStartPolicy.KEYSTORE), refused.stream().map(ProductionStartPolicy.Refusal::rule)
                .toList());
        assertTrue(refused.get(0).fix().contains("missing-removal.bcfks"), refused.get(0).fix());
    }

    @Test
    void emailMustBeConfiguredOverTls() {
        settings.remove("portal.smtp.from");
        assertEquals(List.of(ProductionStartPolicy.EMAIL), refusedRules());
        settings.put("portal.smtp.from", "portal@example.gov.uk");
        settings.put("portal.smtp.tls", "none");
        assertEquals(List.of(ProductionStartPolicy.EMAIL), refusedRules());
    }

    @Test
    void oneMessageListsEverythingToFix() {
        settings.put("portal.demo.enabled", "true");
        settings.remove("portal.trusted-proxies");
        settings.put("portal.keystore.password", "changeme");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ProductionStartPolicy.check(name -> Optional.ofNullable(settings.get(name))));
        for (String rule : List.of(ProductionStartPolicy.DEMO_OFF, ProductionStartPolicy.TRUSTED_PROXY,
                ProductionStartPolicy.DEFAULT_SECRET)) {
            assertTrue(refused.getMessage().contains("[" + rule + "]"), refused.getMessage());
        }
        assertTrue(refused.getMessage().contains("these 3 are fixed"), refused.getMessage());
    }

    private void safeProductionSettingsAgain() {
        settings.clear();
        try {
            safeProductionSettings();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
