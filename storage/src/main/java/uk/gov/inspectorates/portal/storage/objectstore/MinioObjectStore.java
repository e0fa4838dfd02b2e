package uk.gov.inspectorates.portal.storage.objectstore;

import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.Http;
import io.minio.ListMultipartUploadsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.UploadPartArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import io.minio.messages.ListMultipartUploadsResult;
import io.minio.messages.Part;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import uk.gov.inspectorates.portal.core.document.ObjectParts;
import uk.gov.inspectorates.portal.core.document.ObjectStore;

/** {@link ObjectStore} on an S3-compatible bucket (MinIO in production) through the MinIO Java SDK. */
public final class MinioObjectStore implements ObjectStore, ObjectParts, AutoCloseable {

    /** Part size for uploads of unknown length; the SDK holds a few parts in memory per upload. */
    public static final long PART_SIZE = 8L * 1024 * 1024;

    private final OkHttpClient http;
    private final MinioClient client;
    // Only for listing and aborting multipart uploads, which MinioClient does not expose.
    private final MinioAsyncClient asyncClient;
    private final String bucket;
    // One thread per object being read (docs/adr/0037); idle ones end after a minute.
    private final ExecutorService readers = Executors.newCachedThreadPool(readerThreads());

    public MinioObjectStore(String endpoint, String accessKey, String secretKey, String bucket, String region) {
        this(endpoint, accessKey, secretKey, bucket, region, storeClient(Http.newDefaultClient()));
    }

    /** With the given HTTP client (the benchmark compares the SDK's default set-up with {@link #storeClient}). */
    MinioObjectStore(String endpoint, String accessKey, String secretKey, String bucket, String region,
                     OkHttpClient http) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        // One HTTP client shared by both SDK clients: building one is slow.
        this.http = http;
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region(region)
                .httpClient(http, false).build();
        this.asyncClient = MinioAsyncClient.builder().endpoint(endpoint).credentials(accessKey, secretKey)
                .region(region).httpClient(http, false).build();
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket unless it exists already. */
    public void createBucketIfMissing() throws IOException {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (MinioException e) {
            throw failure("creating bucket " + bucket, e);
        }
    }

    /**
     * Uploads the stream ({@code length} -1 for unknown: multipart in 8 MiB parts). On any failure, including an
     * exception thrown by {@code content}, the partial object and any incomplete multipart upload under the key
     * are removed, and an exception thrown by {@code content} is rethrown unchanged.
     */
    @Override
    public void put(String key, InputStream content, long length) throws IOException {
        RecordingStream recording = new RecordingStream(content);
        try {
            client.putObject(PutObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .stream(recording, length < 0 ? null : length, PART_SIZE)
                    .contentType("application/octet-stream")
                    .build());
        } catch (MinioException | RuntimeException | Error e) {
            Throwable original = recording.failure() != null ? recording.failure() : e;
            removeLeftovers(key, original);
            if (original instanceof IOException io) {
                throw io;
            }
            if (original instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (original instanceof Error error) {
                throw error;
            }
            throw failure("storing object " + key, (MinioException) original);
        }
    }

    /**
     * The object's bytes, read ahead of the caller on a thread of their own (docs/adr/0037), so that fetching from the
     * store overlaps with what the caller does with them (decrypting, writing a response). Close the stream: that
     * stops the reader and frees the store's connection.
     */
    @Override
    public InputStream get(String key) throws IOException {
        return get(key, GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    /** A ranged GET: only the bytes asked for leave the store (a resumed download). */
    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        if (offset < 0 || length < -1) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(key).offset(offset);
        if (length > 0) {
            args.length(length);
        }
        return get(key, args.build());
    }

    private InputStream get(String key, GetObjectArgs args) throws IOException {
        try {
            return ReadAhead.start(client.getObject(args), readers);
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw new FileNotFoundException("no object " + key + " in bucket " + bucket);
            }
            throw failure("reading object " + key, e);
        } catch (MinioException e) {
            throw failure("reading object " + key, e);
        }
    }

    /** Removes the object; removing a missing object succeeds (S3 semantics). */
    @Override
    public void delete(String key) throws IOException {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException e) {
            throw failure("deleting object " + key, e);
        }
    }

