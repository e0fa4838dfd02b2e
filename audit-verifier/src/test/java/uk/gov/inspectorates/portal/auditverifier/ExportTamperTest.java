package uk.gov.inspectorates.portal.auditverifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomised tampering with CSV exports (seeded: a failure names its seed and trial): every kind of tamper the issue
 * lists is detected by the offline verifier in every trial, and the untouched export verifies intact and covered.
 */
class ExportTamperTest {

    private static final long SEED = 18_0031L;
    private static final int TRIALS_PER_KIND = 60;

    enum Tamper {
        EDIT_FIELD, EDIT_FIELD_AND_RECHAIN, EDIT_REDACTED_DIGEST, DELETE_EVENT, INSERT_EVENT, REORDER_EVENTS,
        TRUNCATE_TAIL_PAST_CHECKPOINT, REPLACE_CHECKPOINT, RESIGN_CHECKPOINT_WITH_OTHER_KEY,
        REMOVE_COVERING_CHECKPOINT, UNREDACT_WITH_MADE_UP_FIELDS
    }

    @TempDir
    Path folder;

    /** An export as the portal writes it: a random run of events, some redacted, checkpoints in it. */
    record Export(List<ChainRow> rows, List<Checkpoint> checkpoints) {
    }

    private static Export export(Random random) {
        List<ChainRow> chain = TrailFixture.chain(random, 100 + random.nextInt(50), 8 + random.nextInt(40),
                random.nextBoolean() ? null : TrailFixture.flipped(new byte[32]));
        List<ChainRow> rows = new ArrayList<>();
        for (ChainRow row : chain) {
            rows.add(random.nextInt(3) == 0 ? row.redact() : row);
        }
        return new Export(rows, TrailFixture.checkpoints(chain, 3 + random.nextInt(6)));
    }

