package uk.gov.inspectorates.portal.storage.objectstore;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Retention;

/**
 * The audit bucket that the checkpoint archive and the destroyed-scope ledger share: made with object lock where the
 * store allows it, without where it refuses, unless it exists. Either of them (or another instance) may make it at
 * the same moment, so a refused creation is checked against the bucket being there now.
 */
final class ObjectLockBuckets {

    private ObjectLockBuckets() {
    }

    /** Returns the store's refusal of object lock when it made the bucket without, else null. */
    static ErrorResponseException ensure(MinioClient client, String bucket) throws MinioException {
        if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return null;
        }
        try {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(true).build());
            return null;
        } catch (ErrorResponseException refused) {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                return null;
            }
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            return refused;
        }
    }

    /** Writes a small JSON object, locked until the retention's date when one is given (null: a plain object). */
    static void putJson(MinioClient client, String bucket, String key, byte[] json, Retention lock) throws MinioException {
        PutObjectArgs.Builder args = PutObjectArgs.builder().bucket(bucket).object(key).data(json, json.length)
                .contentType("application/json");
        if (lock != null) {
            args.retention(lock);
        }
        client.putObject(args.build());
    }
}
