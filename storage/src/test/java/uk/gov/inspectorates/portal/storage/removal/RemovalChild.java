package uk.gov.inspectorates.portal.storage.removal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;
import uk.gov.inspectorates.portal.storage.objectstore.S3ProxyServer;

/**
 * A runner in a process of its own, for the kill -9 test: it runs the due removals against the test's database and
 * S3 server, and stops for good after deleting a few objects (as a process stuck, or about to be killed, part-way),
 * so the test can kill it at a known step.
 *
 * <p>Arguments: JDBC URL, S3 endpoint, bucket, keystore directory, the instant "now", deletes before stopping.
 */
public final class RemovalChild {

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        MinioObjectStore store = new MinioObjectStore(args[1], S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY,
                args[2], S3ProxyServer.REGION);
        int deletesBeforeStopping = Integer.parseInt(args[5]);
        RemovalFixture fixture = new RemovalFixture(dataSource, store, new StopsPartWay(store, deletesBeforeStopping),
                Path.of(args[3]));
        fixture.clock.set(Instant.parse(args[4]));
        fixture.run.run();
    }

    /** Deletes {@code limit} objects, then blocks every further delete forever. */
    private static final class StopsPartWay implements ObjectStore {
        private final ObjectStore real;
        private final int limit;
        private final AtomicInteger deleted = new AtomicInteger();
        private final CountDownLatch never = new CountDownLatch(1);

        StopsPartWay(ObjectStore real, int limit) {
            this.real = real;
            this.limit = limit;
        }

        @Override
        public void delete(String key) throws IOException {
            if (deleted.incrementAndGet() > limit) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            real.delete(key);
        }

        @Override
        public void put(String key, InputStream content, long length) throws IOException {
            real.put(key, content, length);
        }

        @Override
        public InputStream get(String key) throws IOException {
            return real.get(key);
        }

        @Override
        public List<String> keys() throws IOException {
            return real.keys();
        }

        @Override
        public List<Listed> list() throws IOException {
            return real.list();
        }

        @Override
        public void checkReachable() throws IOException {
            real.checkReachable();
        }
    }
}
