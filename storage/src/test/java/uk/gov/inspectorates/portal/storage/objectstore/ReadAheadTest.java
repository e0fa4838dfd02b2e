package uk.gov.inspectorates.portal.storage.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static final int CHUNK = ReadAhead.CHUNK_BYTES;

    /** One new thread per stream, remembered so a test can look at it. */
    private final AtomicReference<Thread> reader = new AtomicReference<>();
    private final Executor readers = task -> {
        Thread thread = new Thread(task, "read-ahead-under-test");
        thread.setDaemon(true);
        reader.set(thread);
        thread.start();
    };

    @Test
    void givesBackEveryByteInOrderWhateverTheReadSizes() throws IOException {
        for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 7 * CHUNK + 12345}) {
            byte[] bytes = random(size, size);
            try (InputStream in = ReadAhead.start(new ByteArrayInputStream(bytes), readers)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int[] sizes = {1, 100, 65552, 3 * CHUNK};
                byte[] buffer = new byte[3 * CHUNK];
                for (int i = 0, n; (n = in.read(buffer, 0, sizes[i % sizes.length])) >= 0; i++) {
                    out.write(buffer, 0, n);
                    int b = in.read();
                    if (b >= 0) {
                        out.write(b);
                    }
                }
                assertArrayEquals(bytes, out.toByteArray(), "size " + size);
                assertEquals(-1, in.read(), "stays at the end");
            }
        }
    }

    @Test
    void readsNoMoreThanItsChunksAheadOfASlowConsumer() throws Exception {
        CountingSource source = new CountingSource(Long.MAX_VALUE);
        try (InputStream in = ReadAhead.start(source, readers)) {
            assertTrue(in.read() >= 0);
            awaitWaiting(reader.get());
            assertEquals((long) ReadAhead.CHUNKS * CHUNK, source.read.get(), "four chunks, one of them being read");

            in.readNBytes(CHUNK); // the rest of the first chunk and one byte of the second: the first is free again
            awaitReadAtLeast(source, (long) (ReadAhead.CHUNKS + 1) * CHUNK);
            awaitWaiting(reader.get());
            assertEquals((long) (ReadAhead.CHUNKS + 1) * CHUNK, source.read.get());
        }
    }

    @Test
    void closingStopsTheReaderWhichClosesTheSource() throws Exception {
        CountingSource source = new CountingSource(Long.MAX_VALUE);
        ReadAhead in = ReadAhead.start(source, readers);
        assertTrue(in.read() >= 0);
        in.close();
        in.finished().get(30, TimeUnit.SECONDS);
        assertTrue(source.closed.get(), "the store's stream (and with it the connection) is closed");
        reader.get().join(30_000);
        assertTrue(!reader.get().isAlive(), "the reader thread has ended");
        assertThrows(IOException.class, in::read, "a closed stream is not read");
    }

    @Test
    void aConsumerThatNeverClosesIsGivenUpOnAndTheSourceIsClosed() throws Exception {
        CountingSource source = new CountingSource(Long.MAX_VALUE);
        ReadAhead in = ReadAhead.start(source, readers, Duration.ofMillis(50));
        in.finished().get(30, TimeUnit.SECONDS);
        assertTrue(source.closed.get());
        assertEquals((long) ReadAhead.CHUNKS * CHUNK, source.read.get());
        in.readNBytes(ReadAhead.CHUNKS * CHUNK); // what was read before is still given
        IOException failure = assertThrows(IOException.class, in::read);
        assertTrue(failure.getMessage().contains("took nothing"), failure.getMessage());
    }

    @Test
    void aFailureOfTheStoreComesAfterTheBytesReadBeforeIt() throws Exception {
        IOException broken = new IOException("connection reset");
        long before = 2L * CHUNK + 100;
        ReadAhead in = ReadAhead.start(new FailingStream(before, broken), readers);
        AtomicLong given = new AtomicLong();
        byte[] buffer = new byte[CHUNK];
        IOException thrown = assertThrows(IOException.class, () -> {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                given.addAndGet(n);
            }
        });
        // the chunk that was being filled when the store failed is never given: only whole chunks read before it
        assertEquals(2L * CHUNK, given.get());
        assertSame(broken, thrown.getCause());
        assertThrows(IOException.class, in::read, "stays failed");
        in.finished().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aSourceWithNoReaderToSpareIsClosedAndRefused() {
        CountingSource source = new CountingSource(10);
        assertThrows(IOException.class, () -> ReadAhead.start(source, task -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }));
        assertTrue(source.closed.get());
    }

    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "the reader waits for a free chunk");
            Thread.onSpinWait();
        }
    }

    private static void awaitReadAtLeast(CountingSource source, long bytes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (source.read.get() < bytes) {
            assertTrue(System.nanoTime() < deadline, "the reader reads on once a chunk is free");
            Thread.onSpinWait();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** An endless (or {@code length}-byte) source counting what was read from it and whether it was closed. */
    private static final class CountingSource extends InputStream {
        final AtomicLong read = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();
        private final long length;

        CountingSource(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = length - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'c');
            read.addAndGet(n);
            return n;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
