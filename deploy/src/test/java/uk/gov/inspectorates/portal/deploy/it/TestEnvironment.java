package uk.gov.inspectorates.portal.deploy.it;

import io.minio.MinioClient;
import uk.gov.inspectorates.portal.deploy.EmbeddedObjectStoreServer;
import uk.gov.inspectorates.portal.deploy.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the integration tests share in one test JVM: ONE embedded PostgreSQL, ONE S3Proxy over a folder, and a
 * keystore location, started by {@link PortalTestEnvironmentListener} before any test (and before Arquillian
 * reads {@code arquillian.xml}), stopped when the JUnit session closes.
 *
 * <p>The Payara Micro that Arquillian starts gets the same settings as {@code -Dportal.*} options, so a test can
 * look behind the portal: rows in the database, and the exact bytes that reached object storage.
 */
public final class TestEnvironment {

    public static final String BUCKET = "portal-documents";
    public static final String REGION = "eu-west-2";
    public static final String DEMO_PASSWORD = "Demo-portal-2026!";
    /** The demo users' authenticator secret (the published demo default). */
    public static final String DEMO_TOTP_SECRET = uk.gov.inspectorates.portal.deploy.EmbeddedPortalSettings.DEMO_TOTP_SECRET;
    /** Small, so that the oversized-upload tests stay quick. */
    public static final long UPLOAD_MAX_BYTES = 16L * 1024 * 1024;
    /** Resumable uploads' part size in the tests: S3's (and S3Proxy's) smallest, so a 12 MiB file is 3 parts. */
    public static final int UPLOAD_PART_BYTES = 5 * 1024 * 1024;
    /** Scan windows in the tests: a file of a few MiB is scanned as several overlapping windows. */
    public static final long SCAN_WINDOW_BYTES = 2L * 1024 * 1024;
    public static final long SCAN_OVERLAP_BYTES = 64L * 1024;

    private static volatile TestEnvironment current;
    private static volatile TestClamd clamd;
    private static volatile com.icegreen.greenmail.util.GreenMail mail;

    /** The sender the portal's notices come from in the tests. */
    public static final String MAIL_FROM = "no-reply@portal.test";

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedObjectStoreServer objectStore;
    private final Path workDirectory;
    private final Path keystorePath;
    private final String keystorePassword;

    TestEnvironment(EmbeddedPostgresServer postgres, EmbeddedObjectStoreServer objectStore, Path workDirectory,
                    Path keystorePath, String keystorePassword) {
        this.postgres = postgres;
        this.objectStore = objectStore;
        this.workDirectory = workDirectory;
        this.keystorePath = keystorePath;
        this.keystorePassword = keystorePassword;
    }

    static void set(TestEnvironment environment) {
        current = environment;
    }

    private static TestEnvironment get() {
        TestEnvironment e = current;
        if (e == null) {
            throw new IllegalStateException("the test environment is not running: run integration tests with "
                    + "failsafe (mvn verify), which sets portal.war; PortalTestEnvironmentListener starts it");
        }
        return e;
    }

    public static boolean isRunning() {
        return current != null;
    }

    static void setClamd(TestClamd testClamd) {
        clamd = testClamd;
    }

    static void setMail(com.icegreen.greenmail.util.GreenMail greenMail) {
        mail = greenMail;
    }

    /** The SMTP server (GreenMail) the deployed portal's notices go to. */
    public static com.icegreen.greenmail.util.GreenMail mail() {
        com.icegreen.greenmail.util.GreenMail m = mail;
        if (m == null) {
            throw new IllegalStateException("the SMTP server is not running: PortalTestEnvironmentListener starts it");
        }
        return m;
    }

    // ---- clamd (real, with the test signature database)

    private static TestClamd clamd() {
        TestClamd c = clamd;
        if (c == null) {
            throw new IllegalStateException("clamd is not running: PortalTestEnvironmentListener starts it");
        }
        return c;
    }

    /** Stops the tests' clamd (the portal then refuses uploads); {@link #startClamd()} brings it back. */
    static void stopClamd() {
        clamd().stop();
    }

    /** Starts the tests' clamd again on its port, if stopped. */
    static void startClamd() {
        clamd().startAgain();
    }

    // ---- the portal WAR and Payara Micro

    /** The built WAR ({@code deploy/target/portal.war}, system property {@code portal.war}). */
    /** The scraper's token of the test portal's /metrics (docs/adr/0047): generated for each run, a test value. */
    public static final String METRICS_TOKEN = "test-metrics-token-" + java.util.UUID.randomUUID();

    public static Path warFile() {
        return Path.of(System.getProperty("portal.war", "target/portal.war"));
    }

    // ---- PostgreSQL

    /** {@code jdbc:postgresql://127.0.0.1:<port>/portal} */
    public static String jdbcUrl() {
        return get().postgres.jdbcUrl();
    }

    public static String dbUser() {
        return get().postgres.user();
    }

    public static String dbPassword() {
        return get().postgres.password();
    }

