package uk.gov.inspectorates.portal.auditverifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool's exit status and what it prints. */
class MainTest {

    @TempDir
    Path folder;

    private Path export(boolean withCheckpoint) throws IOException {
        List<ChainRow> rows = TrailFixture.chain(new Random(7), 10, 12, null);
        Path file = folder.resolve("export.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AuditCsv.ExportWriter writer = new AuditCsv.ExportWriter(out);
            writer.header();
            for (ChainRow row : rows) {
                writer.row(row);
            }
            if (withCheckpoint) {
                for (Checkpoint checkpoint : TrailFixture.checkpoints(rows, 5)) {
                    writer.checkpoint(checkpoint);
                }
            }
        }
        return file;
    }

    private Path key() throws IOException {
        Path pem = folder.resolve("audit-signing.pem");
        Files.writeString(pem, SigningKeys.toPem(TrailFixture.publicKey()));
        return pem;
    }

    private record Run(int status, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anIntactCoveredExportExitsZero() throws IOException {
        Run run = run("--public-key", key().toString(), export(true).toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("Result: INTACT"), run.out());
    }

    @Test
    void oneChangedByteExitsOne() throws IOException {
        Path file = export(true);
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("actor_id-");
        bytes[at] = 'b';
        Files.write(file, bytes);
        Run run = run("--public-key", key().toString(), file.toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("Result: BROKEN at seq"), run.out());
    }

    @Test
    void anExportWithoutItsCheckpointIsNotCovered() throws IOException {
        Run run = run("--public-key", key().toString(), export(false).toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("NOT COVERED"), run.out());
    }

    @Test
    void anotherKeyOrNoKeyIsRefused() throws IOException {
        Path other = folder.resolve("other.pem");
        Files.writeString(other, SigningKeys.toPem(TrailFixture.OTHER_KEY.getPublic()));
        assertEquals(1, run("--public-key", other.toString(), export(true).toString()).status());
        assertEquals(2, run(export(true).toString()).status());
        assertEquals(2, run("--public-key", folder.resolve("missing.pem").toString(), "x.csv").status());
    }
}
