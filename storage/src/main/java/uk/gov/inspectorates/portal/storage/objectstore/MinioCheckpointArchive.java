package uk.gov.inspectorates.portal.storage.objectstore;

import io.minio.GetObjectArgs;
import io.minio.GetObjectRetentionArgs;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoint;
import uk.gov.inspectorates.portal.core.audit.CheckpointArchive;

/**
 * The write-once copies of the signed checkpoints, one small JSON object each ({@code audit-checkpoints/<seq>.json})
 * in a bucket of their own (the document bucket's orphan sweep would take them for orphans). Where the store supports
 * S3 object lock (MinIO, AWS S3), the bucket is created with it and every copy is put under a COMPLIANCE retention
 * that nobody, the store's administrators included, can shorten or lift; a store that does not (S3Proxy) gets plain
 * objects, and {@link #protection()} says so (docs/adr/0031). A copy is never replaced.
 */
public final class MinioCheckpointArchive implements CheckpointArchive {

    static final String PREFIX = "audit-checkpoints/";
    private static final Logger LOG = Logger.getLogger(MinioCheckpointArchive.class.getName());
    /** What a store without object lock answers; any other refusal fails the checkpoint rather than downgrade it. */
    private static final java.util.Set<String> NO_OBJECT_LOCK = java.util.Set.of("NotImplemented", "InvalidRequest",
            "ObjectLockConfigurationNotFoundError", "InvalidBucketState");
    private static final Pattern JSON = Pattern.compile("\\{\"seq\":(-?\\d+),\"head\":\"([0-9a-f]+)\",\"at\":\"([^\"]+)\","
            + "\"keyId\":\"([^\"]+)\",\"signature\":\"([0-9a-f]+)\"}\\s*");

    private final MinioClient client;
    private final String bucket;
    private final Duration retention;
    private volatile boolean objectLock;
    private volatile String protection;

    public MinioCheckpointArchive(String endpoint, String accessKey, String secretKey, String bucket, String region,
                                  Duration retention) {
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region(region)
                .httpClient(Http.newDefaultClient(), true).build();
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** Creates the bucket with object lock (or, where the store refuses that, without) unless it exists. */
    public MinioCheckpointArchive prepare() throws IOException {
        try {
            ErrorResponseException refused = ObjectLockBuckets.ensure(client, bucket);
            if (refused != null) {
                LOG.warning(() -> "The object store refused a bucket with object lock ("
                        + refused.errorResponse().code() + "): audit checkpoints are kept as plain objects");
            }
        } catch (MinioException e) {
            throw new IOException("preparing the audit checkpoint bucket " + bucket + ": " + e.getMessage(), e);
        }
        objectLock = true;
        protection = "object lock (COMPLIANCE retention of " + retention.toDays() + " days) in bucket " + bucket;
        return this;
    }

    @Override
    public void keep(AuditCheckpoint checkpoint) {
        String key = key(checkpoint.seq());
        if (exists(key)) {
            throw new IllegalStateException("a checkpoint at seq " + checkpoint.seq() + " is kept already; copies are "
                    + "never replaced");
        }
        byte[] json = json(checkpoint).getBytes(StandardCharsets.UTF_8);
        try {
            if (objectLock) {
                try {
                    ObjectLockBuckets.putJson(client, bucket, key, json, new Retention(RetentionMode.COMPLIANCE,
                            Instant.now().plus(retention).atZone(ZoneOffset.UTC)));
                    if (retained(key)) {
                        return;
                    }
                    noObjectLock("the store accepted a retention but does not report one");
                    return;
                } catch (ErrorResponseException refused) {
                    if (!NO_OBJECT_LOCK.contains(refused.errorResponse().code())) {
                        throw refused;
                    }
                    noObjectLock(refused.errorResponse().code());
                }
            }
            ObjectLockBuckets.putJson(client, bucket, key, json, null);
        } catch (MinioException e) {
            throw new UncheckedIOException(new IOException("keeping checkpoint " + key + ": " + e.getMessage(), e));
        }
    }

    private void noObjectLock(String why) {
        if (objectLock) {
            objectLock = false;
            protection = "plain objects in bucket " + bucket + " (the store does not support object lock: " + why
                    + ")";
            LOG.warning(() -> "Audit checkpoints: " + protection);
        }
    }

    private boolean retained(String key) {
        try {
            Retention retained = client.getObjectRetention(GetObjectRetentionArgs.builder().bucket(bucket)
                    .object(key).build());
            return retained != null && retained.mode() == RetentionMode.COMPLIANCE;
        } catch (MinioException | RuntimeException e) {
            return false;
        }
    }

    private boolean exists(String key) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NotFound".equals(e.errorResponse().code())) {
                return false;
            }
            throw new UncheckedIOException(new IOException("checking " + key + ": " + e.getMessage(), e));
        } catch (MinioException e) {
            throw new UncheckedIOException(new IOException("checking " + key + ": " + e.getMessage(), e));
        }
    }

    @Override
    public Optional<AuditCheckpoint> find(long seq) {
        String key = key(seq);
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), key));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new UncheckedIOException(new IOException("reading " + key + ": " + e.getMessage(), e));
        } catch (MinioException | IOException e) {
            throw new UncheckedIOException(new IOException("reading " + key + ": " + e.getMessage(), e));
        }
    }

    @Override
    public SortedSet<Long> seqs() {
        SortedSet<Long> seqs = new TreeSet<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(PREFIX)
                    .recursive(true).build())) {
                String name = result.get().objectName();
                if (name.endsWith(".json")) {
                    seqs.add(Long.parseLong(name.substring(PREFIX.length(), name.length() - ".json".length())));
                }
            }
        } catch (MinioException e) {
            throw new UncheckedIOException(new IOException("listing the audit checkpoints: " + e.getMessage(), e));
        }
        return seqs;
    }

    @Override
    public String protection() {
        return protection == null ? "not prepared" : protection;
    }

    static String key(long seq) {
        return PREFIX + String.format("%020d", seq) + ".json";
    }

    static String json(AuditCheckpoint checkpoint) {
        return "{\"seq\":" + checkpoint.seq() + ",\"head\":\"" + HexFormat.of().formatHex(checkpoint.headHash())
                + "\",\"at\":\"" + checkpoint.at() + "\",\"keyId\":\"" + checkpoint.keyId() + "\",\"signature\":\""
                + HexFormat.of().formatHex(checkpoint.signature()) + "\"}\n";
    }

    static AuditCheckpoint parse(String json, String key) {
        Matcher matcher = JSON.matcher(json);
        if (!matcher.matches()) {
            // an altered copy that is no longer even well-formed: report it as a copy that differs
            return new AuditCheckpoint(Long.MIN_VALUE, new byte[0], Instant.EPOCH, "unreadable " + key, new byte[0]);
        }
        return new AuditCheckpoint(Long.parseLong(matcher.group(1)), HexFormat.of().parseHex(matcher.group(2)),
                Instant.parse(matcher.group(3)), matcher.group(4), HexFormat.of().parseHex(matcher.group(5)));
    }
}