    private Path write(Export export, String name) throws IOException {
        Path file = folder.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AuditCsv.ExportWriter writer = new AuditCsv.ExportWriter(out);
            writer.header();
            for (ChainRow row : export.rows()) {
                writer.row(row);
            }
            for (Checkpoint checkpoint : export.checkpoints()) {
                writer.checkpoint(checkpoint);
            }
        }
        return file;
    }

    private boolean detected(Path file) throws IOException {
        try {
            return !ExportVerifier.verify(file, TrailFixture.publicKey()).intactAndCovered();
        } catch (AuditCsv.MalformedExportException e) {
            return true;
        }
    }

    @Test
    void untouchedExportsVerifyIntactAndCovered() throws IOException {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 50; trial++) {
            Export export = export(random);
            ChainResult result = ExportVerifier.verify(write(export, "clean.csv"), TrailFixture.publicKey());
            assertTrue(result.intactAndCovered(), "trial " + trial + ": " + result.describe());
            assertEquals(export.rows().size(), result.eventsChecked());
            assertEquals(export.checkpoints().get(export.checkpoints().size() - 1).seq(),
                    result.checkpointReached().seq());
        }
    }

    @Test
    void everyKindOfTamperIsDetectedInEveryTrial() throws IOException {
        Random random = new Random(SEED);
        Map<Tamper, Integer> detected = new EnumMap<>(Tamper.class);
        for (Tamper tamper : Tamper.values()) {
            for (int trial = 0; trial < TRIALS_PER_KIND; trial++) {
                Export export = export(random);
                Export tampered = tamper(tamper, export, random);
                assertNotNull(tampered, tamper + " trial " + trial);
                boolean caught = detected(write(tampered, "tampered.csv"));
                assertTrue(caught, "seed " + SEED + ": " + tamper + " in trial " + trial + " went unnoticed");
                detected.merge(tamper, 1, Integer::sum);
            }
        }
        for (Tamper tamper : Tamper.values()) {
            assertEquals(TRIALS_PER_KIND, detected.get(tamper), tamper.name());
        }
    }

    private static Export tamper(Tamper tamper, Export export, Random random) {
        List<ChainRow> rows = new ArrayList<>(export.rows());
        List<Checkpoint> checkpoints = new ArrayList<>(export.checkpoints());
        int at = random.nextInt(rows.size());
        switch (tamper) {
            case EDIT_FIELD -> {
                int i = fullRow(rows, random);
                ChainRow row = rows.get(i);
                rows.set(i, new ChainRow(row.seq(), ChainRow.Kind.FULL, edited(row.fields(), random, 0),
                        row.previousHash(), row.contentDigest(), row.hash()));
            }
            case EDIT_FIELD_AND_RECHAIN -> {
                // a careful forger recomputes the digest and every hash after the edit: only a signature stops them
                int i = fullRow(rows, random);
                List<String> fields = edited(rows.get(i).fields(), random, 1);
                byte[] previous = rows.get(i).previousHash();
                for (int j = i; j < rows.size(); j++) {
                    ChainRow row = rows.get(j);
                    byte[] digest = j == i ? AuditChain.contentDigest(fields) : row.contentDigest();
                    byte[] hash = AuditChain.link(previous, digest);
                    rows.set(j, new ChainRow(row.seq(), row.kind(), j == i ? fields : row.fields(), previous,
                            digest, hash));
                    previous = hash;
                }
            }
            case EDIT_REDACTED_DIGEST -> {
                ChainRow row = rows.get(at);
                rows.set(at, ChainRow.redacted(row.seq(), row.previousHash(), TrailFixture.flipped(row.contentDigest()),
                        row.hash()));
            }
            case DELETE_EVENT -> {
                // not the first: an export may start anywhere, so the first row is covered by the tests below
                rows.remove(1 + random.nextInt(rows.size() - 1));
            }
            case INSERT_EVENT -> {
                int i = 1 + random.nextInt(rows.size() - 1);
                ChainRow before = rows.get(i - 1);
                List<String> fields = TrailFixture.randomFields(random, before.seq());
                rows.add(i, ChainRow.full(before.seq(), fields, before.hash(),
                        AuditChain.link(before.hash(), AuditChain.contentDigest(fields))));
            }
            case REORDER_EVENTS -> {
                int i = random.nextInt(rows.size() - 1);
                int j = i + 1 + random.nextInt(rows.size() - i - 1);
                ChainRow first = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, first);
            }
            case TRUNCATE_TAIL_PAST_CHECKPOINT -> {
                Checkpoint last = checkpoints.get(checkpoints.size() - 1);
                long cut = last.seq() - random.nextInt(3);
                rows.removeIf(row -> row.seq() >= cut);
            }
            case REPLACE_CHECKPOINT -> {
                int c = random.nextInt(checkpoints.size());
                Checkpoint old = checkpoints.get(c);
                ChainRow other = rows.get(at);
                checkpoints.set(c, TrailFixture.sign(TrailFixture.OTHER_KEY, old.seq(),
                        random.nextBoolean() ? other.hash() : TrailFixture.flipped(old.head()), old.at(),
                        random.nextBoolean() ? old.keyId() : SigningKeys.keyId(TrailFixture.OTHER_KEY.getPublic())));
            }
            case RESIGN_CHECKPOINT_WITH_OTHER_KEY -> {
                int c = random.nextInt(checkpoints.size());
                Checkpoint old = checkpoints.get(c);
                checkpoints.set(c, TrailFixture.sign(TrailFixture.OTHER_KEY, old.seq(), old.head(), old.at(),
                        old.keyId()));
            }
            case REMOVE_COVERING_CHECKPOINT -> checkpoints.remove(checkpoints.size() - 1);
            case UNREDACT_WITH_MADE_UP_FIELDS -> {
                ChainRow row = rows.get(at);
                List<String> fields = TrailFixture.randomFields(random, row.seq());
                rows.set(at, new ChainRow(row.seq(), ChainRow.Kind.FULL, fields, row.previousHash(),
                        row.contentDigest(), row.hash()));
                if (row.kind() == ChainRow.Kind.FULL && fields.equals(row.fields())) {
                    return null;
                }
            }
        }
        return new Export(rows, checkpoints);
    }

    private static int fullRow(List<ChainRow> rows, Random random) {
        for (int tries = 0; ; tries++) {
            int i = random.nextInt(rows.size());
            if (rows.get(i).kind() == ChainRow.Kind.FULL) {
                return i;
            }
            if (tries > 1000) {
                throw new IllegalStateException("no full row");
            }
        }
    }

    private static List<String> edited(List<String> fields, Random random, int firstField) {
        List<String> copy = new ArrayList<>(fields);
        int field = firstField + random.nextInt(copy.size() - firstField);
        String value = copy.get(field);
        copy.set(field, switch (random.nextInt(3)) {
            case 0 -> value == null ? "" : value.isEmpty() ? null : value + "x";
            case 1 -> value == null ? "x" : value.isEmpty() ? "x" : value.substring(1);
            default -> field == 0 ? Long.toString(Long.parseLong(value) + 1) : value == null ? "0" : value + " ";
        });
        return copy;
    }

    @Test
    void exportsStartingMidChainVerifyFromTheirFirstEvent() throws IOException {
        Random random = new Random(SEED + 1);
        Export export = export(random);
        List<ChainRow> tail = export.rows().subList(5, export.rows().size());
        List<Checkpoint> inRange = export.checkpoints().stream().filter(c -> c.seq() >= tail.get(0).seq()).toList();
        assertTrue(ExportVerifier.verify(write(new Export(tail, inRange), "tail.csv"), TrailFixture.publicKey())
                .intactAndCovered());
    }

    @Test
    void anEmptyExportOrOneWithoutCheckpointsIsNotCovered() throws IOException {
        assertFalse(ExportVerifier.verify(write(new Export(List.of(), List.of()), "empty.csv"),
                TrailFixture.publicKey()).intactAndCovered());
        Export export = export(new Random(SEED + 2));
        ChainResult result = ExportVerifier.verify(write(new Export(export.rows(), List.of()), "bare.csv"),
                TrailFixture.publicKey());
        assertTrue(result.intact());
        assertFalse(result.intactAndCovered());
        assertEquals(export.rows().size(), result.eventsAfterCheckpoint());
    }

    @Test
    void aCheckpointOlderThanTheOneBeforeItBreaksTheChain() throws IOException {
        Export export = export(new Random(SEED + 3));
        List<Checkpoint> checkpoints = new ArrayList<>(export.checkpoints());
        Checkpoint last = checkpoints.get(checkpoints.size() - 1);
        checkpoints.set(checkpoints.size() - 1, TrailFixture.sign(TrailFixture.KEY, last.seq(), last.head(),
                Instant.parse("2000-01-01T00:00:00Z")));
        if (checkpoints.size() > 1) {
            assertFalse(ExportVerifier.verify(write(new Export(export.rows(), checkpoints), "old.csv"),
                    TrailFixture.publicKey()).intact());
        }
    }

    @Test
    void theWriterAndReaderAgreeOnEveryAwkwardValue() throws IOException {
        Random random = new Random(SEED + 4);
        List<ChainRow> rows = TrailFixture.chain(random, 1, 300, null);
        StringWriter text = new StringWriter();
        AuditCsv.ExportWriter writer = new AuditCsv.ExportWriter(text);
        writer.header();
        for (ChainRow row : rows) {
            writer.row(row);
        }
        List<ChainRow> read = new ArrayList<>();
        AuditCsv.read(new java.io.StringReader(text.toString()), new AuditCsv.ExportHandler() {
            @Override
            public void row(ChainRow row) {
                read.add(row);
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) {
            }
        });
        assertEquals(rows.size(), read.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).fields(), read.get(i).fields(), "row " + i);
        }
        for (String line : text.toString().split("\r\n")) {
            for (String cell : line.split(",")) {
                String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!bare.isEmpty() && "=+-@".indexOf(bare.charAt(0)) >= 0,
                        "a cell a spreadsheet would take for a formula: " + cell);
            }
        }
    }
}
