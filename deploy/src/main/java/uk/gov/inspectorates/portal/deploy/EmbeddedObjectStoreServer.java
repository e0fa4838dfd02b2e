package uk.gov.inspectorates.portal.deploy;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An S3-compatible server in this JVM: S3Proxy over a folder ({@code FilesystemNio2BlobStore}), listening on
 * 127.0.0.1 only, AWS signature V4 with an access key and secret made up at each start.
 *
 * <p>Each bucket is a sub-folder of {@link #rootDirectory()} and each object a file in it, so tests can look
 * at exactly the bytes that reached storage.
 */
public final class EmbeddedObjectStoreServer implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile S3Proxy proxy;
    private final int port;
    private final BlobStore blobStore;
    private final Path rootDirectory;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedObjectStoreServer(S3Proxy proxy, BlobStore blobStore, Path rootDirectory,
                                      String accessKey, String secretKey) {
        this.proxy = proxy;
        this.port = proxy.getPort();
        this.blobStore = blobStore;
        this.rootDirectory = rootDirectory;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * @param port 0 for a free port
     * @param buckets created when missing
     */
    public static EmbeddedObjectStoreServer start(Path rootDirectory, int port, String... buckets) throws IOException {
        Files.createDirectories(rootDirectory);
        String accessKey = "local-" + randomHex(8);
        String secretKey = randomHex(24);
        BlobStore blobStore = new FilesystemNio2BlobStore(rootDirectory.toAbsolutePath().toString());
        for (String bucket : buckets) {
            if (!blobStore.containerExists(bucket)) {
                blobStore.createContainer(bucket);
            }
        }
        S3Proxy proxy = startProxy(blobStore, port, accessKey, secretKey);
        return new EmbeddedObjectStoreServer(proxy, blobStore, rootDirectory, accessKey, secretKey);
    }

    private static S3Proxy startProxy(BlobStore blobStore, int port, String accessKey, String secretKey)
            throws IOException {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!"STARTED".equals(proxy.getState())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            stopQuietly(proxy);
            throw e;
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IOException("S3Proxy did not start", e);
        }
        return proxy;
    }

    /** Stops answering (an outage, for tests); {@link #startAgain()} serves the same folder on the same port. */
    public synchronized void stop() {
        stopQuietly(proxy);
    }

    /** Starts again after {@link #stop()}: same port, credentials and folder. */
    public synchronized void startAgain() throws IOException {
        if (!"STARTED".equals(proxy.getState())) {
            proxy = startProxy(blobStore, port, accessKey, secretKey);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The folder under which each bucket is a sub-folder. */
    public Path rootDirectory() {
        return rootDirectory;
    }

    public Path bucketDirectory(String bucket) {
        return rootDirectory.resolve(bucket);
    }

    /** Creates the bucket when missing (e.g. after a test removed it). */
    public void ensureBucket(String bucket) {
        if (!blobStore.containerExists(bucket)) {
            blobStore.createContainer(bucket);
        }
    }

    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping: nothing more to do
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