    /** The role that owns the schema and runs the migrations (docs/adr/0032); {@link #dbUser()} is the portal's. */
    public static String dbOwnerUser() {
        return get().postgres.ownerUser();
    }

    /** A connection as the portal's own role (what the application sees). */
    public static Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), dbUser(), dbPassword());
    }

    /** A superuser connection to the portal database (e.g. to truncate tables between tests). */
    /** The portal's own database account, as a DataSource for the portal's repositories used from a test. */
    public static javax.sql.DataSource portalDataSource() {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        dataSource.setUser(dbUser());
        dataSource.setPassword(dbPassword());
        return dataSource;
    }

    /** The portal's master keystore, opened read-only (never created) for a test that must wrap or unwrap as it does. */
    public static uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing portalMasterKeys() {
        try {
            return uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing.openOrCreate(keystorePath(),
                    keystorePassword().toCharArray(), false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the portal's keystore " + keystorePath(), e);
        }
    }

    public static Connection openSuperuserConnection() throws SQLException {
        return get().postgres.superuserConnection();
    }

    /** The single number a query such as {@code select count(*) from ...} answers, from the portal's database. */
    /** The number a {@code select count(*) ...} answers, with its {@code ?} parameters (strings, null allowed). */
    /**
     * Waits until {@link #count} reaches {@code expected}: for what the portal does just after a visible effect (an
     * e-mail handed to the relay is marked sent in the outbox a moment later).
     */
    public static void awaitCount(String sql, long expected, java.time.Duration timeout, Object... parameters)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long found;
        while ((found = count(sql, parameters)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + found + " rows, not " + expected + ", after " + timeout + ": "
                        + sql);
            }
            Thread.sleep(50);
        }
    }

    public static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = openSuperuserConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The portal.* settings published for Arquillian's Payara, for a Payara Micro that a test starts itself. */
    public static java.util.Map<String, String> portalSettings() {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("portal.") && !name.equals("portal.war") && !name.startsWith("portal.test.")) {
                properties.put(name, System.getProperty(name));
            }
        }
        return properties;
    }

    /** Stops PostgreSQL, keeping its data (a database outage); {@link #startDatabase()} brings it back. */
    static void stopDatabase() throws IOException {
        get().postgres.stop();
    }

    /** Starts PostgreSQL again on the same folder and port. */
    static void startDatabase() throws IOException {
        get().postgres.startAgain();
    }

    // ---- object storage (S3Proxy)

    public static String s3Endpoint() {
        return get().objectStore.endpoint();
    }

    public static String s3AccessKey() {
        return get().objectStore.accessKey();
    }

    public static String s3SecretKey() {
        return get().objectStore.secretKey();
    }

    public static String s3Bucket() {
        return BUCKET;
    }

    public static String s3Region() {
        return REGION;
    }

    /** A MinIO client for the test object store (list the bucket, read what the portal stored). */
    public static MinioClient minioClient() {
        return MinioClient.builder().endpoint(s3Endpoint()).credentials(s3AccessKey(), s3SecretKey())
                .region(REGION).build();
    }

    /** The folder under which each bucket is a sub-folder (S3Proxy's filesystem store). */
    public static Path objectStoreDirectory() {
        return get().objectStore.rootDirectory();
    }

    /** The folder holding the objects of the portal's bucket: every regular file under it is stored bytes. */
    public static Path bucketDirectory() {
        return get().objectStore.bucketDirectory(BUCKET);
    }

    /** Every regular file under the bucket folder (object bodies; S3Proxy keeps metadata in extended attributes). */
    public static List<Path> storedFiles() {
        Path bucket = bucketDirectory();
        if (!Files.isDirectory(bucket)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops S3Proxy (an object store outage); {@link #startObjectStore()} brings it back on the same port. */
    static void stopObjectStore() {
        get().objectStore.stop();
    }

    static void startObjectStore() throws IOException {
        get().objectStore.startAgain();
    }

    /** Creates the bucket again if a test removed it. */
    public static void ensureBucket() {
        get().objectStore.ensureBucket(BUCKET);
    }

    // ---- keys and files

    /** Where the portal keeps its master keystore (created by the portal on first start, local environment). */
    public static Path keystorePath() {
        return get().keystorePath;
    }

    public static String keystorePassword() {
        return get().keystorePassword;
    }

    /** The portal's {@code portal.data-dir}. */
    public static Path dataDirectory() {
        return get().workDirectory.resolve("data");
    }

    /** PostgreSQL's data folder (tables and WAL). */
    public static Path postgresDirectory() {
        return get().workDirectory.resolve("postgres");
    }

    /** The folder of this test run ({@code deploy/target/it-work}): database, objects, keys, data. */
    public static Path workDirectory() {
        return get().workDirectory;
    }

    /** The demo users' TOTP secret (Base32), as the portal is given it. */
    public static String demoTotpSecret() {
        return System.getProperty("portal.demo.totp-secret", DEMO_TOTP_SECRET);
    }

    public static String demoPassword() {
        return System.getProperty("portal.demo.password", DEMO_PASSWORD);
    }
}
