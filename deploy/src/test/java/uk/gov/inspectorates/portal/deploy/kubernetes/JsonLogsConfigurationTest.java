package uk.gov.inspectorates.portal.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Production logs JSON as the launcher (and so every IT run) does: the Deployment passes the ConfigMap made from
 * base/portal-logging.properties to Payara as {@code --logproperties}, and that file is the launcher's own.
 */
class JsonLogsConfigurationTest {

    private static final Path BASE = Path.of("kubernetes", "base");
    private static final String LAUNCHER_FILE = "/uk/gov/inspectorates/portal/deploy/logging-json.properties";

    @Test
    void theClusterAndTheLauncherUseTheSameJsonLoggingFile() throws IOException {
        byte[] cluster = Files.readAllBytes(BASE.resolve("portal-logging.properties"));
        try (InputStream launcher = JsonLogsConfigurationTest.class.getResourceAsStream(LAUNCHER_FILE)) {
            assertArrayEquals(launcher.readAllBytes(), cluster,
                    "kubernetes/base/portal-logging.properties differs from the launcher's " + LAUNCHER_FILE);
        }
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(new String(cluster, java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("java.util.logging.ConsoleHandler", properties.getProperty("handlers").trim());
        assertEquals("fish.payara.enterprise.server.logging.JSONLogFormatter",
                properties.getProperty("java.util.logging.ConsoleHandler.formatter"));
    }

    @Test
    void thePortalContainerReadsTheJsonLoggingFileFromTheGeneratedConfigMap() throws IOException {
        Deployment portal = ManifestFiles.read(BASE.resolve("portal-deployment.yaml")).stream()
                .filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
        var pod = portal.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().stream().filter(c -> c.getName().equals("portal")).findFirst()
                .orElseThrow();
        List<String> args = container.getArgs();
        int at = args.indexOf("--logproperties");
        assertTrue(at >= 0 && at + 1 < args.size(), "the portal container passes --logproperties: " + args);
        Path file = Path.of(args.get(at + 1));
        String mount = container.getVolumeMounts().stream()
                .filter(m -> file.startsWith(m.getMountPath())).map(m -> m.getName()).findFirst()
                .orElseThrow(() -> new AssertionError(file + " lies in no mounted volume"));
        String configMap = pod.getVolumes().stream().filter(v -> v.getName().equals(mount)).findFirst()
                .orElseThrow().getConfigMap().getName();
        assertEquals("portal-logging", configMap);
        assertTrue(ManifestFiles.kustomization(BASE).toString().contains(
                "logging.properties=portal-logging.properties"), "the base generates portal-logging from the file");
        assertEquals("logging.properties", file.getFileName().toString());
    }
}
