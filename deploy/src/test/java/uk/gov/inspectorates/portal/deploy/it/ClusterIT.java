package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;
import uk.gov.inspectorates.portal.deploy.PortFinder;
import uk.gov.inspectorates.portal.security.keystore.SigningKeyFiles;
import uk.gov.inspectorates.portal.security.saml.ItIdentityProvider;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * Two portal instances (Payara Micro) on loopback behind HAProxy, sharing the test JVM's PostgreSQL, S3Proxy and
 * clamd (docs/adr/0043, docs/operations/cluster.md). Not part of the normal build: {@code scripts/cluster-test}
 * (Maven profile {@code cluster}) runs it. The last test kill -9s the instance that served a sign-in and carries on
 * in the same session on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String SERVED_BY = "X-Served-By";
    private static final Pattern SAML_REQUEST = Pattern.compile("SAMLRequest=([^&]+)");
    private static final Pattern REQUEST_ID = Pattern.compile("\\sID=\"([^\"]+)\"");
    /** {@code -Dcluster.candidate=data-grid -Dcluster.war=...}: only the measurement, of Payara's data grid. */
    private static final boolean DATA_GRID = "data-grid".equals(System.getProperty("cluster.candidate"));
    private static final String JTAI_POLICY = "/api/v1/retention-policies/JTAI_AFTER_CLOSURE";

    private static final List<PayaraMicroProcess> instances = new ArrayList<>();
    private static Process haproxy;
    private static URI front;
    private static URI first;
    private static URI second;
    private static ItIdentityProvider identityProvider;

    @BeforeAll
    static void startTwoInstancesBehindHaproxy() throws Exception {
        long started = System.nanoTime();
        Path work = TestEnvironment.workDirectory().resolve("cluster");
        Files.createDirectories(work);
        int[] ports = {PortFinder.freePort(), PortFinder.freePort(), PortFinder.freePort(), PortFinder.freePort()};
        front = URI.create("http://127.0.0.1:" + ports[0]);
        first = URI.create("http://127.0.0.1:" + ports[1]);
        second = URI.create("http://127.0.0.1:" + ports[2]);

        SigningKeyFiles.generateIfMissing(work.resolve("sp"), "ClusterIT service provider");
        identityProvider = new ItIdentityProvider("https://idp.cluster.test/realms/ofsted", work);
        Map<String, String> settings = TestEnvironment.portalSettings();
        settings.put("portal.saml.sp.base-url", front.toString());
        settings.put("portal.saml.sp.key", work.resolve("sp").resolve(SigningKeyFiles.KEY_FILE).toString());
        settings.put("portal.saml.sp.certificate",
                work.resolve("sp").resolve(SigningKeyFiles.CERTIFICATE_FILE).toString());
        settings.put("portal.saml.idp.ofsted.metadata", identityProvider.metadataFile().toString());
        // each instance schedules the retention run every 2 s; the cluster lock lets one of them run it at a time
        settings.put("portal.removal.interval-seconds", "2");

        haproxy = startHaproxy(work, ports);
        // the measurement of the alternative (docs/adr/0043): a WAR keeping the session in HttpSession, marked
        // distributable, on Payara Micro instances clustered through their data grid on loopback
        Path war = DATA_GRID ? Path.of(System.getProperty("cluster.war")) : TestEnvironment.warFile();
        // (backups on a member of the same address, else a kill -9 loses the sessions whatever the grid could do)
        List<String> clusterOptions = DATA_GRID ? List.of("--clustername", "cluster-it-" + ports[0],
                "--clustermode", "tcpip:127.0.0.1:" + ports[3] + ",127.0.0.1:" + (ports[3] + 1),
                "--startport", Integer.toString(ports[3]), "--interfaces", "127.0.0.1", "--nohostaware")
                : List.of("--nocluster");
        // one after the other: the first creates the keystores and migrates the schema that both share
        for (int i = 1; i <= 2; i++) {
            PayaraMicroProcess instance = PayaraMicroProcess.start(Path.of(System.getProperty("payara.microJar")),
                    war, ports[i], PayaraMicroProcess.asEnvironment(settings),
                    List.of("-Xmx384m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")), clusterOptions,
                    work.resolve("payara-" + i + ".log"), work.resolve("payara-" + i + ".pid"));
            instances.add(instance);
            try {
                instance.awaitReady(Duration.ofSeconds(240));
            } catch (Exception e) {
                throw new AssertionError("instance " + i + " did not start: " + e.getMessage() + "\n"
                        + instance.logTail(80), e);
            }
        }
        awaitBothBehindHaproxy();
        System.out.printf("[ClusterIT] two instances behind HAProxy %s ready after %.1f s%n", front,
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopAll() {
        if (haproxy != null) {
            haproxy.destroy();
        }
        instances.forEach(instance -> instance.stop(Duration.ofSeconds(20)));
    }

    @Test
    @Order(1)
    void aReportUploadedThroughOneInstanceIsDownloadedThroughTheOther() throws Exception {
        assumeFalse(DATA_GRID, "measuring the data grid only");
        PortalApi onFirst = PortalApi.newSignIn(first, "ofsted.inspector");
        byte[] pdf = TestPdf.withText("ClusterIT: uploaded through the first instance");
        String id = onFirst.shareValidReport(pdf);

        HttpResponse<byte[]> content = onFirst.via(second).getBytes("/api/v1/reports/" + id + "/content");

        assertEquals(200, content.statusCode(), "the session and the report, on the other instance");
        StampedCopy.assertStampedCopyOf(pdf, content.body(), "the copy served by the other instance");
    }

    @Test
    @Order(2)
    void aSamlResponseUsedOnOneInstanceIsRefusedWhenReplayedToTheOther() throws Exception {
        assumeFalse(DATA_GRID, "measuring the data grid only");
        CookieJar browser = new CookieJar();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(first.resolve("/saml/login?inspectorate=OFSTED"))
                .GET());
        assertEquals(302, login.statusCode(), login.body());
        String requestId = requestIdOf(login.headers().firstValue("Location").orElseThrow());
        String response = identityProvider.signedResponse(requestId, front + "/saml/acs", front + "/saml/metadata",
                "cluster.inspector@ofsted.test");
        long refusedBefore = samlRefusals();

        HttpResponse<String> accepted = browser.postForm(first.resolve("/saml/acs"), "SAMLResponse", response);
        assertEquals(303, accepted.statusCode(), "the first instance signs the inspector in: " + accepted.body());

        HttpResponse<String> replayed = browser.postForm(second.resolve("/saml/acs"), "SAMLResponse", response);
        assertEquals(403, replayed.statusCode(), "the same response posted to the other instance");
        assertEquals(refusedBefore + 1, samlRefusals(), "refused and audited");
    }

    @Test
    @Order(3)
    void aDueRemovalIsDoneOnceThoughBothInstancesScheduleTheRetentionRun() throws Exception {
        assumeFalse(DATA_GRID, "measuring the data grid only");
        PortalApi admin = PortalApi.newSignIn(front, "ofsted.admin");
        HttpResponse<String> window = admin.putJson(JTAI_POLICY, "{\"amount\":0,\"unit\":\"CALENDAR_DAYS\","
                + "\"action\":\"REMOVE\",\"owner\":\"Ofsted (lead inspectorate of every JTAI)\","
                + "\"reason\":\"ClusterIT: removal at closure\"}");
        assertEquals(200, window.statusCode(), window.body());
        try {
            String inspection = openInspection(PortalApi.newSignIn(front, "ofsted.lead"));
            HttpResponse<String> closed = admin.postJson("/api/v1/inspections/" + inspection + "/closure", "{}");
            assertEquals(201, closed.statusCode(), closed.body());

            // neither instance is asked: their schedules find the due removal
            TestEnvironment.awaitCount("select count(*) from removal where target_id = ? "
                    + "and completed_at is not null", 1, Duration.ofSeconds(60), inspection);

            assertEquals(1, TestEnvironment.count("select count(*) from removal where target_id = ?", inspection));
            assertEquals(1, TestEnvironment.count("select count(*) from removal_certificate where target_id = ?",
                    inspection), "one certificate");
            assertEquals(0, TestEnvironment.count("select count(*) from inspection where id = ?", inspection));
            assertEquals(1, TestEnvironment.count("select count(*) from scheduled_job_run where job = "
                    + "'retention-removals'"));
        } finally {
            // the database is the test JVM's: the window goes back to the default
            HttpResponse<String> restored = admin.putJson(JTAI_POLICY, "{\"amount\":20,\"unit\":\"WORKING_DAYS\","
                    + "\"action\":\"REMOVE\",\"owner\":\"Ofsted (lead inspectorate of every JTAI)\","
                    + "\"reason\":\"ClusterIT: back to the default\"}");
            assertEquals(200, restored.statusCode(), restored.body());
        }
    }

    @Test
    @Order(4)
    void afterTheInstanceThatServedTheSignInIsKilledTheSessionCarriesOnOnTheOther() throws Exception {
        PortalApi inspector = PortalApi.newSignIn(front, "ofsted.inspector");
        HttpResponse<String> me = inspector.get("/api/v1/me");
        assertEquals(200, me.statusCode());
        String servedBy = me.headers().firstValue(SERVED_BY).orElseThrow();
        PayaraMicroProcess killed = instances.get(servedBy.equals("first") ? 0 : 1);
        Traffic traffic = new Traffic(inspector);
        long seconds = Long.getLong("cluster.measureSeconds", 6);
        traffic.run(seconds / 2, "before");

        ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly(); // SIGKILL: nothing of it is shut down
        killed.waitForExit();
        traffic.run(seconds - seconds / 2, "after");
        System.out.println("[ClusterIT] " + (DATA_GRID ? "data grid: " : "PostgreSQL: ") + traffic.report());

        HttpResponse<String> after = inspector.get("/api/v1/me");
        assertEquals(200, after.statusCode(), "the same session, on the instance left: " + after.body());
        assertNotEquals(servedBy, after.headers().firstValue(SERVED_BY).orElseThrow());
        assertTrue(after.body().contains("ofsted.inspector"), after.body());
        String id = inspector.shareValidReport(TestPdf.withText("ClusterIT: shared after the failover"));
        assertEquals(200, inspector.getBytes("/api/v1/reports/" + id + "/content").statusCode(),
                "the CSRF token of the session works on the other instance too");
        assertEquals(List.of(), traffic.failures, "no sign-in or page view failed across the kill -9");
    }

    @Test
    @Order(5)
    void aSessionIdFixedBeforeSignInIsWorthlessAndEachSignInIssuesANewOne() throws Exception {
        assumeFalse(DATA_GRID, "measuring the data grid only");
        String fixed = "fixed-by-an-attacker-0123456789abcdefghijkl";
        CookieJar browser = new CookieJar();
        browser.cookies.put("portal_session", fixed);

        HttpResponse<String> first = browser.send(signIn("ofsted.inspector"));
        assertEquals(200, first.statusCode(), first.body());
        String issued = browser.cookies.get("portal_session");
        assertNotEquals(fixed, issued, "the id presented before sign-in is not the session's");
        HttpResponse<String> second = browser.send(signIn("ofsted.inspector"));
        assertEquals(200, second.statusCode(), second.body());
        assertNotEquals(issued, browser.cookies.get("portal_session"), "a new id at every sign-in");

        for (String old : List.of(fixed, issued)) {
            CookieJar attacker = new CookieJar();
            attacker.cookies.put("portal_session", old);
            assertEquals(401, attacker.send(HttpRequest.newBuilder(front.resolve("/api/v1/me")).GET()).statusCode(),
                    "an id from before the last sign-in signs no one in");
        }
        assertEquals(200, browser.send(HttpRequest.newBuilder(front.resolve("/api/v1/me")).GET()).statusCode());
    }

    private static HttpRequest.Builder signIn(String username) {
        return HttpRequest.newBuilder(front.resolve("/api/v1/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + TestEnvironment.demoPassword() + "\",\"otp\":\"" + TotpCodes.demo(username) + "\"}"));
    }

    /**
     * The measurement of docs/adr/0043: a new sign-in and a page view each second through HAProxy (demo users in
     * turn: each may use a TOTP step once), and a page view in the long-lived session; latencies per phase.
     */
    private static final class Traffic {
        private static final List<String> USERS = List.of("ofsted.lead", "cqc.inspector", "hmic.inspector",
                "cqc.reader", "hmic.reader", "ofsted.admin", "ofsted.siro", "cqc.siro", "ofsted.analyst",
                "hmiprisons.reader", "agency.uploader", "police.uploader", "agency.chief", "agency.admin");
        private final PortalApi kept;
        private final Map<String, List<Long>> signIns = new java.util.LinkedHashMap<>();
        private final Map<String, List<Long>> pageViews = new java.util.LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();
        private int next;

        Traffic(PortalApi kept) {
            this.kept = kept;
        }

        void run(long seconds, String phase) throws Exception {
            long start = System.nanoTime();
            for (int tick = 0; tick < seconds; tick++) {
                String user = USERS.get(next++ % USERS.size());
                long t0 = System.nanoTime();
                PortalApi session;
                try {
                    session = PortalApi.newSignIn(front, user);
                } catch (AssertionError | java.io.IOException refused) {
                    failures.add(phase + " sign-in of " + user + ": " + refused.getMessage());
                    continue;
                }
                long t1 = System.nanoTime();
                HttpResponse<String> page = session.get("/reports");
                long t2 = System.nanoTime();
                HttpResponse<String> keptPage = kept.get("/reports");
                if (page.statusCode() != 200 || keptPage.statusCode() != 200) {
                    failures.add(phase + " page view: " + page.statusCode() + ", kept session " + keptPage.statusCode());
                }
                signIns.computeIfAbsent(phase, p -> new ArrayList<>()).add((t1 - t0) / 1_000_000);
                pageViews.computeIfAbsent(phase, p -> new ArrayList<>()).add((t2 - t1) / 1_000_000);
                long wait = start + TimeUnit.SECONDS.toNanos(tick + 1) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // one sign-in and one page view a second, not as fast as possible
                }
            }
        }

        String report() {
            StringBuilder text = new StringBuilder("a sign-in and a page view per second through HAProxy (ms):");
            for (String phase : signIns.keySet()) {
                text.append(String.format(" %s the kill: sign-in %s, page view %s;", phase,
                        summary(signIns.get(phase)), summary(pageViews.get(phase))));
            }
            return text.append(" failures ").append(failures.size()).toString();
        }

        private static String summary(List<Long> millis) {
            List<Long> sorted = millis.stream().sorted().toList();
            return String.format("n=%d p50=%d p95=%d max=%d", sorted.size(), sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)),
                    sorted.get(sorted.size() - 1));
        }
    }

    // ---- HAProxy

    private static Process startHaproxy(Path work, int[] ports) throws Exception {
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, String.join("\n",
                "global",
                "    maxconn 256",
                "defaults",
                "    mode http",
                "    timeout connect 2s",
                "    timeout client 120s",
                "    timeout server 120s",
                "    retries 3",
                "    option redispatch 1",
                "frontend portal",
                "    bind 127.0.0.1:" + ports[0],
                "    default_backend instances",
                "backend instances",
                "    balance roundrobin",
                "    option httpchk GET /health/ready",
                "    http-check expect status 200",
                "    http-response set-header " + SERVED_BY + " %[srv_name]",
                "    default-server inter 1s fall 1 rise 1",
                "    server first 127.0.0.1:" + ports[1] + " check",
                "    server second 127.0.0.1:" + ports[2] + " check",
                ""));
        Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
        if (process.waitFor(300, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("HAProxy exited with " + process.exitValue() + ": "
                    + Files.readString(work.resolve("haproxy.log")) + " (scripts/install-deps installs it)");
        }
        return process;
    }

    /** Until HAProxy's health checks have seen both instances ready, a request may reach only one of them. */
    private static void awaitBothBehindHaproxy() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.util.Set<String> seen = new java.util.HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.size() < 2) {
            HttpResponse<Void> live = client.send(HttpRequest.newBuilder(front.resolve("/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            live.headers().firstValue(SERVED_BY).ifPresent(seen::add);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("HAProxy sent requests only to " + seen);
            }
            Thread.sleep(100);
        }
    }

    // ---- the inspection, SAML and the audit

    private static String openInspection(PortalApi lead) throws Exception {
        String notifiedOn = new WorkingDayCalendar(GovUkBankHolidays.shipped())
                .plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -2).toString();
        HttpResponse<String> opened = lead.postJson("/api/v1/inspections", "{\"localAuthorityArea\":"
                + "\"northdale\",\"theme\":\"Exploitation\",\"notifiedOn\":\"" + notifiedOn + "\",\"inspectorates\":"
                + "[\"OFSTED\",\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        return PortalApi.idOf(opened.body());
    }

    private static String requestIdOf(String location) throws Exception {
        Matcher parameter = SAML_REQUEST.matcher(location);
        assertTrue(parameter.find(), location);
        byte[] deflated = Base64.getDecoder().decode(java.net.URLDecoder.decode(parameter.group(1),
                StandardCharsets.UTF_8));
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            xml.write(buffer, 0, n);
        }
        Matcher id = REQUEST_ID.matcher(xml.toString(StandardCharsets.UTF_8));
        assertTrue(id.find(), xml.toString(StandardCharsets.UTF_8));
        return id.group(1);
    }

    private static long samlRefusals() throws Exception {
        return TestEnvironment.count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = "
                + "'REFUSED' and detail like 'saml:%'");
    }

    /** A browser without JavaScript: keeps every cookie (Secure ones too, as browsers do for loopback). */
    private static final class CookieJar {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> postForm(URI uri, String name, String value) throws Exception {
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(pair.substring(0, equals).strip());
                } else {
                    cookies.put(pair.substring(0, equals).strip(), value);
                }
            }
            return response;
        }
    }
}
