package uk.gov.inspectorates.portal.deploy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.MasterKeyRotation;

/**
 * Master-key rotation, run by an operator with the portal's own settings ({@code PORTAL_DB_URL},
 * {@code PORTAL_DB_USER}, {@code PORTAL_DB_PASSWORD}, {@code PORTAL_KEYSTORE_PATH}, {@code PORTAL_KEYSTORE_PASSWORD};
 * or the same as {@code -Dportal.*} properties), while the portal runs or not. See docs/operations/keys.md.
 *
 * <ul>
 *   <li>{@code rotate} (default): generates a new master key into the keystore and re-wraps every live
 *       key-encryption key under it. If a previous run was interrupted (live KEKs remain under an older key), it
 *       resumes that rotation instead of generating another key.</li>
 *   <li>{@code status}: how many live KEKs (and pre-hierarchy reports) each master key wraps.</li>
 *   <li>{@code retire}: removes from the keystore every master key other than the current one that nothing uses
 *       any more.</li>
 * </ul>
 * Exit status 0 on success, 1 on failure (the rotation can be run again to resume), 2 on a usage error.
 */
public final class RotateMasterKey {

    private RotateMasterKey() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "rotate" : args[0];
        if (args.length > 1 || !List.of("rotate", "status", "retire").contains(command)) {
            System.err.println("usage: RotateMasterKey [rotate|status|retire]");
            System.exit(2);
        }
        try {
            System.exit(run(command));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("master-key " + command + " failed: " + e);
            System.err.println("nothing is lost: run it again to resume (docs/operations/keys.md)");
            System.exit(1);
        }
    }

    static int run(String command) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(required("portal.db.url"));
        dataSource.setUser(required("portal.db.user"));
        dataSource.setPassword(required("portal.db.password"));
        // an existing keystore only: rotation never creates one
        BcfksMasterKeyRing ring = BcfksMasterKeyRing.openOrCreate(Path.of(required("portal.keystore.path")),
                required("portal.keystore.password").toCharArray(), false);
        MasterKeyRotation rotation = new MasterKeyRotation(dataSource, ring, new JdbcAuditTrail(dataSource),
                Clock.systemUTC());
        switch (command) {
            case "status" -> printUsage(ring.currentAlias(), rotation.usage());
            case "retire" -> {
                Map<String, Long> usage = rotation.usage();
                for (Map.Entry<String, Long> entry : usage.entrySet()) {
                    if (!entry.getKey().equals(ring.currentAlias()) && entry.getValue() == 0
                            && ring.aliases().contains(entry.getKey())) {
                        ring.removeMasterKey(entry.getKey());
                        System.out.println("removed unused master key " + entry.getKey());
                    }
                }
                printUsage(ring.currentAlias(), rotation.usage());
            }
            default -> {
                if (rotation.unfinished()) {
                    System.out.println("resuming the interrupted rotation to " + ring.currentAlias());
                } else {
                    System.out.println("generated new master key " + ring.addMasterKey());
                }
                MasterKeyRotation.Result result = rotation.run("command:RotateMasterKey os-user="
                        + System.getProperty("user.name"));
                System.out.println("re-wrapped " + result.rewrapped() + " key-encryption keys under "
                        + result.targetAlias());
                printUsage(result.targetAlias(), result.usageAfter());
            }
        }
        return 0;
    }

    private static void printUsage(String current, Map<String, Long> usage) {
        usage.forEach((alias, count) -> System.out.println(alias + (alias.equals(current) ? " (current)" : "")
                + ": " + count + " in use"));
    }

    private static String required(String name) {
        return Settings.get(name).orElseThrow(() -> new IllegalArgumentException(
                "set " + Settings.envName(name) + " (or -D" + name + ")"));
    }
}
