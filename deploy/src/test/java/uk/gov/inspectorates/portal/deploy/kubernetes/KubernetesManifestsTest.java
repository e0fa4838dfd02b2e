package uk.gov.inspectorates.portal.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes} (docs/adr/0044) read with the fabric8 Kubernetes model,
 * offline, and held to {@link ManifestRules}: the base, the example overlay, and a deliberately unsafe set that
 * every rule must find something in (so that no rule passes by checking nothing).
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("kubernetes");
    private static final Path BASE = KUBERNETES.resolve("base");
    private static final Path OVERLAY = KUBERNETES.resolve("overlays/example");
    private static final Path UNSAFE = Path.of("src/test/resources/kubernetes-unsafe");

    @Test
    void theBaseListsEveryFileInItsFolderAndEveryFileParses() throws IOException {
        Set<String> listed = new TreeSet<>(resourcesOf(BASE));
        Set<String> present;
        try (Stream<Path> files = Files.list(BASE)) {
            present = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed, "kustomization.yaml lists exactly the manifests of its folder");
        for (String file : listed) {
            assertFalse(ManifestFiles.read(BASE.resolve(file)).isEmpty(), file + " holds resources");
        }
    }

    @Test
    void theBaseKeepsEveryRule() throws IOException {
        assertEquals(List.of(), ManifestRules.violations(base()));
    }

    @Test
    void theBaseHasWhatAnInstallationNeeds() throws IOException {
        Set<String> kinds = base().stream().map(resource -> resource.getKind() + "/" + resource.getMetadata().getName())
                .collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("Deployment/portal", "Service/portal", "PodDisruptionBudget/portal",
                "NetworkPolicy/portal", "Ingress/portal", "ConfigMap/portal-settings", "Cluster/portal-db",
                "StatefulSet/minio", "Deployment/clamd")), kinds.toString());
    }

    @Test
    void everyFileOfTheExampleOverlayParsesWithoutUnknownFields() throws IOException {
        for (String file : resourcesOf(OVERLAY)) {
            if (file.startsWith("../")) {
                continue;
            }
            List<HasMetadata> resources = ManifestFiles.read(OVERLAY.resolve(file));
            assertFalse(resources.isEmpty(), file);
            assertEquals(List.of(), ManifestRules.fileViolations(resources), file);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> patches = (List<Map<String, Object>>) ManifestFiles.kustomization(OVERLAY)
                .getOrDefault("patches", List.of());
        for (Map<String, Object> patch : patches) {
            if (patch.get("path") instanceof String path) {
                assertEquals(List.of(), ManifestRules.fileViolations(ManifestFiles.read(OVERLAY.resolve(path))), path);
            }
        }
    }

    /** The overlay as Kustomize renders it (kubectl's built-in Kustomize, offline), where kubectl is installed. */
    @Test
    void theExampleOverlayAsRenderedKeepsEveryRule() throws Exception {
        Path kubectl = Stream.of("/usr/bin/kubectl", "/usr/local/bin/kubectl").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed: the overlay's own files were checked");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", OVERLAY.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "kubectl kustomize failed");
        List<HasMetadata> resources = ManifestFiles.readAll(rendered, "kubectl kustomize " + OVERLAY);
        assertEquals(List.of(), ManifestRules.violations(resources));
        assertTrue(resources.stream().allMatch(resource -> resource.getKind().equals("Namespace")
                || "inspectorates-portal".equals(resource.getMetadata().getNamespace())), "every resource in the namespace");
        assertTrue(rendered.contains("host: portal.pilot.inspectorates.example"), "the overlay's host");
    }

    @Test
    void everyRuleFindsWhatItIsFor() throws IOException {
        List<HasMetadata> unsafe = new ArrayList<>();
        try (Stream<Path> files = Files.list(UNSAFE)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList()) {
                unsafe.addAll(ManifestFiles.read(file));
            }
        }
        List<String> violations = ManifestRules.violations(unsafe);
        for (String rule : List.of(ManifestRules.KNOWN_KIND, ManifestRules.UNKNOWN_FIELD, ManifestRules.NO_SECRET,
                ManifestRules.REPLICAS, ManifestRules.RESOURCES, ManifestRules.PROBES, ManifestRules.PINNED_IMAGE,
                ManifestRules.NON_ROOT, ManifestRules.DISRUPTION_BUDGET, ManifestRules.NETWORK_POLICY,
                ManifestRules.PORTAL_HEALTH, ManifestRules.PORTAL_KEYSTORE, ManifestRules.INGRESS_TLS,
                ManifestRules.DATABASE, ManifestRules.OBJECT_STORE, ManifestRules.SCANNER)) {
            assertTrue(violations.stream().anyMatch(violation -> violation.startsWith(rule + ":")),
                    rule + " finds nothing in the unsafe manifests: " + String.join("\n", violations));
        }
    }

    @Test
    void secretsAreFoundWhereverTheyAreWritten() throws IOException {
        List<HasMetadata> unsafe = new ArrayList<>(ManifestFiles.read(UNSAFE.resolve("secrets.yaml")));
        unsafe.add(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("leaky-keys")
                .endMetadata().addToData("saml.pem", generatedPrivateKeyPem()).build());
        List<String> secrets = ManifestRules.violations(unsafe).stream()
                .filter(violation -> violation.startsWith(ManifestRules.NO_SECRET)).toList();
        for (String where : List.of("Secret/portal-db-app", "PORTAL_DB_PASSWORD is written", "PORTAL_S3_SECRET_KEY is a secret",
                "Cluster/leaky-db.spec.superuserPassword", "a private key")) {
            assertTrue(secrets.stream().anyMatch(violation -> violation.contains(where)), where + ": " + secrets);
        }
        assertFalse(String.join("\n", secrets).contains("hunter2-but-longer"), "a violation never repeats the secret");
    }

    /** A key made for this run only, PEM-encoded as an operator might paste it into a ConfigMap by mistake. */
    private static String generatedPrivateKeyPem() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String label = "PRIVATE" + " KEY";
            return "-----BEGIN " + label + "-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(pkcs8)
                    + "\n-----END " + label + "-----\n";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> resourcesOf(Path folder) throws IOException {
        return (List<String>) ManifestFiles.kustomization(folder).get("resources");
    }

    private static List<HasMetadata> base() throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        for (String file : resourcesOf(BASE)) {
            resources.addAll(ManifestFiles.read(BASE.resolve(file)));
        }
        return resources;
    }
}
