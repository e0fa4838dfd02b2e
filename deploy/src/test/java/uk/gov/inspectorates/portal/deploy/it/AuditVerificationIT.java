package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;
import uk.gov.inspectorates.portal.auditverifier.AuditCsv;
import uk.gov.inspectorates.portal.auditverifier.ChainRow;
import uk.gov.inspectorates.portal.auditverifier.Checkpoint;

/**
 * Tamper evidence over the real portal (issue 18, docs/adr/0031): events made by real requests; Ofsted's SIRO gets
 * the trail verified intact, exports it as CSV, and the offline tool (the jar the build makes, run with
 * {@code java -jar}) verifies the export with the key from {@code /verification-key}; one changed byte fails it.
 * Anyone but an inspectorate's SIRO is refused with the rule; CQC's SIRO's export carries Ofsted's own events
 * redacted only, and verifies too.
 */
class AuditVerificationIT extends PortalDeployment {

    private static final String RULE = "audit.read.own-organisation-siro";

    private PortalApi as(String username) throws Exception {
        return PortalApi.signedIn(URI.create(base.toString()), username);
    }

    @Test
    void aSirosExportVerifiesOfflineAndAChangedByteDoesNot() throws Exception {
        createCqcSiro();
        PortalApi cqcSiro = as("audit.cqc-siro");
        // the CQC SIRO acts first, so that Ofsted's own events below fall inside the CQC export's range
        assertEquals(200, cqcSiro.get("/api/v1/me").statusCode());
        assertEquals(200, cqcSiro.get("/api/v1/audit/verification").statusCode());

        // events by real requests, some of them refusals naming the rule
        PortalApi ofstedLead = as("ofsted.lead");
        HttpResponse<String> refused = ofstedLead.get("/api/v1/audit/verification");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(RULE), refused.body());
        HttpResponse<byte[]> refusedExport = ofstedLead.getBytes("/api/v1/audit/export.csv");
        assertEquals(403, refusedExport.statusCode());
        assertTrue(new String(refusedExport.body(), StandardCharsets.UTF_8).contains(RULE));
        HttpResponse<String> agency = as("police.uploader").get("/api/v1/audit/verification");
        assertEquals(403, agency.statusCode(), agency.body());
        assertTrue(agency.body().contains(RULE), agency.body());
        assertEquals(422, as("ofsted.siro").getBytes("/api/v1/audit/export.csv?from=yesterday").statusCode(),
                "a bad criterion is the caller's to fix");

