package uk.gov.inspectorates.portal.auditverifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a CSV export ({@link AuditCsv}) with the audit signing key's public half: a first pass reads the
 * checkpoints (at the end of the file), a second streams the events through a {@link ChainCheck}. An export starts
 * where the reader's first event is, so its first previous hash is taken as given; every event after it must chain up
 * to a signed checkpoint, which the export must contain.
 */
public final class ExportVerifier {

    private ExportVerifier() {
    }

    public static ChainResult verify(Path export, PublicKey key) throws IOException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            AuditCsv.checkpoints(in, checkpoints::add);
        }
        ChainCheck check = new ChainCheck(key, checkpoints.iterator(), false);
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            AuditCsv.read(in, new AuditCsv.ExportHandler() {
                @Override
                public void row(ChainRow row) {
                    check.accept(row);
                }

                @Override
                public void checkpoint(Checkpoint checkpoint) {
                }
            });
        }
        return check.finish();
    }
}
