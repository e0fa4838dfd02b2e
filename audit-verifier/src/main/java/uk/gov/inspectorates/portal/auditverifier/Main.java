package uk.gov.inspectorates.portal.auditverifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * The standalone verifier a SIRO runs on a CSV export, with only the portal's public audit signing key:
 * {@code java -jar audit-verifier.jar --public-key audit-signing.pem export.csv}. Exit status 0 only when every event
 * is intact and covered by a signed checkpoint; 1 when the export is broken or not covered; 2 for a usage error or an
 * unreadable file.
 */
public final class Main {

    static final int INTACT = 0;
    static final int NOT_INTACT = 1;
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String keyFile = null;
        String exportFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--public-key".equals(args[i]) && i + 1 < args.length) {
                keyFile = args[++i];
            } else if (args[i].startsWith("--public-key=")) {
                keyFile = args[i].substring("--public-key=".length());
            } else if (exportFile == null && !args[i].startsWith("--")) {
                exportFile = args[i];
            } else {
                return usage(err);
            }
        }
        if (keyFile == null || exportFile == null) {
            return usage(err);
        }
        PublicKey key;
        try {
            key = SigningKeys.fromPem(Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            err.println("Cannot read the public key " + keyFile + ": " + e.getMessage());
            return USAGE;
        }
        try {
            ChainResult result = ExportVerifier.verify(Path.of(exportFile), key);
            out.println("Audit export: " + exportFile);
            out.println("Public key: " + keyFile + " (key id " + SigningKeys.keyId(key) + ")");
            out.print(result.describe());
            return result.intactAndCovered() ? INTACT : NOT_INTACT;
        } catch (AuditCsv.MalformedExportException e) {
            out.println("Audit export: " + exportFile);
            out.println("Result: BROKEN: the file is not a well-formed audit export: " + e.getMessage());
            return NOT_INTACT;
        } catch (IOException e) {
            err.println("Cannot read the export " + exportFile + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static int usage(PrintStream err) {
        err.println("Usage: java -jar audit-verifier.jar --public-key <audit-signing.pem> <export.csv>");
        err.println("Exit status: 0 intact and covered by a signed checkpoint, 1 broken or not covered, 2 usage");
        return USAGE;
    }
}
