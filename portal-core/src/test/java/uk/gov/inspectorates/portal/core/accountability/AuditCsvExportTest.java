package uk.gov.inspectorates.portal.core.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;
import uk.gov.inspectorates.portal.auditverifier.AuditCsv;
import uk.gov.inspectorates.portal.auditverifier.ChainResult;
import uk.gov.inspectorates.portal.auditverifier.ChainRow;
import uk.gov.inspectorates.portal.auditverifier.Checkpoint;
import uk.gov.inspectorates.portal.auditverifier.ExportVerifier;
import uk.gov.inspectorates.portal.auditverifier.SigningKeys;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditChainReader;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoint;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpointing;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoints;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditEventFields;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.audit.CheckpointArchive;
import uk.gov.inspectorates.portal.core.audit.CheckpointSigner;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The SIRO's CSV export on an in-memory chain: events in the SIRO's scope that meet the criteria in full, every other
 * event in the range redacted, ending at a checkpoint taken for it, verifying offline; anyone else refused by the rule.
 */
class AuditCsvExportTest {

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path folder;

    /** The chain as the trail holds it: appended in order, chain version 2. */
    static final class Chain implements AuditChainReader, AuditTrail {
        final List<StoredAuditEvent> events = new ArrayList<>();

        @Override
        public void record(AuditEvent event) {
            long seq = events.size() + 1;
            byte[] previous = events.isEmpty() ? null : events.get(events.size() - 1).hash();
            events.add(new StoredAuditEvent(seq, event, previous,
                    AuditChain.link(previous, AuditEventFields.contentDigest(seq, event))));
        }

        @Override
        public List<AuditEvent> recent(int limit) {
            return events.stream().map(StoredAuditEvent::event).toList();
        }

        @Override
        public Optional<StoredAuditEvent> head() {
            return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
        }

        @Override
        public void inOrder(long fromSeq, long toSeq, Consumer<StoredAuditEvent> each) {
            events.stream().filter(e -> e.seq() >= fromSeq && e.seq() <= toSeq).forEach(each);
        }
    }

    static final class Checkpoints implements AuditCheckpoints, CheckpointArchive {
        final TreeMap<Long, AuditCheckpoint> kept = new TreeMap<>();

        @Override
        public void lockForWriting() {
        }

        @Override
        public void add(AuditCheckpoint checkpoint) {
            kept.put(checkpoint.seq(), checkpoint);
        }

        @Override
        public Optional<AuditCheckpoint> latest() {
            return kept.isEmpty() ? Optional.empty() : Optional.of(kept.lastEntry().getValue());
        }

        @Override
        public List<AuditCheckpoint> after(long afterSeq, int limit) {
            return kept.tailMap(afterSeq, false).values().stream().limit(limit).toList();
        }

        @Override
        public void keep(AuditCheckpoint checkpoint) {
        }

        @Override
        public Optional<AuditCheckpoint> find(long seq) {
            return Optional.ofNullable(kept.get(seq));
        }

        @Override
        public SortedSet<Long> seqs() {
            return new TreeSet<>(kept.keySet());
        }

        @Override
        public String protection() {
            return "in memory";
        }
    }

    static final class TestSigner implements CheckpointSigner {
        final KeyPair key;

        TestSigner() {
            try {
                key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] sign(byte[] payload) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key.getPrivate());
                signature.update(payload);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String keyId() {
            return SigningKeys.keyId(key.getPublic());
        }

        @Override
        public String verificationKeyPem() {
            return SigningKeys.toPem(key.getPublic());
        }
    }

