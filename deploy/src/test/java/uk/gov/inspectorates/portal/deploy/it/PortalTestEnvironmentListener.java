package uk.gov.inspectorates.portal.deploy.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import uk.gov.inspectorates.portal.deploy.EmbeddedObjectStoreServer;
import uk.gov.inspectorates.portal.deploy.Folders;
import uk.gov.inspectorates.portal.deploy.EmbeddedPortalSettings;
import uk.gov.inspectorates.portal.deploy.EmbeddedPostgresServer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the shared {@link TestEnvironment} once per test JVM, before Arquillian reads {@code arquillian.xml},
 * and publishes its settings as the {@code portal.*} system properties used there. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 *
 * <p>Only acts in failsafe's JVM (where the {@code portal.war} property is set), so unit tests of this module
 * start nothing. When the session closes it stops S3Proxy and PostgreSQL, and deletes the
 * {@code arquillian-payara-micro*} folders that the Payara adapter left in the temp directory during the run.
 */
public final class PortalTestEnvironmentListener implements LauncherSessionListener {

    private static final String TEMP_PREFIX = "arquillian-payara-micro";

    private EmbeddedPostgresServer postgres;
    private EmbeddedObjectStoreServer objectStore;
    private TestClamd clamd;
    private GreenMail mail;
    private Set<String> tempFoldersBefore = Set.of();
    private Thread shutdownHook;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("portal.war") == null || TestEnvironment.isRunning()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            tempFoldersBefore = arquillianTempFolders();
            Path work = Path.of(System.getProperty("portal.test.workDir", "target/it-work")).toAbsolutePath();
            Folders.deleteQuietly(work);
            Files.createDirectories(work);

            long t0 = System.nanoTime();
            postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), 0, false,
                    Optional.of(work.resolve("postgres.log")));
            objectStore = EmbeddedObjectStoreServer.start(work.resolve("objects"), 0, TestEnvironment.BUCKET);
            clamd = TestClamd.start(work.resolve("clamd"), 0, TestEnvironment.UPLOAD_MAX_BYTES);
            TestEnvironment.setClamd(clamd);

            Path keys = work.resolve("keys");
            Files.createDirectories(keys);
            Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Path keystore = keys.resolve("master.bcfks");
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String keystorePassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path data = work.resolve("data");
            Files.createDirectories(data);

            TestEnvironment environment = new TestEnvironment(postgres, objectStore, work, keystore, keystorePassword);
            TestEnvironment.set(environment);

            EmbeddedPortalSettings.of(postgres, objectStore, TestEnvironment.BUCKET, keystore, keystorePassword, data)
                    .forEach(System::setProperty);
            System.setProperty("portal.demo.password", TestEnvironment.demoPassword());
            System.setProperty("portal.demo.totp-secret", TestEnvironment.demoTotpSecret());
            System.setProperty("portal.upload.max-bytes", Long.toString(TestEnvironment.UPLOAD_MAX_BYTES));
            // small parts and scan windows, so that the tests' files of a few MiB span several of each
            System.setProperty("portal.upload.part-bytes", Integer.toString(TestEnvironment.UPLOAD_PART_BYTES));
            System.setProperty("portal.scan.window-bytes", Long.toString(TestEnvironment.SCAN_WINDOW_BYTES));
            System.setProperty("portal.scan.overlap-bytes", Long.toString(TestEnvironment.SCAN_OVERLAP_BYTES));
            System.setProperty("portal.metrics.token", TestEnvironment.METRICS_TOKEN);
            System.setProperty("portal.clamd.host", "127.0.0.1");
            System.setProperty("portal.clamd.port", Integer.toString(clamd.port()));
            // a real SMTP server for the portal's notices, polled every second by its delivery worker
            mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            TestEnvironment.setMail(mail);
            System.setProperty("portal.smtp.host", "127.0.0.1");
            System.setProperty("portal.smtp.port", Integer.toString(mail.getSmtp().getPort()));
            System.setProperty("portal.smtp.from", TestEnvironment.MAIL_FROM);
            System.setProperty("portal.smtp.tls", "none");
            System.setProperty("portal.notices.interval-seconds", "1");
            System.out.printf("[portal-it] PostgreSQL %s, S3Proxy %s, clamd 127.0.0.1:%d and SMTP ready in %.1f s "
                    + "(work folder %s)%n", postgres.jdbcUrl(), objectStore.endpoint(), clamd.port(),
                    (System.nanoTime() - t0) / 1e9, work);

            shutdownHook = new Thread(this::stop, "portal-it-environment-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("could not start the integration-test environment", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running stop() anyway
            }
        }
        stop();
    }

    private synchronized void stop() {
        TestEnvironment.set(null);
        TestEnvironment.setClamd(null);
        TestEnvironment.setMail(null);
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (clamd != null) {
            clamd.stop();
            clamd = null;
        }
        if (objectStore != null) {
            objectStore.close();
            objectStore = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("[portal-it] stopping PostgreSQL: " + e);
            }
            postgres = null;
        }
        for (String name : arquillianTempFolders()) {
            if (!tempFoldersBefore.contains(name)) {
                Folders.deleteQuietly(Path.of(System.getProperty("java.io.tmpdir"), name));
            }
        }
    }

    private static Set<String> arquillianTempFolders() {
        File[] found = new File(System.getProperty("java.io.tmpdir"))
                .listFiles((dir, name) -> name.startsWith(TEMP_PREFIX));
        Set<String> names = new HashSet<>();
        if (found != null) {
            for (File f : found) {
                names.add(f.getName());
            }
        }
        return names;
    }
}