    @Override
    public List<String> keys() throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
                keys.add(result.get().objectName());
            }
        } catch (MinioException e) {
            throw failure("listing bucket " + bucket, e);
        }
        return keys;
    }

    @Override
    public List<Listed> list() throws IOException {
        List<Listed> listed = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
                Item item = result.get();
                listed.add(new Listed(item.objectName(), item.lastModified().toInstant()));
            }
        } catch (MinioException e) {
            throw failure("listing bucket " + bucket, e);
        }
        return listed;
    }

    /** Keys with an incomplete multipart upload in progress (for sweeps and tests). */
    public List<String> incompleteUploads() throws IOException {
        List<String> keys = new ArrayList<>();
        for (ListMultipartUploadsResult.Upload upload : listUploads(null)) {
            keys.add(upload.objectName());
        }
        return keys;
    }

    @Override
    public String startParts(String key) throws IOException {
        return await("starting parts of " + key, asyncClient.createMultipartUpload(
                CreateMultipartUploadArgs.builder().bucket(bucket).object(key).build())).result().uploadId();
    }

    @Override
    public String putPart(String key, String partsId, int number, byte[] bytes, int length) throws IOException {
        return await("storing part " + number + " of " + key, asyncClient.uploadPart(UploadPartArgs.builder()
                .bucket(bucket).object(key).uploadId(partsId).partNumber(number).data(bytes, length).build()))
                .part().etag();
    }

    @Override
    public void completeParts(String key, String partsId, List<String> tags) throws IOException {
        Part[] parts = new Part[tags.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Part(i + 1, tags.get(i));
        }
        await("assembling " + key, asyncClient.completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                .bucket(bucket).object(key).uploadId(partsId).parts(parts).build()));
    }

    @Override
    public void abortParts(String key, String partsId) throws IOException {
        try {
            asyncClient.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                    .bucket(bucket).object(key).uploadId(partsId).build()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dropping the parts of " + key, e);
        } catch (ExecutionException | CompletionException e) {
            if (!(e.getCause() instanceof ErrorResponseException error
                    && "NoSuchUpload".equals(error.errorResponse().code()))) {
                throw new IOException("object store: dropping the parts of " + key + " failed: " + e.getCause(), e);
            }
        }
    }

    private static <T> T await(String action, CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + action, e);
        } catch (ExecutionException | CompletionException e) {
            throw new IOException("object store: " + action + " failed: " + e.getCause(), e);
        }
    }

    @Override
    public void checkReachable() throws IOException {
        boolean exists;
        try {
            exists = client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (MinioException e) {
            throw failure("checking bucket " + bucket, e);
        }
        if (!exists) {
            throw new IOException("object store is reachable but bucket " + bucket + " does not exist");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
            asyncClient.close();
        } finally {
            readers.shutdown();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private void removeLeftovers(String key, Throwable original) {
        try {
            for (ListMultipartUploadsResult.Upload upload : listUploads(key)) {
                if (key.equals(upload.objectName())) {
                    asyncClient.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                            .bucket(bucket).object(key).uploadId(upload.uploadId()).build()).get();
                }
            }
        } catch (IOException | InterruptedException | ExecutionException | CompletionException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            original.addSuppressed(new IOException("could not abort incomplete uploads of " + key, e));
        }
        try {
            delete(key);
        } catch (IOException e) {
            original.addSuppressed(e);
        }
    }

    private List<ListMultipartUploadsResult.Upload> listUploads(String prefix) throws IOException {
        List<ListMultipartUploadsResult.Upload> uploads = new ArrayList<>();
        String keyMarker = null;
        String uploadIdMarker = null;
        try {
            while (true) {
                ListMultipartUploadsResult page = asyncClient.listMultipartUploads(ListMultipartUploadsArgs.builder()
                        .bucket(bucket).prefix(prefix).keyMarker(keyMarker).uploadIdMarker(uploadIdMarker).build())
                        .get().result();
                if (page.uploads() != null) {
                    uploads.addAll(page.uploads());
                }
                if (!page.isTruncated()) {
                    return uploads;
                }
                keyMarker = page.nextKeyMarker();
                uploadIdMarker = page.nextUploadIdMarker();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing incomplete uploads in bucket " + bucket, e);
        } catch (ExecutionException | CompletionException e) {
            throw new IOException("object store: listing incomplete uploads in bucket " + bucket + " failed: "
                    + e.getCause(), e);
        }
    }

    /**
     * The SDK's default client with its read timeout moved into the kernel ({@link StoreSockets}): no Okio watchdog
     * woken around every 8 KiB read of a download, the same 5 minutes before a silent store fails a read. HTTP/1.1
     * only, as S3 is spoken: an HTTP/2 connection's reader would take the socket's timeout for idleness.
     */
    static OkHttpClient storeClient(OkHttpClient sdkDefault) {
        Duration readTimeout = Duration.ofMillis(sdkDefault.readTimeoutMillis());
        return sdkDefault.newBuilder()
                .readTimeout(Duration.ZERO)
                .socketFactory(new StoreSockets(readTimeout))
                .protocols(List.of(Protocol.HTTP_1_1))
                .build();
    }

    /** Connections to the store taken by a request or a response being read (for tests: none once all are closed). */
    int connectionsInUse() {
        return http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount();
    }

    private static java.util.concurrent.ThreadFactory readerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "object-store-read-ahead-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private IOException failure(String action, MinioException e) {
        return new IOException("object store: " + action + " failed: " + e, e);
    }
}
