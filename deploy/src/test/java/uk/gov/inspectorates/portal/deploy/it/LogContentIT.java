package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.deploy.PayaraMicroProcess;
import uk.gov.inspectorates.portal.deploy.PortFinder;

/**
 * The log of a real run holds JSON lines and nothing a person sent or is: a portal started by the launcher
 * ({@link PayaraMicroProcess}, the logging production uses) serves a sign-in by a known user (with a known e-mail
 * address), a failed sign-in, an upload with a distinctive file name and title, an upload refused for its content
 * under the same name, and a request refused by a rule; then every line Payara wrote in this run must parse as one
 * JSON object, and none may contain the file name, the title, the user's username, name or e-mail address.
 * The refusal must be there as a line of its own carrying the rule and the request id (docs/configuration.md, Logs).
 */
class LogContentIT {

    private static final String USERNAME = "ofsted.inspector";
    private static final String DISPLAY_NAME = "Olivia Inspector";
    private static final String ANALYST = "ofsted.analyst";
    /**
     * Payara's own plain text, outside java.util.logging: a {@code System.out} of its JDBC runtime at boot, and the
     * "stopped" record its shutdown hook writes after the JVM has reset the log handlers. Not the portal's lines.
     */
    private static final List<Pattern> PAYARAS_OWN_TEXT = List.of(
            Pattern.compile("JdbcRuntimeExtension, {1,2}getAllSystemRAResourcesAndPools = \\[.*\\]"),
            Pattern.compile("[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M "
                    + "fish\\.payara\\.micro\\.impl\\.PayaraMicroImpl\\$1 run"),
            Pattern.compile("INFO: Payara Micro STOPPED\\."));

    @Test
    void aRunsLogIsJsonLinesWithoutFileNamesTitlesNamesOrAddresses() throws Exception {
        String mark = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String fileName = "Child-Zed-Quillfeather-" + mark + ".pdf";
        String title = "Northdale inspection of Quillfeather household " + mark;
        String email = "olivia.quillfeather." + mark + "@ofsted.example.gov.uk";

        Path work = TestEnvironment.workDirectory().resolve("log-content");
        Files.createDirectories(work);
        Path logFile = work.resolve("payara.log");
        Files.deleteIfExists(logFile);
        Map<String, String> environment = PayaraMicroProcess.asEnvironment(TestEnvironment.portalSettings());
        PayaraMicroProcess payara = PayaraMicroProcess.start(Path.of(System.getProperty("payara.microJar")),
                TestEnvironment.warFile(), PortFinder.freePort(), environment, List.of("-Xmx384m"), logFile,
                work.resolve("payara.pid"));
        String refusalRequestId;
        String originalEmail = null;
        boolean emailChanged = false;
        try {
            try {
                payara.awaitReady(Duration.ofSeconds(150));
            } catch (Exception e) {
                throw new AssertionError("Payara did not start: " + e.getMessage() + "\n" + payara.logTail(80), e);
            }
            URI base = URI.create("http://127.0.0.1:" + payara.port() + "/");
            originalEmail = email(USERNAME); // the schema and the demo users exist once the portal is ready
            setEmail(USERNAME, email);
            emailChanged = true;

            HttpResponse<String> wrong = PortalApi.anonymous(base).signIn(USERNAME, "not-the-password", "000000");
            assertEquals(401, wrong.statusCode(), wrong.body());

            PortalApi inspector = PortalApi.newSignIn(base, USERNAME);
            HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport().titled(title).json(),
                    fileName, TestPdf.withText("log content " + mark, 4096));
            assertEquals(201, shared.statusCode(), shared.body());
            HttpResponse<String> refusedUpload = inspector.shareReport(ReportMetadata.aReport().titled(title).json(),
                    fileName, ("not a PDF at all " + mark).getBytes(StandardCharsets.UTF_8));
            assertTrue(refusedUpload.statusCode() >= 400 && refusedUpload.statusCode() < 500, refusedUpload.body());

            PortalApi analyst = PortalApi.newSignIn(base, ANALYST);
            HttpResponse<String> refused = analyst.shareReport(ReportMetadata.aReport().titled(title).json(),
                    fileName, TestPdf.withText("log content refused " + mark, 4096));
            assertEquals(403, refused.statusCode(), refused.body());
            refusalRequestId = refused.headers().firstValue("X-Request-Id").orElseThrow(
                    () -> new AssertionError("no X-Request-Id on the refusal"));
        } finally {
            payara.stop(Duration.ofSeconds(20));
            if (emailChanged) {
                setEmail(USERNAME, originalEmail);
            }
        }

        List<String> lines = thisRunsLines(logFile);
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String secret : List.of(fileName, mark, title, USERNAME, DISPLAY_NAME, email)) {
                assertTrue(!lower.contains(secret.toLowerCase(Locale.ROOT)),
                        "the log names something a person sent or is (" + secret + "): " + line);
            }
            if (PAYARAS_OWN_TEXT.stream().anyMatch(known -> known.matcher(line).matches())) {
                continue;
            }
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (Exception notJson) {
                throw new AssertionError("a log line is not one JSON object: " + line, notJson);
            }
            assertTrue(record != null && record.isObject(), "a log line is not one JSON object: " + line);
            records.add(record);
        }
        assertTrue(records.stream().anyMatch(r -> r.path("LoggerName").asText().startsWith("uk.gov.inspectorates.portal")),
                "the portal's own records are in the log read (" + records.size() + " lines)");
        JsonNode refusal = records.stream()
                .filter(r -> refusalRequestId.equals(r.path("requestId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no log line carries the refusal's request id " + refusalRequestId));
        assertTrue(refusal.path("rule").asText().contains("."), "the refusal's line names the rule: " + refusal);
        for (String field : List.of("Timestamp", "Level", "LoggerName", "ThreadName", "LogMessage")) {
            assertTrue(refusal.hasNonNull(field), field + " in " + refusal);
        }
    }

    /** The lines after the launcher's "---- <time> <command>" header of this run. */
    private static List<String> thisRunsLines(Path logFile) throws Exception {
        List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        int header = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("---- ")) {
                header = i;
            }
        }
        assertTrue(header >= 0, "the launcher's header line in " + logFile);
        return all.subList(header + 1, all.size()).stream().filter(line -> !line.isBlank()).toList();
    }

    private static String email(String username) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement select = connection.prepareStatement("select c.email from local_credential c "
                     + "join user_account u on u.id = c.user_id where u.username = ?")) {
            select.setString(1, username);
            try (var rows = select.executeQuery()) {
                assertTrue(rows.next(), "the demo user " + username + " has a local credential");
                return rows.getString(1);
            }
        }
    }

    private static void setEmail(String username, String email) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement update = connection.prepareStatement("update local_credential set email = ? "
                     + "where user_id = (select id from user_account where username = ?)")) {
            update.setString(1, email);
            update.setString(2, username);
            assertEquals(1, update.executeUpdate(), "the demo user " + username + " has a local credential");
        }
    }
}
