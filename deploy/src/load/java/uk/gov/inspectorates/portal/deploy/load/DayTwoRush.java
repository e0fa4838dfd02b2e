package uk.gov.inspectorates.portal.deploy.load;

import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The day-2 rush (docs/adr/0039): agency uploaders sending 1-50 MB PDFs against their information requests, most in
 * one request and some as resumable uploads in parts, at rising concurrency steps (a closed model: each step keeps
 * that many uploads going); large legitimate PDFs at the top step; throughout, inspectors listing and downloading
 * evidence, readers opening stamped reports and a SIRO searching the audit trail. Every request is recorded
 * ({@link Recorder}); a 201 upload with the digest of what was sent, for the check afterwards.
 */
public class DayTwoRush extends Simulation {

    private static final String CSRF = "X-CSRF-Token";
    private static final Integer[] CLEAR = {200, 201, 204, 429, 503};
    private static final String RETRY_AFTER = "retryAfter";

    {
        LoadPlan plan = LoadPlan.current;
        HttpProtocolBuilder protocol = http.baseUrl(plan.baseUrl()).disableFollowRedirect()
                .acceptHeader("application/json");
        Duration total = Duration.ofSeconds(plan.totalSeconds());

        List<ClosedInjectionStep> steps = new ArrayList<>();
        for (int concurrency : plan.steps()) {
            steps.add(constantConcurrentUsers(concurrency).during(Duration.ofSeconds(plan.stepSeconds())));
        }
        ScenarioBuilder agency = scenario("agency uploads")
                .feed(listFeeder(plan.uploaders()).circular())
                .feed(listFeeder(plan.files()).random())
                .exec(signedIn())
                .randomSwitch().on(
                        io.gatling.javaapi.core.CoreDsl.percent(75.0).then(simpleUpload()),
                        io.gatling.javaapi.core.CoreDsl.percent(25.0).then(resumableUpload("upload resumable")));

        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(agency.injectClosed(steps.toArray(ClosedInjectionStep[]::new)));
        if (!plan.largeFiles().isEmpty()) {
            long topStepStarts = (long) (plan.steps().size() - 1) * plan.stepSeconds();
            populations.add(scenario("large PDFs").feed(listFeeder(plan.uploaders()).random())
                    .feed(listFeeder(plan.largeFiles()).circular())
                    .exec(signedIn()).exec(resumableUpload("upload large resumable"))
                    .injectOpen(nothingFor(Duration.ofSeconds(topStepStarts)),
                            atOnceUsers(plan.largeFiles().size())));
        }
        populations.add(scenario("inspectors list and download").feed(listFeeder(plan.inspectors()).circular())
                .exec(signedIn())
                .exec(http("list evidence").get("/api/v1/inspections/#{inspection}/documents")
                        .check(status().saveAs("status"), status().in(CLEAR), responseTimeInMillis().saveAs("rt"),
                                regex("\"id\":\"([0-9a-f]{32})\"").findRandom().optional().saveAs("document")))
                .exec(record("list evidence"))
                .doIf(session -> session.contains("document")).then(
                        exec(http("download evidence").get("/api/v1/documents/#{document}/content")
                                .check(status().saveAs("status"), status().in(CLEAR),
                                        responseTimeInMillis().saveAs("rt"), bodyLength().saveAs("bytes")))
                        .exec(record("download evidence")))
                .pause(Duration.ofSeconds(1))
                .injectClosed(constantConcurrentUsers(2).during(total)));
        populations.add(scenario("readers open stamped reports").feed(listFeeder(plan.readers()).circular())
                .exec(signedIn())
                .exec(http("open stamped report").get("/api/v1/reports/#{report}/content")
                        .check(status().saveAs("status"), status().in(CLEAR), responseTimeInMillis().saveAs("rt"),
                                bodyLength().saveAs("bytes")))
                .exec(record("open stamped report"))
                .pause(Duration.ofSeconds(2))
                .injectClosed(constantConcurrentUsers(2).during(total)));
        populations.add(scenario("SIRO searches the audit trail").feed(listFeeder(plan.siros()).circular())
                .exec(signedIn())
                .exec(http("audit search").get("/api/v1/audit?action=EVIDENCE_UPLOAD&outcome=SUCCEEDED")
                        .check(status().saveAs("status"), status().in(CLEAR), responseTimeInMillis().saveAs("rt")))
                .exec(record("audit search"))
                .pause(Duration.ofSeconds(3))
                .injectClosed(constantConcurrentUsers(1).during(total)));

        // uploads still in flight when the last step ends may finish within load.drainSeconds
        setUp(populations).protocols(protocol).maxDuration(total.plusSeconds(plan.drainSeconds()));
    }

