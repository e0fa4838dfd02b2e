package uk.gov.inspectorates.portal.storage.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An object's bytes read from the store on a thread of their own while the consumer (decryption, the HTTP response)
 * works on what came before (docs/adr/0037). Bounded: {@link #CHUNKS} reused chunks of {@link #CHUNK_BYTES}, so a
 * download holds about 1 MiB of read-ahead whatever its size, and the reader waits while the consumer is behind.
 *
 * <p>Only the reader thread touches the store's stream, which is not safe to close from another thread while a
 * read is under way: {@link #close} tells the reader to stop, and the reader closes the stream (freeing the store's
 * connection) as soon as its current read returns. A failure of the store's stream is thrown to the consumer after
 * the chunks read before it. A consumer that takes nothing for {@link #PATIENCE} (one that never closes, e.g. a
 * response whose body is never written) is given up on: the reader stops and frees the connection all the same.
 */
final class ReadAhead extends InputStream {

    static final int CHUNK_BYTES = 256 * 1024;
    static final int CHUNKS = 4;
    /** As long as the store's client waits for a read (the SDK's default timeouts), so a slow client is not cut. */
    static final Duration PATIENCE = Duration.ofMinutes(5);

    private static final class Chunk {
        final byte[] bytes = new byte[CHUNK_BYTES];
        int length;
    }

    private final InputStream source;
    private final long patienceNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Chunk> free = new ArrayDeque<>(CHUNKS);
    private final ArrayDeque<Chunk> filled = new ArrayDeque<>(CHUNKS);
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private Chunk current;
    private int position;
    // guarded by lock
    private boolean ended;
    private Throwable failure;
    private boolean closed;

    private ReadAhead(InputStream source, Duration patience) {
        this.source = source;
        this.patienceNanos = patience.toNanos();
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new Chunk());
        }
    }

    /** Starts reading {@code source} ahead on {@code readers}; if no reader can be had, the source is closed. */
    static ReadAhead start(InputStream source, Executor readers) throws IOException {
        return start(source, readers, PATIENCE);
    }

    static ReadAhead start(InputStream source, Executor readers, Duration patience) throws IOException {
        Objects.requireNonNull(source, "source");
        ReadAhead ahead = new ReadAhead(source, patience);
        try {
            readers.execute(ahead::readAhead);
        } catch (RejectedExecutionException e) {
            try {
                source.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw new IOException("object store: no reader thread for the download (is the store closed?)", e);
        }
        return ahead;
    }

    /** Completes once the reader has stopped and closed the store's stream, for whatever reason. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    private void readAhead() {
        try {
            while (true) {
                Chunk chunk = freeChunk();
                if (chunk == null) {
                    return;
                }
                chunk.length = source.readNBytes(chunk.bytes, 0, CHUNK_BYTES);
                boolean last = chunk.length < CHUNK_BYTES;
                lock.lock();
                try {
                    if (chunk.length > 0 && !closed) {
                        filled.add(chunk);
                    } else {
                        free.add(chunk);
                    }
                    ended = last;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                if (last) {
                    return;
                }
            }
        } catch (Throwable t) {
            lock.lock();
            try {
                failure = t;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        } finally {
            try {
                source.close();
            } catch (IOException | RuntimeException ignored) {
                // the bytes are read or no longer wanted: a failure to close the connection changes neither
            } finally {
                finished.complete(null);
            }
        }
    }

    /** The next chunk to fill, waiting while all are full; null once the consumer has closed. */
    private Chunk freeChunk() throws InterruptedException, IOException {
        lock.lock();
        try {
            long left = patienceNanos;
            while (free.isEmpty() && !closed) {
                if (left <= 0) {
                    throw new IOException("object store: the object's consumer took nothing for "
                            + TimeUnit.NANOSECONDS.toSeconds(patienceNanos) + " s: reading stopped");
                }
                left = changed.awaitNanos(left);
            }
            return closed ? null : free.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Makes {@code current} a chunk with unread bytes; false at the end of the object. */
    private boolean nextChunk() throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new IOException("the object's stream is closed");
            }
            if (current != null) {
                free.add(current);
                current = null;
                changed.signalAll();
            }
            while (filled.isEmpty() && !ended && failure == null) {
                changed.awaitUninterruptibly();
            }
            if (!filled.isEmpty()) {
                current = filled.poll();
                position = 0;
                return true;
            }
            if (failure != null) {
                throw failure instanceof IOException io ? new IOException(io.getMessage(), io)
                        : new IOException("object store: reading the object failed: " + failure, failure);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        if ((current == null || position == current.length) && !nextChunk()) {
            return -1;
        }
        return current.bytes[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if ((current == null || position == current.length) && !nextChunk()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current.bytes, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length - position;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            current = null;
            filled.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
