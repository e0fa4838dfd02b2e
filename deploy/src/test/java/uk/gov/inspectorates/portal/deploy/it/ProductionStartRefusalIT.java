package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;
import uk.gov.inspectorates.portal.deploy.PortFinder;

/**
 * A production start with unsafe settings, the way an operator's container runs it (Payara Micro with the WAR and
 * the settings as environment variables): the JVM exits with 78 and its log holds one message listing every rule
 * broken, before anything was migrated or served (docs/adr/0044, ProductionStartPolicy).
 */
class ProductionStartRefusalIT {

    @Test
    void aProductionStartWithUnsafeSettingsExitsListingEverythingToFix() throws Exception {
        Path work = Files.createDirectories(TestEnvironment.workDirectory().resolve("production-refusal"));
        Files.deleteIfExists(work.resolve("payara.log"));
        Map<String, String> properties = TestEnvironment.portalSettings();
        properties.put("portal.environment", "production");
        properties.put("portal.demo.enabled", "true");
        properties.remove("portal.trusted-proxies");
        properties.remove("portal.public-url");
        properties.put("portal.keystore.password", "changeme");
        properties.put("portal.keystore.path", work.resolve("no-such-keystore.bcfks").toString());

        PayaraMicroProcess payara = PayaraMicroProcess.start(Path.of(System.getProperty("payara.microJar")),
                TestEnvironment.warFile(), PortFinder.freePort(), PayaraMicroProcess.asEnvironment(properties),
                List.of("-Xmx256m", "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp"))),
                work.resolve("payara.log"), work.resolve("payara.pid"));
        int exitCode;
        try {
            exitCode = assertTimeoutPreemptively(Duration.ofSeconds(180), payara::waitForExit,
                    () -> "still running: " + payara.logTail(60));
        } finally {
            payara.stop(Duration.ofSeconds(5));
        }

        String log = Files.readString(work.resolve("payara.log"), StandardCharsets.UTF_8);
        assertEquals(78, exitCode, log.length() > 8000 ? log.substring(log.length() - 8000) : log);
        int start = log.indexOf("The portal refuses to start in production");
        assertTrue(start >= 0, "the refusal is logged: " + payara.logTail(60));
        String message = log.substring(start);
        for (String rule : List.of("start.production.demo-off", "start.production.sign-in",
                "start.production.no-default-secret", "start.production.https", "start.production.trusted-proxy",
                "start.production.keystore")) {
            assertTrue(message.contains("[" + rule + "]"), rule + " in one message: " + message);
        }
        assertTrue(message.contains("PORTAL_KEYSTORE_PASSWORD"), "names the setting to fix");
        assertFalse(log.contains("changeme"), "never repeats a secret");
        assertFalse(log.contains("Database schema up to date"), "nothing was migrated before the refusal");
    }
}