    /** Acts as the fed person: their portal session's cookie (signed in by LoadRun). */
    private static ChainBuilder signedIn() {
        return exec(addCookie(Cookie("portal_session", "#{cookie}").withDomain("127.0.0.1").withPath("/")));
    }

    private static ChainBuilder simpleUpload() {
        HttpRequestActionBuilder upload = http("upload").post("/api/v1/inspections/#{inspection}/requests/#{request}/documents")
                .header(CSRF, "#{csrf}")
                .bodyPart(StringBodyPart("metadata", "{\"classification\":{\"tier\":\"OFFICIAL\"}}")
                        .contentType("application/json"))
                .bodyPart(RawFileBodyPart("file", "#{filePath}").fileName("evidence.pdf").contentType("application/pdf"))
                .asMultipartForm()
                .check(status().saveAs("status"), status().in(CLEAR), responseTimeInMillis().saveAs("rt"),
                        bodyString().saveAs("body"), header("Retry-After").optional().saveAs(RETRY_AFTER));
        // a refused upload waits its Retry-After before the virtual user ends (and the closed model starts another),
        // as a person or a script following API.md does: not a hot loop of bodies that are never kept
        return exec(session -> session.remove("status").remove("body").remove(RETRY_AFTER))
                .exec(upload)
                .exec(session -> {
                    int status = recordUpload(session, "upload");
                    if (status == 201) {
                        Recorder.kept(LoadClient.idOf(session.getString("body")), session.getString("reader"),
                                session.getString("fileSha256"), number(session, "fileSize"));
                    }
                    return session;
                })
                .doIf(DayTwoRush::busy).then(pause(session -> retryAfter(session, 5)));
    }

    /**
     * Start, each part (a 429 or 503 waits and sends the part again), completion, then the document is made from
     * the upload by its id.
     */
    private static ChainBuilder resumableUpload(String kind) {
        return exec(session -> session.remove("status").remove("body"))
                .exec(http(kind + " start").post("/api/v1/uploads").header(CSRF, "#{csrf}")
                        .body(StringBody("{\"purpose\":\"INSPECTION_DOCUMENT\",\"fileName\":\"evidence.pdf\","
                                + "\"length\":#{fileSize},\"inspection\":\"#{inspection}\",\"request\":\"#{request}\"}"))
                        .asJson()
                        .check(status().saveAs("status"), status().in(CLEAR), responseTimeInMillis().saveAs("rt"),
                                bodyString().saveAs("body"),
                                jsonPath("$.id").optional().saveAs("upload"),
                                jsonPath("$.partCount").ofInt().optional().saveAs("partCount"),
                                jsonPath("$.partSize").ofInt().optional().saveAs("partSize")))
                .exec(session -> {
                    recordUpload(session, kind + " start");
                    return session.set("part", 1).set("tries", 0);
                })
                .exitHereIf(session -> !session.contains("upload") || session.getInt("status") != 201)
                .asLongAs(session -> session.getInt("part") <= session.getInt("partCount")
                        && session.getInt("tries") < 30).on(
                        exec(session -> session.remove("status").remove("body").remove(RETRY_AFTER))
                                .exec(http(kind + " part").put("/api/v1/uploads/#{upload}/parts/#{part}")
                                        .header(CSRF, "#{csrf}").header("Content-Type", "application/octet-stream")
                                        .body(ByteArrayBody(DayTwoRush::partBytes))
                                        .check(status().saveAs("status"), status().in(CLEAR),
                                                responseTimeInMillis().saveAs("rt"), bodyString().saveAs("body"),
                                                header("Retry-After").optional().saveAs(RETRY_AFTER)))
                                .exec(session -> {
                                    int status = recordUpload(session, kind + " part");
                                    int part = session.getInt("part");
                                    return status == 200 ? session.set("part", part + 1).set("tries", 0)
                                            : status == 429 || status == 503
                                            ? session.set("tries", session.getInt("tries") + 1)
                                            : session.set("tries", 99);
                                })
                                .doIf(session -> session.getInt("tries") > 0 && session.getInt("tries") < 30)
                                .then(pause(session -> retryAfter(session, 2))))
                .exitHereIf(session -> session.getInt("part") <= session.getInt("partCount"))
                .exec(session -> session.set("tries", 0).set("done", false))
                .asLongAs(session -> !session.getBoolean("done") && session.getInt("tries") < 30).on(
                        exec(session -> session.remove("status").remove("body").remove(RETRY_AFTER))
                                .exec(http(kind + " completion").post("/api/v1/uploads/#{upload}/completion")
                                        .header(CSRF, "#{csrf}")
                                        .check(status().saveAs("status"), status().in(CLEAR),
                                                responseTimeInMillis().saveAs("rt"), bodyString().saveAs("body"),
                                                header("Retry-After").optional().saveAs(RETRY_AFTER)))
                                .exec(session -> {
                                    int status = recordUpload(session, kind + " completion");
                                    boolean busy = status == 429 || status == 503;
                                    return session.set("done", !busy).set("ok", status == 200)
                                            .set("tries", session.getInt("tries") + 1);
                                })
                                .doIf(session -> !session.getBoolean("done")).then(pause(session -> retryAfter(session, 3))))
                .exitHereIf(session -> !session.getBoolean("ok"))
                .exec(session -> session.remove("status").remove("body"))
                .exec(http(kind + " share").post("/api/v1/inspections/#{inspection}/requests/#{request}/documents")
                        .header(CSRF, "#{csrf}")
                        .bodyPart(StringBodyPart("metadata", "{\"classification\":{\"tier\":\"OFFICIAL\"}}")
                                .contentType("application/json"))
                        .bodyPart(StringBodyPart("upload", "#{upload}"))
                        .asMultipartForm()
                        .check(status().saveAs("status"), status().in(CLEAR), responseTimeInMillis().saveAs("rt"),
                                bodyString().saveAs("body")))
                .exec(session -> {
                    int status = recordUpload(session, kind + " share");
                    if (status == 201) {
                        Recorder.kept(LoadClient.idOf(session.getString("body")), session.getString("reader"),
                                session.getString("fileSha256"), number(session, "fileSize"));
                    }
                    return session;
                });
    }

