package uk.gov.inspectorates.portal.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import uk.gov.inspectorates.portal.core.document.LedgeredKeyService;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.backup.BucketBackup;
import uk.gov.inspectorates.portal.storage.backup.PostgresDump;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcKeyService;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcUnitOfWork;
import uk.gov.inspectorates.portal.storage.objectstore.AuditBucket;
import uk.gov.inspectorates.portal.storage.objectstore.MinioDestroyedScopeLedger;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;

/**
 * Backup and restore of the database and the document bucket (docs/operations/backup-and-restore.md, ADR 0046), run
 * by an operator with the portal's own settings ({@code PORTAL_DB_URL}, {@code PORTAL_DB_USER},
 * {@code PORTAL_DB_PASSWORD}, {@code PORTAL_S3_ENDPOINT}, {@code PORTAL_S3_ACCESS_KEY}, {@code PORTAL_S3_SECRET_KEY},
 * {@code PORTAL_S3_BUCKET}, {@code PORTAL_S3_REGION}, {@code PORTAL_AUDIT_CHECKPOINTS_BUCKET}; for a restore also
 * {@code PORTAL_KEYSTORE_PATH} and {@code PORTAL_KEYSTORE_PASSWORD}; {@code PORTAL_PG_BIN} names the PostgreSQL client
 * tools' folder when they are not Debian's or on the PATH).
 *
 * <ul>
 *   <li>{@code backup <folder>}: a mark written into the destroyed-scope ledger ({@code ledger.mark} names it),
 *       {@code database.dump} (pg_dump, custom format), then every object of the document
 *       bucket into {@code objects/} with {@code objects.manifest}. The audit bucket (checkpoints and the ledger of
 *       destroyed scopes) is not part of it: it is write-once and is never restored from an older copy.</li>
 *   <li>{@code restore <folder>}: with the portal stopped, and only if the ledger holds the backup's mark (it is the
 *       ledger that recorded every removal since), pg_restore into the configured database, the objects put
 *       back into the bucket, then the ledger replayed: every key scope destroyed since the backup is destroyed again
 *       before the portal serves (the portal also replays it on every start).</li>
 * </ul>
 * Exit status 0 on success, 1 on failure, 2 on a usage error or a missing setting.
 */
public final class BackupPortal {

    /** The backup folder's file naming the mark that the backup wrote into the destroyed-scope ledger. */
    static final String LEDGER_MARK = "ledger.mark";

    private BackupPortal() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            System.err.println("usage: BackupPortal backup|restore <folder>");
            System.exit(2);
        }
        try {
            Path folder = Path.of(args[1]);
            if (args[0].equals("backup")) {
                backup(folder);
            } else {
                restore(folder);
            }
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e);
            System.exit(1);
        }
    }

    static void backup(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (Stream<Path> inside = Files.list(folder)) {
                if (inside.findAny().isPresent()) {
                    throw new IllegalArgumentException("the backup folder " + folder + " is not empty: use a new one");
                }
            }
        }
        // settings read and the folder made first: a mark is locked for years, so none for a backup that cannot run
        PostgresDump database = database();
        MinioDestroyedScopeLedger ledger = ledger();
        Files.createDirectories(folder);
        // the mark before the dump: every destruction after the dump is recorded in the ledger that holds it
        String mark = ledger.markBackup();
        Files.writeString(folder.resolve(LEDGER_MARK), mark + "\n");
        System.out.println("backup mark " + mark + " written into the destroyed-scope ledger");
        database.dump(folder.resolve("database.dump"));
        System.out.println("database dumped to " + folder.resolve("database.dump"));
        try (MinioObjectStore bucket = bucket()) {
            System.out.println(BucketBackup.backup(bucket, folder) + " objects copied to " + folder.resolve("objects"));
        }
    }

    static void restore(Path folder) throws Exception {
        if (!Files.isRegularFile(folder.resolve("database.dump"))) {
            throw new IllegalArgumentException("no database.dump in " + folder);
        }
        if (!Files.isRegularFile(folder.resolve(LEDGER_MARK))) {
            throw new IllegalArgumentException("no " + LEDGER_MARK + " in " + folder + ": without it the restore "
                    + "cannot show that the destroyed-scope ledger has recorded every removal since the backup");
        }
        // the ledger first: a restore that cannot re-shred must not bring anything back
        MinioDestroyedScopeLedger ledger = ledger();
        String mark = Files.readString(folder.resolve(LEDGER_MARK)).strip();
        if (!ledger.holdsBackupMark(mark)) {
            throw new IllegalStateException("the audit bucket " + auditBucket() + " does not hold this backup's mark "
                    + mark + ", so it is not the destroyed-scope ledger that has recorded the removals since the "
                    + "backup (lost and re-created, or another portal's): restoring would bring removed documents "
                    + "back. Nothing was restored. Recover the audit bucket from its replica first "
                    + "(docs/operations/backup-and-restore.md)");
        }
        int recorded = ledger.scopes().size();
        BcfksMasterKeyRing ring = BcfksMasterKeyRing.openOrCreate(Path.of(required("portal.keystore.path")),
                required("portal.keystore.password").toCharArray(), false);
        // every object's copy checked before anything is replaced: a damaged backup stops here, not half-way
        System.out.println(BucketBackup.verify(folder) + " objects in the backup match its manifest");
        database().restore(folder.resolve("database.dump"));
        System.out.println("database restored from " + folder.resolve("database.dump"));
        try (MinioObjectStore bucket = bucket()) {
            bucket.createBucketIfMissing();
            System.out.println(BucketBackup.restore(folder, bucket) + " objects put back into the bucket");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(required("portal.db.url"));
        dataSource.setUser(required("portal.db.user"));
        dataSource.setPassword(required("portal.db.password"));
        int destroyed = new LedgeredKeyService(new JdbcKeyService(dataSource, ring, Clock.systemUTC()), ledger)
                .ledgerReplay(new JdbcAuditTrail(dataSource), new JdbcUnitOfWork(dataSource), Clock.systemUTC()).run();
        System.out.println("ledger replayed: " + recorded + " destroyed scopes recorded, " + destroyed
                + " of them were live in the backup and are destroyed again");
    }

    private static PostgresDump database() {
        return new PostgresDump(required("portal.db.url"), required("portal.db.user"), required("portal.db.password"),
                Settings.get("portal.pg.bin").map(Path::of));
    }

    private static MinioObjectStore bucket() {
        return new MinioObjectStore(required("portal.s3.endpoint"), required("portal.s3.access-key"),
                required("portal.s3.secret-key"), Settings.get("portal.s3.bucket", "portal-documents"), region());
    }

    private static MinioDestroyedScopeLedger ledger() {
        return new MinioDestroyedScopeLedger(required("portal.s3.endpoint"), required("portal.s3.access-key"),
                required("portal.s3.secret-key"), auditBucket(), region(), Duration.ofDays(Long.parseLong(
                        Settings.get("portal.audit.checkpoints.retention-days", AuditBucket.DEFAULT_RETENTION_DAYS))),
                Clock.systemUTC());
    }

    private static String auditBucket() {
        return AuditBucket.name(Settings.get("portal.audit.checkpoints.bucket"),
                Settings.get("portal.s3.bucket", "portal-documents"));
    }

    private static String region() {
        return Settings.get("portal.s3.region", "eu-west-2");
    }

    private static String required(String name) {
        return Settings.get(name).orElseThrow(() -> new IllegalArgumentException(
                "set " + Settings.envName(name) + " (or -D" + name + ")"));
    }
}
