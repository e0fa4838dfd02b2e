package uk.gov.inspectorates.portal.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak (the {@code keycloak-quarkus-dist} zip from Maven Central, copied to {@code deploy/target} by the build)
 * as a real SAML identity provider for Ofsted staff, for local runs and tests: {@code kc.sh start-dev} on 127.0.0.1
 * with its dev-file database, a free port, and the realm of {@code keycloak/inspectorates-realm.json} imported at
 * each start (its data is thrown away first, so the realm always matches this portal's address and certificate).
 * Keycloak needs Java 21 or later: the Temurin JDK under {@code /usr/lib/jvm}, or {@code PORTAL_KEYCLOAK_JAVA_HOME}.
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    public static final String REALM = "inspectorates";
    /** The password of the realm's test users (a local test identity provider: no real person's account). */
    public static final String USER_PASSWORD = "Keycloak-test-2026!";
    private static final String REALM_RESOURCE = "/keycloak/inspectorates-realm.json";

    /** The portal as Keycloak's SAML client: entity id, assertion consumer service, signing certificate. */
    public record ServiceProvider(String entityId, String baseUrl, String assertionConsumerServiceUrl,
                                  String certificateBase64) {
    }

    /** A user of the test realm, as printed by the launcher. */
    public record RealmUser(String username, String who) {
    }

    private final Process process;
    private final int port;
    private final Path logFile;

    private EmbeddedKeycloak(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    public static List<RealmUser> users() {
        return List.of(
                new RealmUser("jo.inspector", "Jo Inspector, Ofsted inspector on the inspection team"),
                new RealmUser("remi.reader", "Remi Reader, Ofsted reader on the social care policy team"),
                new RealmUser("casey.elsewhere", "says organisation=cqc: refused (Ofsted's IdP cannot vouch for CQC)"));
    }

    /**
     * Unpacks the distribution into {@code home} (once), writes the realm for the portal and starts Keycloak; call
     * {@link #awaitReady} before use.
     */
    public static EmbeddedKeycloak start(Path distributionZip, Path home, Path javaHome, int port,
                                         ServiceProvider portal, Path logFile) throws IOException {
        if (!Files.isRegularFile(distributionZip)) {
            throw new IOException("Keycloak distribution not found at " + distributionZip.toAbsolutePath()
                    + " (the deploy module's build copies it there from Maven Central: mvn -B -q package -DskipTests)");
        }
        home = home.toAbsolutePath().normalize();
        unpackOnce(distributionZip, home);
        Folders.deleteQuietly(home.resolve("data"));
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.writeString(imports.resolve(REALM + "-realm.json"), realm(portal), StandardCharsets.UTF_8);
        Files.createDirectories(logFile.getParent());

        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setpriv").canExecute()) {
            command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "TERM", "--"));
        }
        String base = "http://127.0.0.1:" + port;
        command.addAll(List.of("/bin/bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + PortFinder.freePort(),
                "--hostname=" + base, "--import-realm", "--log-console-color=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA", javaHome.resolve("bin/java").toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().remove("KC_BOOTSTRAP_ADMIN_PASSWORD");
        return new EmbeddedKeycloak(builder.start(), port, logFile);
    }

    /** Waits until the realm's SAML metadata is served (Keycloak up and the realm imported). */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with code " + process.exitValue() + " during start-up; log: "
                        + logFile + System.lineSeparator() + PayaraMicroProcess.tail(logFile, 40, 0));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(metadataUrl()))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // keep waiting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("Keycloak was not ready within " + timeout.toSeconds() + " s; log: " + logFile);
            }
            Thread.sleep(500);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The identity provider's SAML metadata, as the portal's {@code PORTAL_SAML_IDP_OFSTED_METADATA}. */
    public String metadataUrl() {
        return baseUrl() + "/realms/" + REALM + "/protocol/saml/descriptor";
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : descendants) {
                child.onExit().get(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception slow) {
            // forced below
        }
        process.destroyForcibly();
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The realm of the repository with the portal's address and certificate filled in. */
    static String realm(ServiceProvider portal) throws IOException {
        try (InputStream in = EmbeddedKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + REALM_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@@SP_ENTITY_ID@@", portal.entityId())
                    .replace("@@SP_BASE_URL@@", portal.baseUrl())
                    .replace("@@SP_ACS_URL@@", portal.assertionConsumerServiceUrl())
                    .replace("@@SP_CERTIFICATE@@", portal.certificateBase64())
                    .replace("@@USER_PASSWORD@@", USER_PASSWORD);
        }
    }

    /** A JDK of version 21 or later: {@code PORTAL_KEYCLOAK_JAVA_HOME}, the running one, or one under /usr/lib/jvm. */
    public static Optional<Path> javaHome() {
        Optional<String> configured = Settings.get("portal.keycloak.java-home");
        if (configured.isPresent()) {
            return Optional.of(Path.of(configured.get()));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> candidates = Files.list(jvms)) {
            return candidates.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> featureVersion(jdk) >= 21)
                    .max(Comparator.comparingInt(EmbeddedKeycloak::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(release)) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Unpacks the zip (without its top folder) unless this very zip was unpacked there before. */
    private static void unpackOnce(Path zip, Path home) throws IOException {
        Path marker = home.resolve(".unpacked-from");
        String stamp = zip.getFileName() + " " + Files.size(zip) + " " + Files.getLastModifiedTime(zip).toMillis();
        if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(stamp)) {
            return;
        }
        Folders.deleteQuietly(home);
        Files.createDirectories(home);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("unexpected entry in " + zip + ": " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Files.writeString(marker, stamp, StandardCharsets.UTF_8);
    }
}
