package uk.gov.inspectorates.portal.deploy;

import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.security.keystore.SigningKeyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the portal on this machine: embedded PostgreSQL (data kept in {@code <dataDir>/postgres}), S3Proxy over
 * {@code <dataDir>/objects}, clamd when it is installed ({@link EmbeddedClamd}; without it every upload is refused
 * with a 503), and Payara Micro with the WAR, in demo mode. Ctrl+C or SIGTERM stops them all.
 *
 * <p>Settings (system property or environment variable): {@code PORTAL_DATA_DIR} (default
 * {@code <repository>/portal-data}), {@code PORTAL_PORT} (8080), {@code PORTAL_DB_PORT} and
 * {@code PORTAL_S3_PORT} (default: free ports), {@code PORTAL_START_TIMEOUT} (seconds, 300),
 * {@code PORTAL_WITH_KEYCLOAK} (1: also Keycloak as Ofsted's SAML identity provider, {@link EmbeddedKeycloak}), plus any
 * {@code PORTAL_*} setting of the portal itself, which is passed through.
 */
public final class LocalPortal {

    static final String DEFAULT_DEMO_PASSWORD = "Demo-portal-2026!";
    static final String DEFAULT_DEMO_TOTP_SECRET = EmbeddedPortalSettings.DEMO_TOTP_SECRET;
    private static final String BUCKET_DEFAULT = "portal-documents";

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private volatile boolean shuttingDown;

    public static void main(String[] args) {
        long started = System.nanoTime();
        LocalPortal portal = new LocalPortal();
        Runtime.getRuntime().addShutdownHook(new Thread(portal::shutdown, "local-portal-shutdown"));
        int exitCode;
        try {
            exitCode = portal.run(started);
        } catch (Exception | LinkageError e) {
            if (portal.shuttingDown) {
                return;
            }
            System.err.println();
            System.err.println("The portal did not start: " + e);
            if (e.getCause() != null) {
                System.err.println("  caused by: " + e.getCause());
            }
            exitCode = 1;
        }
        if (!portal.shuttingDown) {
            System.exit(exitCode);
        }
    }

    private int run(long started) throws Exception {
        Path repositoryRoot = repositoryRoot();
        Path dataDir = Settings.get("portal.data-dir").map(Path::of).orElse(repositoryRoot.resolve("portal-data"))
                .toAbsolutePath().normalize();
        Path logs = dataDir.resolve("logs");
        int port = Settings.getInt("portal.port", 8080);
        Path microJar = Settings.get("portal.launcher.micro-jar").map(Path::of)
                .orElse(repositoryRoot.resolve("deploy/target/payara-micro.jar"));
        Path war = Settings.get("portal.launcher.war").map(Path::of)
                .orElse(repositoryRoot.resolve("deploy/target/portal.war"));
        Duration startTimeout = Duration.ofSeconds(Settings.getInt("portal.start-timeout", 300));

        if (PortFinder.inUse(port)) {
            throw new IOException("port " + port + " is already in use (set PORTAL_PORT to use another)");
        }
        createPrivateDirectory(dataDir);
        Files.createDirectories(logs);
        System.out.println("Portal data: " + dataDir);

        Path keystorePath = Settings.get("portal.keystore.path").map(Path::of)
                .orElse(dataDir.resolve("keys/master.bcfks")).toAbsolutePath();
        String keystorePassword = Settings.get("portal.keystore.password")
                .orElseGet(() -> localKeystorePassword(dataDir.resolve("keys")));

        // started first and waited for last: Keycloak takes longest to boot
        Map<String, String> samlConfig = new LinkedHashMap<>();
        Optional<EmbeddedKeycloak> keycloak = withKeycloak()
                ? Optional.of(startKeycloak(repositoryRoot, dataDir, logs, port, samlConfig)) : Optional.empty();

        step("PostgreSQL");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                Settings.getInt("portal.db.port", 0), true, Optional.of(logs.resolve("postgres.log")));
        register(postgres);
        done(started, "127.0.0.1:" + postgres.port());

        String bucket = Settings.get("portal.s3.bucket", BUCKET_DEFAULT);
        step("object store (S3Proxy)");
        EmbeddedObjectStoreServer objects = EmbeddedObjectStoreServer.start(dataDir.resolve("objects"),
                Settings.getInt("portal.s3.port", 0), bucket);
        register(objects);
        done(started, objects.endpoint());

        // the portal never accepts an unscanned file: without clamd it runs, but refuses every upload with a 503
        Map<String, String> scannerConfig = new LinkedHashMap<>();
        String scanning;
        boolean scannerExpected = true;
        step("malware scanner (clamd)");
        Optional<Path> clamdExecutable = EmbeddedClamd.executable();
        if (Settings.get("portal.clamd.host").isPresent()) {
            String where = Settings.get("portal.clamd.host").get() + ":" + Settings.get("portal.clamd.port", "3310");
            done(started, "using " + where + " (PORTAL_CLAMD_HOST)");
            scanning = "Malware scanning: ON (clamd at " + where + ", from PORTAL_CLAMD_HOST)";
        } else if (clamdExecutable.isPresent()) {
            Path clamdDirectory = dataDir.resolve("clamd");
            EmbeddedClamd.writeEicarSignature(clamdDirectory.resolve("db"));
            EmbeddedClamd clamd = EmbeddedClamd.start(clamdExecutable.get(), clamdDirectory,
                    clamdDirectory.resolve("db"), Settings.getInt("portal.clamd.port", 0),
                    Long.parseLong(Settings.get("portal.upload.max-bytes", "209715200")), logs.resolve("clamd.log"));
            register(clamd);
            scannerConfig.put("portal.clamd.host", clamd.host());
            scannerConfig.put("portal.clamd.port", Integer.toString(clamd.port()));
            done(started, clamd.host() + ":" + clamd.port());
            scanning = "Malware scanning: ON (clamd " + clamd.host() + ":" + clamd.port() + ", local test signatures "
                    + "only: EICAR; production needs freshclam-updated signatures)";
        } else {
            System.out.println("not installed");
            scanning = "WARNING: clamd not installed: uploads will be refused with 503 until it is "
                    + "(scripts/install-deps installs Debian's clamav-daemon)";
            scannerExpected = false;
        }

        Map<String, String> config = EmbeddedPortalSettings.of(postgres, objects, bucket, keystorePath,
                keystorePassword, dataDir);
        config.put("portal.environment", Settings.get("portal.environment", "local"));
        config.put("portal.demo.enabled", Settings.get("portal.demo.enabled", "true"));
        config.put("portal.demo.totp-secret", Settings.get("portal.demo.totp-secret", DEFAULT_DEMO_TOTP_SECRET));
        config.put("portal.cookie.secure", Settings.get("portal.cookie.secure", "false"));
        // the address in e-mailed links; without PORTAL_SMTP_HOST notices are only logged (docs/adr/0023)
        config.put("portal.public-url", Settings.get("portal.public-url", "http://localhost:" + port));
        config.putAll(scannerConfig);
        config.putAll(samlConfig);
        if (keycloak.isPresent()) {
            step("Keycloak (log: " + keycloak.get().logFile() + ")");
            keycloak.get().awaitReady(startTimeout);
            done(started, keycloak.get().baseUrl());
        }

        step("Payara Micro with the portal (log: " + logs.resolve("payara.log") + ")");
        PayaraMicroProcess payara = PayaraMicroProcess.start(microJar, war, port,
                PayaraMicroProcess.asEnvironment(config), List.of(), logs.resolve("payara.log"),
                dataDir.resolve("payara.pid"));
        register(payara::close);
        try {
            if (scannerExpected) {
                payara.awaitReady(startTimeout);
            } else {
                payara.awaitLive(startTimeout); // not ready (by design) while there is no scanner
            }
        } catch (IOException e) {
            if (shuttingDown) {
                return 130;
            }
            System.out.println();
            System.err.println("The portal did not start: " + e.getMessage());
            System.err.println("---- last lines of " + payara.logFile() + " ----");
            System.err.println(payara.logTail(60));
            System.err.println("----");
            return 1;
        }
        done(started, "pid " + payara.pid());

        printBanner(port, seconds(started));
        keycloak.ifPresent(LocalPortal::printKeycloak);
        System.out.println(scanning);

        int exit = payara.waitForExit();
        if (shuttingDown) {
            return 0;
        }
        System.err.println("Payara Micro stopped unexpectedly (exit code " + exit + "). Last lines of "
                + payara.logFile() + ":");
        System.err.println(payara.logTail(60));
        return 1;
    }

    private void printBanner(int port, String elapsed) {
        String url = "http://localhost:" + port + "/";
        Optional<String> demoPassword = Settings.get("portal.demo.password");
        StringBuilder out = new StringBuilder();
        out.append(System.lineSeparator())
           .append("The portal is running at ").append(url).append("  (started in ").append(elapsed).append(" s)")
           .append(System.lineSeparator()).append(System.lineSeparator());
        if (Boolean.parseBoolean(Settings.get("portal.demo.enabled", "true"))) {
            out.append("Demo sign-ins, all with the password ")
               .append(demoPassword.isPresent() ? "set in PORTAL_DEMO_PASSWORD"
                       : DEFAULT_DEMO_PASSWORD + "  (the default; set PORTAL_DEMO_PASSWORD to change it)")
               .append(':').append(System.lineSeparator());
            int width = DemoDirectory.users().stream().mapToInt(u -> u.username().length()).max().orElse(10);
            for (DemoDirectory.DemoUser user : DemoDirectory.users()) {
                out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s, %s: %s%n",
                        user.username(), user.displayName(), user.organisation(), user.roleSummary()));
            }
            String secret = Settings.get("portal.demo.totp-secret", DEFAULT_DEMO_TOTP_SECRET);
            out.append("and, as security code, the current TOTP code of the demo secret ").append(secret)
               .append(Settings.get("portal.demo.totp-secret").isPresent() ? "  (from PORTAL_DEMO_TOTP_SECRET)"
                       : "  (the default; set PORTAL_DEMO_TOTP_SECRET to change it)").append(System.lineSeparator())
               .append("  get a code with: scripts/demo-code   (or: oathtool --totp -b ").append(secret)
               .append(", or add the secret to an authenticator app)").append(System.lineSeparator())
               .append("  each code works once per user; the next one comes within 30 s").append(System.lineSeparator())
               .append("E-mail notices (invitations, password resets, requests, reminders, shared reports) are ")
               .append("written to the portal log instead of sent, unless PORTAL_SMTP_HOST is set")
               .append(System.lineSeparator());
            out.append(System.lineSeparator());
        }
        out.append("Press Ctrl+C to stop.");
        System.out.println(out);
    }

    /** {@code scripts/run --with-keycloak} or {@code PORTAL_WITH_KEYCLOAK=1}: Keycloak as Ofsted's identity provider. */
    private static boolean withKeycloak() {
        String value = Settings.get("portal.with-keycloak", "false");
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    /**
     * Starts Keycloak with the realm made for this portal: the service provider's signing key is made once in
     * {@code <dataDir>/saml} (its certificate goes into the realm) and the portal is pointed at Keycloak's metadata.
     */
    private EmbeddedKeycloak startKeycloak(Path repositoryRoot, Path dataDir, Path logs, int port,
                                           Map<String, String> samlConfig) throws IOException {
        Path javaHome = EmbeddedKeycloak.javaHome().orElseThrow(() -> new IOException(
                "Keycloak needs Java 21 or later: install one under /usr/lib/jvm or set PORTAL_KEYCLOAK_JAVA_HOME"));
        Path keyFolder = dataDir.resolve("saml");
        SigningKeyFiles key = SigningKeyFiles.generateIfMissing(keyFolder, "Inspectorates portal SAML signing (local)");
        String base = Settings.get("portal.saml.sp.base-url", "http://localhost:" + port);
        Path zip = Settings.get("portal.launcher.keycloak-zip").map(Path::of)
                .orElse(repositoryRoot.resolve("deploy/target/keycloak-quarkus-dist.zip"));
        int keycloakPort = Settings.getInt("portal.keycloak.port", 0);
        EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(zip, dataDir.resolve("keycloak"), javaHome,
                keycloakPort == 0 ? PortFinder.freePort() : keycloakPort,
                new EmbeddedKeycloak.ServiceProvider(base + "/saml/metadata", base, base + "/saml/acs",
                        key.certificateBase64()), logs.resolve("keycloak.log"));
        register(keycloak);
        samlConfig.put("portal.saml.sp.base-url", base);
        samlConfig.put("portal.saml.sp.key", keyFolder.resolve(SigningKeyFiles.KEY_FILE).toString());
        samlConfig.put("portal.saml.sp.certificate", keyFolder.resolve(SigningKeyFiles.CERTIFICATE_FILE).toString());
        samlConfig.put("portal.saml.idp.ofsted.metadata", keycloak.metadataUrl());
        return keycloak;
    }

    private static void printKeycloak(EmbeddedKeycloak keycloak) {
        StringBuilder out = new StringBuilder("Keycloak is Ofsted's identity provider at ").append(keycloak.baseUrl())
                .append(" (realm ").append(EmbeddedKeycloak.REALM).append("). On the sign-in page choose Ofsted under ")
                .append("\"Sign in with your inspectorate's account\", then sign in at Keycloak with the password ")
                .append(EmbeddedKeycloak.USER_PASSWORD).append(" as:").append(System.lineSeparator());
        for (EmbeddedKeycloak.RealmUser user : EmbeddedKeycloak.users()) {
            out.append(String.format(Locale.ROOT, "  %-16s %s%n", user.username(), user.who()));
        }
        System.out.println(out);
    }

    private void register(AutoCloseable resource) {
        synchronized (running) {
            running.push(resource);
        }
    }

    /** Stops Payara, then clamd, S3Proxy and PostgreSQL (the reverse of the start order). */
    private void shutdown() {
        shuttingDown = true;
        synchronized (running) {
            if (running.isEmpty()) {
                return;
            }
            System.out.println();
            System.out.println("Stopping the portal...");
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    System.err.println("  while stopping: " + e.getMessage());
                }
            }
            System.out.println("Stopped.");
        }
    }

    private static void step(String what) {
        System.out.print("Starting " + what + "... ");
        System.out.flush();
    }

    private static void done(long started, String detail) {
        System.out.println("ok, " + detail + " (" + seconds(started) + " s)");
    }

    private static String seconds(long started) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9);
    }

    /**
     * The repository root: the {@code portal.repository-root} property, else the nearest folder upwards from
     * the working directory that holds {@code deploy/pom.xml}, else the working directory.
     */
    static Path repositoryRoot() {
        Optional<String> configured = Settings.get("portal.repository-root");
        if (configured.isPresent()) {
            return Path.of(configured.get()).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/pom.xml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return cwd;
    }

    /**
     * The local keystore password: made once, kept in {@code keys/keystore-password} readable by the owner only.
     * (Local runs only: production passes PORTAL_KEYSTORE_PASSWORD from its secret store.)
     */
    static String localKeystorePassword(Path keysDirectory) {
        try {
            createPrivateDirectory(keysDirectory);
            Path file = keysDirectory.resolve("keystore-password");
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!existing.isEmpty()) {
                    return existing;
                }
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return password;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the local keystore password in " + keysDirectory, e);
        }
    }

    static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
}