    private static boolean busy(Session session) {
        int status = session.contains("status") ? session.getInt("status") : 0;
        return status == 429 || status == 503;
    }

    /** The answer's Retry-After (seconds), or {@code otherwise} when it gave none. */
    private static Duration retryAfter(Session session, long otherwise) {
        String value = session.contains(RETRY_AFTER) ? session.getString(RETRY_AFTER) : null;
        try {
            return Duration.ofSeconds(value == null ? otherwise : Math.max(1, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(otherwise);
        }
    }

    private static byte[] partBytes(Session session) {
        int part = session.getInt("part");
        long partSize = number(session, "partSize");
        long size = number(session, "fileSize");
        long from = (part - 1) * partSize;
        try {
            return new LoadDocument(Path.of(session.getString("filePath")), size, null)
                    .bytes(from, (int) Math.min(partSize, size - from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int recordUpload(Session session, String kind) {
        int status = session.contains("status") ? session.getInt("status") : 0;
        long bytes = kind.endsWith(" part") ? partBytesLength(session)
                : kind.equals("upload") && status == 201 ? number(session, "fileSize") : 0;
        Recorder.sample(kind, status, number(session, "rt"), bytes,
                session.contains("body") ? session.getString("body") : null);
        return status;
    }

    private static long partBytesLength(Session session) {
        if (!session.contains("status") || session.getInt("status") != 200) {
            return 0;
        }
        long partSize = number(session, "partSize");
        long size = number(session, "fileSize");
        return Math.min(partSize, size - (session.getInt("part") - 1) * partSize);
    }

    private static ChainBuilder record(String kind) {
        return exec(session -> {
            int status = session.contains("status") ? session.getInt("status") : 0;
            Recorder.sample(kind, status, number(session, "rt"), number(session, "bytes"), null);
            return session.remove("status").remove("rt").remove("bytes");
        });
    }

    private static long number(Session session, String key) {
        Object value = session.contains(key) ? session.get(key) : null;
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** When the simulation started: the steps' windows count from it. */
    static volatile long startedAtMillis;

    @Override
    public void before() {
        startedAtMillis = System.currentTimeMillis();
    }
}