        PortalApi ofstedSiro = as("ofsted.siro");
        HttpResponse<String> verification = ofstedSiro.get("/api/v1/audit/verification");
        assertEquals(200, verification.statusCode(), verification.body());
        JsonObject verified = JsonParser.parseString(verification.body()).getAsJsonObject();
        assertTrue(verified.get("intact").getAsBoolean(), verification.body());
        assertTrue(verified.get("eventsChecked").getAsLong() > 0, verification.body());
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = 'AUDIT_VERIFY' and "
                + "actor_id = (select id from user_account where username = 'ofsted.siro') and outcome = 'SUCCEEDED'"
                + " and detail like 'intact%'"), "verifying is audited with its result");

        // the export, and the key, as the SIRO fetches them
        HttpResponse<byte[]> exported = ofstedSiro.getBytes("/api/v1/audit/export.csv");
        assertEquals(200, exported.statusCode(), new String(exported.body(), StandardCharsets.UTF_8));
        assertTrue(exported.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        HttpResponse<String> keyJson = ofstedSiro.get("/api/v1/audit/verification-key");
        assertEquals(200, keyJson.statusCode(), keyJson.body());
        JsonObject key = JsonParser.parseString(keyJson.body()).getAsJsonObject();
        Path folder = Files.createTempDirectory("audit-verification-it");
        Path pem = folder.resolve("audit-signing.pem");
        Files.writeString(pem, key.get("pem").getAsString());
        Path csv = folder.resolve("export.csv");
        Files.write(csv, exported.body());

        Export ofsted = read(exported.body());
        assertFalse(ofsted.full().isEmpty());
        assertFalse(ofsted.checkpoints().isEmpty(), "the export carries the checkpoint that covers it");
        assertEquals(key.get("keyId").getAsString(), ofsted.checkpoints().get(0).keyId());
        assertEquals(ofsted.last(), ofsted.checkpoints().get(ofsted.checkpoints().size() - 1).seq(),
                "the export ends at a checkpoint taken for it");

        Run intact = verifyOffline(pem, csv);
        assertEquals(0, intact.status(), intact.out());
        assertTrue(intact.out().contains("Result: INTACT"), intact.out());

        // one changed byte in an event's fields: the tool says broken and exits 1
        byte[] changed = exported.body().clone();
        String text = new String(changed, StandardCharsets.UTF_8);
        int at = text.indexOf(",AUDIT_VERIFY,");
        assertTrue(at > 0, "the SIRO's own verification is in the export");
        changed[at + 1] = 'B';
        Path tampered = folder.resolve("tampered.csv");
        Files.write(tampered, changed);
        Run broken = verifyOffline(pem, tampered);
        assertEquals(1, broken.status(), broken.out());
        assertTrue(broken.out().contains("Result: BROKEN at seq"), broken.out());

        // another inspectorate's SIRO: Ofsted's own events are in their export only as seqs and hashes
        HttpResponse<byte[]> cqcExport = cqcSiro.getBytes("/api/v1/audit/export.csv");
        assertEquals(200, cqcExport.statusCode());
        Export cqc = read(cqcExport.body());
        assertFalse(cqc.full().isEmpty());
        for (ChainRow row : cqc.full()) {
            String organisation = row.fields().get(AuditChain.FIELDS.indexOf("actor_organisation_id"));
            String owners = row.fields().get(AuditChain.FIELDS.indexOf("information_owners"));
            assertTrue("cqc".equals(organisation) || (owners != null && List.of(owners.split(",")).contains("cqc")),
                    "CQC's SIRO sees only events of CQC's people or about CQC's information: " + row.fields());
        }
        List<Long> ofstedOnly = new ArrayList<>();
        for (ChainRow row : ofsted.full()) {
            String owners = row.fields().get(AuditChain.FIELDS.indexOf("information_owners"));
            if ("ofsted".equals(row.fields().get(AuditChain.FIELDS.indexOf("actor_organisation_id")))
                    && (owners == null || !owners.contains("cqc")) && row.seq() > cqc.first()) {
                ofstedOnly.add(row.seq());
            }
        }
        assertFalse(ofstedOnly.isEmpty(), "Ofsted's own events fall within CQC's export");
        for (long seq : ofstedOnly) {
            assertTrue(cqc.redacted().contains(seq), "Ofsted-only event " + seq + " is redacted for CQC");
        }
        assertFalse(new String(cqcExport.body(), StandardCharsets.UTF_8).contains("AUDIT_VERIFY,AUDIT_TRAIL,"
                + "audit-trail/OFSTED"), "no field of Ofsted's SIRO's verification is in CQC's export");
        Path cqcCsv = folder.resolve("cqc.csv");
        Files.write(cqcCsv, cqcExport.body());
        Run cqcVerified = verifyOffline(pem, cqcCsv);
        assertEquals(0, cqcVerified.status(), cqcVerified.out());
        assertEquals(2, TestEnvironment.count("select count(*) from audit_event where action = 'AUDIT_EXPORT' and "
                + "outcome = 'SUCCEEDED' and detail like 'CSV export; criteria: none%'"),
                "each export is audited with its criteria and counts");
        assertNotEquals(0, TestEnvironment.count("select count(*) from audit_checkpoint"));
    }

    private record Export(List<ChainRow> full, List<Long> redacted, List<Checkpoint> checkpoints, long first,
                          long last) {
    }

    private static Export read(byte[] csv) throws Exception {
        List<ChainRow> full = new ArrayList<>();
        List<Long> redacted = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
        AuditCsv.read(new StringReader(new String(csv, StandardCharsets.UTF_8)), new AuditCsv.ExportHandler() {
            @Override
            public void row(ChainRow row) {
                range[0] = Math.min(range[0], row.seq());
                range[1] = Math.max(range[1], row.seq());
                if (row.kind() == ChainRow.Kind.FULL) {
                    full.add(row);
                } else {
                    redacted.add(row.seq());
                }
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) {
                checkpoints.add(checkpoint);
            }
        });
        return new Export(full, redacted, checkpoints, range[0], range[1]);
    }

    private record Run(int status, String out) {
    }

    /** The offline tool exactly as the README tells a SIRO to run it. */
    private static Run verifyOffline(Path pem, Path csv) throws Exception {
        Path jar = Path.of(System.getProperty("portal.test.auditVerifierJar", "../audit-verifier/target/"
                + "audit-verifier-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(jar), "the build makes the verifier's jar: " + jar);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--public-key", pem.toString(),
                csv.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), out);
    }

    private static void createCqcSiro() throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement user = connection.prepareStatement("insert into user_account (id, username, "
                     + "display_name, organisation_id, roles) values ('audit-cqc-siro', 'audit.cqc-siro', "
                     + "'Carla Riskowner', 'cqc', '{SIRO}') on conflict (id) do nothing")) {
            user.executeUpdate();
        }
        MatrixSubjects.giveTheDemoCredential(List.of("audit-cqc-siro"));
    }
}