    private final Chain chain = new Chain();
    private final Checkpoints checkpoints = new Checkpoints();
    private final TestSigner signer = new TestSigner();
    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), chain, clock);
    private final AuditCheckpointing checkpointing = new AuditCheckpointing(chain, checkpoints, checkpoints, signer,
            UnitOfWork.NONE, clock, new AuditCheckpointing.Cadence(Duration.ofMinutes(1), 0));
    private final AuditCsvExport export = new AuditCsvExport(gate, chain, checkpoints, checkpointing);

    private static AuditEvent event(int i, String organisation, Set<String> owners, String action) {
        return new AuditEvent(T0.plusSeconds(i), "u-" + i, organisation, "INSPECTOR", action, "REPORT", "r-" + i,
                "r-" + i, null, owners, i % 5 == 0 ? Outcome.DENIED : Outcome.SUCCEEDED,
                i % 7 == 0 ? "=HYPERLINK(\"http://evil\")" : "detail " + i, null, "203.0.113.1", "agent, \"x\"");
    }

    private void trail() {
        String[] organisations = {"ofsted", "cqc", "northdale-police", "hmic"};
        for (int i = 1; i <= 60; i++) {
            String organisation = organisations[i % organisations.length];
            Set<String> owners = i % 3 == 0 ? Set.of("cqc") : i % 3 == 1 ? Set.of("ofsted") : Set.of();
            chain.record(event(i, organisation, owners, i % 2 == 0 ? "REPORT_VIEW" : "REPORT_DOWNLOAD"));
            if (i % 17 == 0) {
                checkpointing.takeIfDue();
            }
        }
    }

    private static Subject siro(Inspectorate inspectorate) {
        return aSubject().of(inspectorate).withId(inspectorate.name().toLowerCase() + "-siro").withRoles(Role.SIRO)
                .build();
    }

    private static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, 1, AuditQuery.MAX_PAGE_SIZE);
    }

    private Path write(AuditCsvExport.Prepared prepared, String name) throws IOException {
        Path file = folder.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            prepared.writeTo(out);
        }
        return file;
    }

    private static List<ChainRow> rows(Path file) throws IOException {
        List<ChainRow> rows = new ArrayList<>();
        try (var in = Files.newBufferedReader(file)) {
            AuditCsv.read(in, new AuditCsv.ExportHandler() {
                @Override
                public void row(ChainRow row) {
                    rows.add(row);
                }

                @Override
                public void checkpoint(Checkpoint checkpoint) {
                }
            });
        }
        return rows;
    }

    @Test
    void aSirosExportHoldsTheirScopeInFullTheRestRedactedAndVerifiesOffline() throws IOException {
        trail();
        Subject cqcSiro = siro(Inspectorate.CQC);
        AuditCsvExport.Written written;
        Path file;
        {
            AuditCsvExport.Prepared prepared = export.prepare(cqcSiro, everything());
            file = folder.resolve("cqc.csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                written = prepared.writeTo(out);
            }
        }
        ChainResult result = ExportVerifier.verify(file, SigningKeys.fromPem(signer.verificationKeyPem()));
        assertTrue(result.intactAndCovered(), result.describe());
        List<ChainRow> rows = rows(file);
        assertEquals(written.fullEvents() + written.redactedEvents(), rows.size());
        assertEquals(60, written.checkpointSeq(), "a checkpoint at the head was taken for the export");
        for (ChainRow row : rows) {
            AuditEvent event = chain.events.get((int) row.seq() - 1).event();
            boolean theirs = "cqc".equals(event.actorOrganisationId()) || event.informationOwners().contains("cqc");
            assertEquals(theirs, row.kind() == ChainRow.Kind.FULL, "seq " + row.seq());
        }
        assertTrue(written.redactedEvents() > 0);
        AuditEvent audited = chain.events.get(chain.events.size() - 1).event();
        assertEquals(AuditActions.AUDIT_EXPORT, audited.action());
        assertTrue(audited.detail().contains(written.fullEvents() + " events in full, " + written.redactedEvents()
                + " redacted"), audited.detail());
        assertFalse(Files.readString(file).contains(",=HYPERLINK"), "no cell starts a formula");
    }

    @Test
    void criteriaNarrowWhatIsInFullAndWhereTheRangeStarts() throws IOException {
        trail();
        AuditQuery downloads = new AuditQuery(null, null, null, null, "REPORT_DOWNLOAD", null,
                T0.plusSeconds(30), null, null, 1, AuditQuery.MAX_PAGE_SIZE);
        Path file = write(export.prepare(siro(Inspectorate.OFSTED), downloads), "ofsted.csv");
        assertTrue(ExportVerifier.verify(file, SigningKeys.fromPem(signer.verificationKeyPem())).intactAndCovered());
        List<ChainRow> rows = rows(file);
        assertTrue(rows.get(0).seq() >= 30 && rows.get(0).kind() == ChainRow.Kind.FULL, "starts at the first match");
        for (ChainRow row : rows) {
            if (row.kind() == ChainRow.Kind.FULL) {
                assertEquals("REPORT_DOWNLOAD", row.fields().get(AuditChain.FIELDS.indexOf("action")));
            }
        }
    }

    @Test
    void anyoneButTheirOwnSiroIsRefusedByTheRule() {
        trail();
        Subject inspector = aSubject().of(Inspectorate.CQC).withId("cqc-inspector").withRoles(Role.INSPECTOR)
                .build();
        AccessDenied refused = assertThrows(AccessDenied.class, () -> export.prepare(inspector, everything()));
        assertEquals("audit.read.own-organisation-siro", refused.rule());
        AuditEvent audited = chain.events.get(chain.events.size() - 1).event();
        assertEquals(AuditActions.AUDIT_EXPORT, audited.action());
        assertEquals(Outcome.DENIED, audited.outcome());
        assertTrue(checkpoints.kept.isEmpty() || checkpoints.kept.lastKey() < chain.events.size(),
                "no checkpoint is taken for a refused export");
    }
}
