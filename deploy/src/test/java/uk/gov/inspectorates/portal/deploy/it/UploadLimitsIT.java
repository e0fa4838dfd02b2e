package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * The per-user upload limits on the real portal (docs/adr/0039), the small version of the load test: twenty uploads
 * at once by two agency uploaders, each of whom keeps the portal's limit of four busy with uploads held open; what is
 * over the limit is answered 429 with {@code Retry-After} (nothing of it kept, the refusal audited with its rule),
 * and succeeds when sent again after the first ones finish; every upload answered 201 then downloads byte for byte.
 * Also the page's form (GOV.UK error summary, fields kept) and the limit on unfinished resumable uploads.
 */
class UploadLimitsIT extends PortalDeployment {

    private static final int CONCURRENT_PER_USER = 4;   // the default of portal.upload.concurrent-per-user
    private static final int UNFINISHED_PER_USER = 10;  // the default of portal.upload.unfinished-per-user
    private static final String AREA = "northdale";
    /**
     * What a held upload sends of its file before it holds: less than the 64 KiB the type detection reads, so that a
     * held upload waits in detection holding only its uploader's place, never one of the scanner's (with eight held
     * and four scan places, the last four used to be refused as busy after the queue's wait and give their uploader's
     * places back: that made these tests flaky); and enough that what the client and the server buffer still lets the
     * file part begin (8 KiB did not).
     */
    private static final int HELD_BYTES = 48 * 1024;
    private static final java.util.regex.Pattern IN_FLIGHT =
            java.util.regex.Pattern.compile("\"requestsInFlight\"\\s*:\\s*\"?(\\d+)");
    /** Held uploads past the scanner's places wait their turn to be received (docs/adr/0048), their places held. */
    private static final java.util.regex.Pattern WAITING =
            java.util.regex.Pattern.compile("\"requestsWaiting\"\\s*:\\s*\"?(\\d+)");
    private static final List<String[]> OFFICIAL = List.<String[]>of(
            new String[] {"metadata", "{\"classification\":{\"tier\":\"OFFICIAL\"}}"});

    private URI portal;

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    /** An agency uploader, the request to their agency, and who downloads what they upload. */
    private record Uploader(String name, PortalApi api, String inspection, String request, PortalApi inspector) {
        String documents() {
            return "/api/v1/inspections/" + inspection + "/requests/" + request + "/documents";
        }
    }

