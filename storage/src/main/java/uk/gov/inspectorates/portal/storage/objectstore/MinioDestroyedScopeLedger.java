package uk.gov.inspectorates.portal.storage.objectstore;

import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
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
        String key = key(scope);
        byte[] json = ("{\"kind\":\"" + scope.kind() + "\",\"at\":\"" + clock.instant() + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            if (objectLock) {
                try {
                    ObjectLockBuckets.putJson(client, bucket, key, json, new Retention(RetentionMode.COMPLIANCE,
                            clock.instant().plus(retention).atZone(ZoneOffset.UTC)));
                    return;
                } catch (ErrorResponseException refused) {
                    if (!NO_OBJECT_LOCK.contains(refused.errorResponse().code())) {
                        throw refused;
                    }
                    objectLock = false;
                }
            }
            ObjectLockBuckets.putJson(client, bucket, key, json, null);
        } catch (MinioException e) {
            throw new UncheckedIOException(new IOException("recording destroyed scope " + scope + ": "
                    + e.getMessage(), e));
        }
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
