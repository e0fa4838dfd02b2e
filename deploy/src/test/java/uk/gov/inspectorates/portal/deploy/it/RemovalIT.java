package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * Automatic, provable removal over the real portal (issue 17, docs/adr/0030): an administrator sets the JTAI export
 * window to 0 days, closes an inspection and runs the due removals; the inspection's objects, rows and KEK are gone;
 * the SIRO of a participating inspectorate downloads the removal certificate and it verifies with the published key
 * alone; the SIRO of an inspectorate that took no part does not learn it exists.
 */
class RemovalIT extends PortalDeployment {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());
    private static final String JTAI_POLICY = "/api/v1/retention-policies/JTAI_AFTER_CLOSURE";

    private PortalApi as(String username) throws Exception {
        return PortalApi.signedIn(URI.create(base.toString()), username);
    }

    @Test
    void aClosedInspectionIsRemovedAndItsParticipantsSiroVerifiesTheSignedCertificate() throws Exception {
        createSiros();
        PortalApi admin = as("ofsted.admin");
        HttpResponse<String> before = admin.get(JTAI_POLICY.replace("/JTAI_AFTER_CLOSURE", ""));
        assertEquals(200, before.statusCode(), before.body());
        try {
            HttpResponse<String> window = admin.putJson(JTAI_POLICY, "{\"amount\":0,\"unit\":\"CALENDAR_DAYS\","
                    + "\"action\":\"REMOVE\",\"owner\":\"Ofsted (lead inspectorate of every JTAI)\","
                    + "\"reason\":\"RemovalIT: removal at closure\"}");
            assertEquals(200, window.statusCode(), window.body());

            String inspection = openWithEvidence();
            HttpResponse<String> closed = admin.postJson("/api/v1/inspections/" + inspection + "/closure", "{}");
            assertEquals(201, closed.statusCode(), closed.body());
            List<String> objects = objectKeysOf(inspection);
            assertEquals(2, objects.size());
            assertTrue(StoredState.now().listedObjects().containsAll(objects));

            assertEquals(403, as("hmic.inspector").postJson("/api/v1/removals/runs", "{}").statusCode(),
                    "only administrators run removals");
            HttpResponse<String> run = admin.postJson("/api/v1/removals/runs", "{}");
            assertEquals(200, run.statusCode(), run.body());
            assertTrue(json(run.body()).get("removed").getAsInt() >= 1, run.body());

            // gone: objects, rows, key; the removal is listed as completed
            for (String object : objects) {
                assertFalse(StoredState.now().listedObjects().contains(object), "no object of the inspection is left");
            }
            assertEquals(0, TestEnvironment.count("select count(*) from inspection where id = ?", inspection));
            assertEquals(0, TestEnvironment.count("select count(*) from evidence_document where inspection_id = ?",
                    inspection));
            assertEquals(0, TestEnvironment.count("select count(*) from information_request where inspection_id = ?",
                    inspection));
            assertEquals(1, TestEnvironment.count("select count(*) from key_encryption_key where scope_kind = "
                    + "'INSPECTION' and scope_id = ? and wrapped_kek is null and destroyed_at is not null", inspection));
            // and recorded outside the database, where a restore of an older backup cannot undo it (docs/adr/0046)
            TestEnvironment.minioClient().statObject(io.minio.StatObjectArgs.builder()
                    .bucket(TestEnvironment.s3Bucket() + "-audit-checkpoints")
                    .object("destroyed-key-scopes/INSPECTION/" + java.net.URLEncoder.encode(inspection,
                            java.nio.charset.StandardCharsets.UTF_8)).build());
            JsonObject removal = json(admin.get("/api/v1/removals").body(), inspection, "targetId");
            assertEquals("COMPLETED", removal.get("status").getAsString());
            assertEquals("CERTIFIED", removal.get("step").getAsString());
            String page = admin.get("/admin/removals").body();
            assertTrue(page.contains(inspection) && page.contains("COMPLETED"), page);

            // the participant's SIRO downloads the certificate, which verifies with the published key alone
            PortalApi hmicSiro = as("removal.hmic-siro");
            JsonObject listed = json(hmicSiro.get("/api/v1/removal-certificates").body(), inspection, "inspectionId");
            HttpResponse<String> download = hmicSiro.get(listed.get("href").getAsString());
            assertEquals(200, download.statusCode(), download.body());
            JsonObject certificate = json(download.body());
            byte[] canonical = Base64.getDecoder().decode(certificate.get("canonicalBase64").getAsString());
            assertEquals(certificate.get("certificate").getAsString(), new String(canonical, StandardCharsets.UTF_8));
            assertTrue(certificate.get("certificate").getAsString().contains("\"inspectionId\":\"" + inspection + "\""));
            assertTrue(certificate.get("certificate").getAsString().contains("\"objects\":2"), certificate.toString());
            HttpResponse<String> key = PortalApi.anonymous(URI.create(base.toString()))
                    .get("/api/v1/removal-certificates/verification-key");
            assertEquals(200, key.statusCode(), "the verification key is public");
            byte[] signature = Base64.getDecoder().decode(certificate.get("signature").getAsString());
            assertTrue(verifies(key.body(), canonical, signature));
            canonical[10] ^= 1;
            assertFalse(verifies(key.body(), canonical, signature), "a changed certificate does not verify");
            assertEquals(200, as("ofsted.siro").get(listed.get("href").getAsString()).statusCode(), "the lead's SIRO too");
            HttpResponse<String> byInspection = hmicSiro.get("/api/v1/inspections/" + inspection
                    + "/removal-certificate");
            assertEquals(200, byInspection.statusCode(), byInspection.body());
            assertEquals(certificate.get("signature").getAsString(), json(byInspection.body()).get("signature")
                    .getAsString());
            // every download of it is an access in the trail, with the inspection it belongs to
            assertEquals(3, TestEnvironment.count("select count(*) from audit_event where action = "
                    + "'REMOVAL_CERTIFICATE_DOWNLOAD' and outcome = 'SUCCEEDED' and inspection_id = ?", inspection));

            // nobody else: another inspectorate's SIRO and a participant's inspector are not told it exists
            PortalApi cqcSiro = as("removal.cqc-siro");
            HttpResponse<String> refused = cqcSiro.get(listed.get("href").getAsString());
            assertEquals(404, refused.statusCode(), refused.body());
            assertFalse(cqcSiro.get("/api/v1/removal-certificates").body().contains(inspection));
            assertEquals(404, cqcSiro.get("/api/v1/inspections/" + inspection + "/removal-certificate").statusCode());
            assertEquals(404, as("hmic.inspector").get(listed.get("href").getAsString()).statusCode());
            assertEquals(401, PortalApi.anonymous(URI.create(base.toString())).get(listed.get("href").getAsString())
                    .statusCode());
        } finally {
            // the portal is shared by every IT: the window goes back to the default
            HttpResponse<String> restored = admin.putJson(JTAI_POLICY, "{\"amount\":20,\"unit\":\"WORKING_DAYS\","
                    + "\"action\":\"REMOVE\",\"owner\":\"Ofsted (lead inspectorate of every JTAI)\","
                    + "\"reason\":\"RemovalIT: back to the default\"}");
            assertEquals(200, restored.statusCode(), restored.body());
        }
    }

    private String openWithEvidence() throws Exception {
        String notifiedOn = CALENDAR.plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -2).toString();
        HttpResponse<String> opened = as("ofsted.lead").postJson("/api/v1/inspections", "{\"localAuthorityArea\":"
                + "\"northdale\",\"theme\":\"Exploitation\",\"notifiedOn\":\"" + notifiedOn + "\",\"inspectorates\":"
                + "[\"OFSTED\",\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        String inspection = PortalApi.idOf(opened.body());
        HttpResponse<String> request = as("hmic.inspector").postJson("/api/v1/inspections/" + inspection
                + "/requests", "{\"agency\":\"northdale-police\",\"title\":\"Case records\","
                + "\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        assertEquals(201, request.statusCode(), request.body());
        String requestId = PortalApi.idOf(request.body());
        for (String name : List.of("notes-1.txt", "notes-2.txt")) {
            HttpResponse<String> uploaded = as("police.uploader").postMultipart("/api/v1/inspections/" + inspection
                            + "/requests/" + requestId + "/documents", List.<String[]>of(new String[] {"metadata",
                            "{\"classification\":{\"tier\":\"OFFICIAL-SENSITIVE\",\"descriptor\":\"PERSONAL\"}}"}),
                    name, ("Contacts of the child, " + name + "\n").repeat(200).getBytes(StandardCharsets.UTF_8),
                    true);
            assertEquals(201, uploaded.statusCode(), uploaded.body());
        }
        return inspection;
    }

    /** An HMIC SIRO (a participant's) and a CQC SIRO (an inspectorate that takes no part): the demo has neither. */
    private static void createSiros() throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement user = connection.prepareStatement("insert into user_account (id, username, "
                     + "display_name, organisation_id, roles) values (?, ?, ?, ?, '{SIRO}') on conflict (id) do nothing")) {
            for (String[] siro : new String[][] {{"removal-hmic-siro", "removal.hmic-siro", "Hugo Riskowner", "hmic"},
                    {"removal-cqc-siro", "removal.cqc-siro", "Cora Riskowner", "cqc"}}) {
                user.setString(1, siro[0]);
                user.setString(2, siro[1]);
                user.setString(3, siro[2]);
                user.setString(4, siro[3]);
                user.executeUpdate();
            }
        }
        MatrixSubjects.giveTheDemoCredential(List.of("removal-hmic-siro", "removal-cqc-siro"));
    }

    private static List<String> objectKeysOf(String inspection) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select object_key from evidence_document "
                     + "where inspection_id = ?")) {
            query.setString(1, inspection);
            try (var rows = query.executeQuery()) {
                List<String> keys = new java.util.ArrayList<>();
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
                return keys;
            }
        }
    }

    private static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    /** The element of a JSON array whose {@code field} is {@code value}. */
    private static JsonObject json(String arrayBody, String value, String field) {
        for (JsonElement element : JsonParser.parseString(arrayBody).getAsJsonArray()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has(field) && !object.get(field).isJsonNull() && value.equals(object.get(field).getAsString())) {
                return object;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + arrayBody);
    }

    private static boolean verifies(String pem, byte[] data, byte[] signature) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(base64)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(signature);
    }
}
