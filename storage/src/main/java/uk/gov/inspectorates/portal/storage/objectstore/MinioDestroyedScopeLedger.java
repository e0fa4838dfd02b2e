package uk.gov.inspectorates.portal.storage.objectstore;

import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import uk.gov.inspectorates.portal.core.document.DestroyedScopeLedger;
import uk.gov.inspectorates.portal.core.document.KeyScope;

/**
 * The ledger of destroyed key scopes as one small object per scope ({@code destroyed-key-scopes/<KIND>/<id>}) in the
 * audit bucket, beside the checkpoints (docs/adr/0046): a bucket of its own, never restored from a backup (it only
 * grows), under a COMPLIANCE retention where the store supports object lock (as {@link MinioCheckpointArchive}).
 * The object names the scope only (a report or inspection id), never a title or content.
 */
public final class MinioDestroyedScopeLedger implements DestroyedScopeLedger {

    static final String PREFIX = "destroyed-key-scopes/";
    static final String BACKUP_MARKS = "destroyed-key-scopes-backup-marks/";
    private static final Set<String> NO_OBJECT_LOCK = Set.of("NotImplemented", "InvalidRequest",
            "ObjectLockConfigurationNotFoundError", "InvalidBucketState");

    private final MinioClient client;
    private final String bucket;
    private final Duration retention;
    private final Clock clock;
    private volatile boolean objectLock = true;

    public MinioDestroyedScopeLedger(String endpoint, String accessKey, String secretKey, String bucket, String region,
                                     Duration retention, Clock clock) {
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region(region)
                .httpClient(Http.newDefaultClient(), true).build();
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the bucket (with object lock where the store allows it) unless it exists. */
    public MinioDestroyedScopeLedger prepare() throws IOException {
        try {
            ObjectLockBuckets.ensure(client, bucket);
        } catch (MinioException e) {
            throw new IOException("preparing the destroyed-scope ledger in bucket " + bucket + ": " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public void record(KeyScope scope) {
        try {
            putLocked(key(scope), "{\"kind\":\"" + scope.kind() + "\",\"at\":\"" + clock.instant() + "\"}\n");
        } catch (MinioException e) {
            throw new UncheckedIOException(new IOException("recording destroyed scope " + scope + ": "
                    + e.getMessage(), e));
        }
    }

    /**
     * Writes a new backup mark into the ledger, write-once like its entries, and returns its id, for a backup taken
     * now to name. A restore of that backup goes ahead only if the ledger still {@linkplain #holdsBackupMark holds}
     * it: then it is the ledger that has recorded every destruction since the backup, not one lost and re-created
     * empty (or another portal's), which would let the restore bring back what was removed since (docs/adr/0046).
     */
    public String markBackup() throws IOException {
        String id = clock.instant().toString().replace(':', '-') + "-" + UUID.randomUUID();
        try {
            putLocked(BACKUP_MARKS + id, "{\"at\":\"" + clock.instant() + "\"}\n");
        } catch (MinioException e) {
            throw new IOException("writing a backup mark into the destroyed-scope ledger in bucket " + bucket + ": "
                    + e.getMessage(), e);
        }
        return id;
    }

    /** Whether this ledger holds the backup mark {@code id} ({@link #markBackup}). */
    public boolean holdsBackupMark(String id) throws IOException {
        if (!id.matches("[0-9A-Za-z.-]{1,100}")) {
            return false;
        }
        try {
            client.statObject(StatObjectArgs.builder().bucket(bucket).object(BACKUP_MARKS + id).build());
            return true;
        } catch (MinioException e) {
            if (e instanceof ErrorResponseException refused && "NoSuchKey".equals(refused.errorResponse().code())) {
                return false;
            }
            throw new IOException("looking for backup mark " + id + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    private void putLocked(String key, String json) throws MinioException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (objectLock) {
            try {
                ObjectLockBuckets.putJson(client, bucket, key, bytes, new Retention(RetentionMode.COMPLIANCE,
                        clock.instant().plus(retention).atZone(ZoneOffset.UTC)));
                return;
            } catch (ErrorResponseException refused) {
                if (!NO_OBJECT_LOCK.contains(refused.errorResponse().code())) {
                    throw refused;
                }
                objectLock = false;
            }
        }
        ObjectLockBuckets.putJson(client, bucket, key, bytes, null);
    }

    @Override
    public Set<KeyScope> scopes() {
        Set<KeyScope> scopes = new HashSet<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(PREFIX)
                    .recursive(true).build())) {
                scopes.add(scope(result.get().objectName()));
            }
        } catch (MinioException e) {
            throw new UncheckedIOException(new IOException("listing the destroyed-scope ledger: " + e.getMessage(), e));
        }
        return scopes;
    }

    static String key(KeyScope scope) {
        return PREFIX + scope.kind() + "/" + URLEncoder.encode(scope.id(), StandardCharsets.UTF_8);
    }

    static KeyScope scope(String key) {
        String rest = key.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return new KeyScope(KeyScope.Kind.valueOf(rest.substring(0, slash)),
                URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8));
    }
}