    @Test
    void twentyUploadsAtOnceAreEither201OrAClear429AndEvery201DownloadsByteForByte() throws Exception {
        String inspection = openInspection();
        List<Uploader> uploaders = List.of(
                uploader("agency.uploader", inspection, "northdale-childrens-services", "ofsted.inspector"),
                uploader("health.uploader", inspection, "northdale-icb", "cqc.inspector"));
        long refusalsBefore = admissionRefusals("upload.concurrent-per-user");
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        CountDownLatch hold = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        List<Attempt> refused = new ArrayList<>();
        int largeRefused = 0;
        try {
            for (Uploader uploader : uploaders) {
                for (int i = 0; i < CONCURRENT_PER_USER; i++) {
                    byte[] pdf = pdf(uploader.name() + " held " + i);
                    held.add(uploader.api().postMultipartHeld(uploader.documents(), OFFICIAL, "held-" + i + ".pdf", pdf,
                            HELD_BYTES, hold, true).thenApply(response -> kept(sent, uploader, response, pdf)));
                }
            }
            awaitUploadsInFlight(held.size(), held);
            for (Uploader uploader : uploaders) {
                // the held uploads hold both people's places: the next one of each is refused
                Attempt first = attempt(uploader, pdf(uploader.name() + " probe")).get(30, TimeUnit.SECONDS);
                assertEquals(429, first.response().statusCode(), "all four places are held: "
                        + first.response().body());
                refused.add(first);
                List<CompletableFuture<Attempt>> more = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    more.add(attempt(uploader, pdf(uploader.name() + " also " + i)));
                }
                for (CompletableFuture<Attempt> each : more) {
                    Attempt attempt = each.get(30, TimeUnit.SECONDS);
                    assertEquals(429, attempt.response().statusCode(), "all four places are held: "
                            + attempt.response().body());
                    refused.add(attempt);
                }
            }
            // a refused body of 50 MiB: the portal reads at most a few MiB of it and answers with Connection: close
            // (docs/adr/0048); the client, still sending, reads the 429 rather than a reset connection
            Uploader first = uploaders.get(0);
            HttpResponse<String> large = first.api().postMultipart(first.documents(), OFFICIAL, "large.pdf",
                    padded(pdf("large probe"), 50 * 1024 * 1024), true);
            assertEquals(429, large.statusCode(), "a refused large body is answered: " + large.body());
            assertTrue(large.body().contains("\"rule\":\"upload.concurrent-per-user\""), large.body());
            assertEquals("close", large.headers().firstValue("Connection").orElse("(none)").toLowerCase(),
                    "the connection is not used again after a body that was not read to its end");
            largeRefused = 1;
        } finally {
            hold.countDown();
        }
        for (CompletableFuture<HttpResponse<String>> each : held) {
            HttpResponse<String> response = each.get(60, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), "a held upload finishes: " + response.body());
        }

        for (Attempt attempt : refused) {
            HttpResponse<String> response = attempt.response();
            assertEquals("429", String.valueOf(response.statusCode()), response.body());
            assertTrue(response.body().contains("too-many-requests")
                    && response.body().contains("\"rule\":\"upload.concurrent-per-user\""), response.body());
            long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter >= 1, "429 says when to try again");
        }
        assertEquals(refused.size() + largeRefused, admissionRefusals("upload.concurrent-per-user") - refusalsBefore,
                "each refusal is audited with its rule");
        assertEquals(2 * CONCURRENT_PER_USER, sent.size(), "201s so far");
        assertEquals(sent.size(), TestEnvironment.count("select count(*) from evidence_document where inspection_id = ?",
                inspection), "nothing of a refused upload was kept");

        for (Attempt attempt : refused) {
            HttpResponse<String> again = attempt.uploader().api().postMultipart(attempt.uploader().documents(),
                    OFFICIAL, "again.pdf", attempt.pdf(), true);
            assertEquals(201, again.statusCode(), "sent again after the first ones finished: " + again.body());
            kept(sent, attempt.uploader(), again, attempt.pdf());
        }
        assertEquals(2 * CONCURRENT_PER_USER + refused.size(), sent.size());

        for (Map.Entry<String, byte[]> upload : sent.entrySet()) {
            String document = upload.getKey().substring(upload.getKey().indexOf(' ') + 1);
            Uploader uploader = uploaders.stream().filter(u -> upload.getKey().startsWith(u.name() + " "))
                    .findFirst().orElseThrow();
            HttpResponse<byte[]> content = uploader.inspector().getBytes("/api/v1/documents/" + document + "/content");
            assertEquals(200, content.statusCode());
            assertEquals(sha256(upload.getValue()), sha256(content.body()), "byte for byte: " + document);
        }
    }

    @Test
    void theRequestPageShowsA429InItsErrorSummaryWithRetryAfterAndKeepsTheChosenClassification() throws Exception {
        String inspection = openInspection();
        Uploader uploader = uploader("agency.uploader", inspection, "northdale-childrens-services",
                "ofsted.inspector");
        CountDownLatch hold = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        try {
            for (int i = 0; i < CONCURRENT_PER_USER; i++) {
                held.add(uploader.api().postMultipartHeld(uploader.documents(), OFFICIAL, "held.pdf",
                        pdf("page held " + i), HELD_BYTES, hold, true));
            }
            awaitUploadsInFlight(held.size(), held);
            String page = "/inspections/" + inspection + "/requests/" + uploader.request();
            HttpResponse<String> form = uploader.api().postMultipart(page, List.of(
                    new String[] {"csrfToken", uploader.api().csrfToken()},
                    new String[] {"classificationTier", "OFFICIAL_SENSITIVE"}), "minutes.pdf", pdf("page"), false);
            assertEquals(429, form.statusCode(), form.body());
            assertTrue(Long.parseLong(form.headers().firstValue("Retry-After").orElse("0")) >= 1);
            assertTrue(form.body().contains("govuk-error-summary") && form.body().contains("href=\"#file\"")
                    && form.body().contains("minutes.pdf and any files after it were not kept"), form.body());
            assertTrue(form.body().contains("value=\"OFFICIAL_SENSITIVE\" checked"), "the classification is kept");
        } finally {
            hold.countDown();
        }
        for (CompletableFuture<HttpResponse<String>> each : held) {
            assertEquals(201, each.get(60, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void unfinishedResumableUploadsBeyondTheLimitAre429UntilOneIsFinishedOrCancelled() throws Exception {
        String inspection = openInspection();
        Uploader uploader = uploader("health.uploader", inspection, "northdale-icb", "cqc.inspector");
        String start = "{\"purpose\":\"INSPECTION_DOCUMENT\",\"fileName\":\"evidence.pdf\",\"length\":100000,"
                + "\"inspection\":\"" + inspection + "\",\"request\":\"" + uploader.request() + "\"}";
        List<String> started = new ArrayList<>();
        HttpResponse<String> refused = null;
        try {
            for (int i = 0; i <= UNFINISHED_PER_USER; i++) {
                HttpResponse<String> response = uploader.api().postJson("/api/v1/uploads", start);
                if (response.statusCode() == 429) {
                    refused = response;
                    break;
                }
                assertEquals(201, response.statusCode(), response.body());
                started.add(PortalApi.idOf(response.body()));
            }
            assertTrue(refused != null, "the limit was reached");
            assertTrue(refused.body().contains("\"rule\":\"upload.unfinished-per-user\""), refused.body());
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0")) >= 1);
            assertEquals(UNFINISHED_PER_USER, TestEnvironment.count("select count(*) from resumable_upload r join "
                    + "user_account u on u.id = r.owner_user_id where u.username = 'health.uploader' "
                    + "and r.status <> 'READY' and r.expires_at > now()"), "refused at the limit, not before");

            assertEquals(204, uploader.api().delete("/api/v1/uploads/" + started.remove(0)).statusCode());
            HttpResponse<String> afterCancel = uploader.api().postJson("/api/v1/uploads", start);
            assertEquals(201, afterCancel.statusCode(), "a cancelled upload frees its place: " + afterCancel.body());
            started.add(PortalApi.idOf(afterCancel.body()));
        } finally {
            for (String id : started) {
                uploader.api().delete("/api/v1/uploads/" + id);
            }
        }
    }

    private record Attempt(Uploader uploader, byte[] pdf, HttpResponse<String> response) {
    }

    /**
     * Waits until the portal shows (its readiness data, docs/adr/0039) at least {@code count} upload requests holding
     * their places, being received or waiting their turn (docs/adr/0048): the held uploads have all been admitted, so
     * what is sent next meets full places.
     */
    private void awaitUploadsInFlight(int count, List<CompletableFuture<HttpResponse<String>>> held)
            throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int inFlight = -1;
        String readiness = "";
        while (System.nanoTime() < until) {
            readiness = get("/health/ready").body();
            java.util.regex.Matcher found = IN_FLIGHT.matcher(readiness);
            java.util.regex.Matcher waiting = WAITING.matcher(readiness);
            inFlight = found.find() && waiting.find()
                    ? Integer.parseInt(found.group(1)) + Integer.parseInt(waiting.group(1)) : -1;
            if (inFlight >= count) {
                return;
            }
            if (held.stream().anyMatch(CompletableFuture::isDone)) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(50); // between two looks at the signal
        }
        throw new AssertionError(count + " held uploads never all held their places (" + inFlight + " in flight: "
                + readiness + "); the held: " + held.stream().map(f -> !f.isDone() ? "in flight"
                : f.isCompletedExceptionally() ? "failed: " + f.handle((r, e) -> String.valueOf(e)).join()
                : f.join().statusCode() + " " + f.join().body()).toList());
    }

    /** A PDF followed by filler up to {@code length} bytes: only ever refused before it is read. */
    private static byte[] padded(byte[] pdf, int length) {
        return java.util.Arrays.copyOf(pdf, Math.max(pdf.length, length));
    }

    private static CompletableFuture<Attempt> attempt(Uploader uploader, byte[] pdf) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new Attempt(uploader, pdf, uploader.api().postMultipart(uploader.documents(), OFFICIAL,
                        "more.pdf", pdf, true));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Keys the document by its uploader's name and id. */
    private static HttpResponse<String> kept(Map<String, byte[]> sent, Uploader uploader,
                                             HttpResponse<String> response, byte[] pdf) {
        if (response.statusCode() == 201) {
            sent.put(uploader.name() + " " + PortalApi.idOf(response.body()), pdf);
        }
        return response;
    }

    private String openInspection() throws Exception {
        String notifiedOn = new WorkingDayCalendar(GovUkBankHolidays.shipped())
                .plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -1).toString();
        HttpResponse<String> opened = PortalApi.signedIn(portal, "ofsted.lead").postJson("/api/v1/inspections",
                "{\"localAuthorityArea\":\"" + AREA + "\",\"theme\":\"Upload limits\",\"notifiedOn\":\"" + notifiedOn
                        + "\",\"inspectorates\":[\"OFSTED\",\"CQC\"]}");
        assertEquals(201, opened.statusCode(), opened.body());
        return PortalApi.idOf(opened.body());
    }

    private Uploader uploader(String name, String inspection, String agency, String inspectorName) throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal, inspectorName);
        HttpResponse<String> request = inspector.postJson("/api/v1/inspections/" + inspection + "/requests",
                "{\"agency\":\"" + agency + "\",\"title\":\"Upload limits\",\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        assertEquals(201, request.statusCode(), request.body());
        return new Uploader(name, PortalApi.signedIn(portal, name), inspection, PortalApi.idOf(request.body()),
                inspector);
    }

    private static long admissionRefusals(String rule) throws Exception {
        return TestEnvironment.count("select count(*) from audit_event where action = 'UPLOAD_ADMISSION' "
                + "and outcome = 'REFUSED' and detail = ?", rule);
    }

    /** A PDF of a few hundred KiB whose text names its uploader, unique to it. */
    private static byte[] pdf(String text) {
        return TestPdf.withText(text + " " + UUID.randomUUID(), 256 * 1024);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
