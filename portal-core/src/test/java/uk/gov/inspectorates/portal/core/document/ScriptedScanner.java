package uk.gov.inspectorates.portal.core.document;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A thread-safe scanner for window tests: keeps what each session (window) was fed, answers each verdict with
 * {@code verdictOf} its bytes, and holds the verdict of session {@code i} until {@link #release(int)} when told to.
 * Counts the sessions open at once (started, no verdict or close yet).
 */
final class ScriptedScanner implements ContentScanner {

    private final List<Session> sessions = new ArrayList<>();
    private final Map<Integer, CountDownLatch> held = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile Function<byte[], ScanVerdict> verdictOf = bytes -> ScanVerdict.CLEAN;

    ScriptedScanner answering(Function<byte[], ScanVerdict> verdicts) {
        this.verdictOf = verdicts;
        return this;
    }

    /** The verdict of the session with this index (0 = the first window) waits until released. */
    ScriptedScanner holding(int index) {
        held.put(index, new CountDownLatch(1));
        return this;
    }

    void release(int index) {
        held.get(index).countDown();
    }

    @Override
    public synchronized ScanSession start() {
        Session session = new Session(sessions.size());
        sessions.add(session);
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        return session;
    }

    @Override
    public void checkAvailable() {
    }

    synchronized List<byte[]> fed() {
        return sessions.stream().map(Session::bytes).toList();
    }

    synchronized int started() {
        return sessions.size();
    }

    int open() {
        return open.get();
    }

    int mostOpen() {
        return mostOpen.get();
    }

    final class Session implements ScanSession {
        private final int index;
        private final ByteArrayOutputStream fed = new ByteArrayOutputStream();
        private boolean ended;

        Session(int index) {
            this.index = index;
        }

        synchronized byte[] bytes() {
            return fed.toByteArray();
        }

        @Override
        public synchronized void feed(byte[] bytes, int offset, int length) {
            if (ended) {
                throw new IllegalStateException("fed after its end");
            }
            fed.write(bytes, offset, length);
        }

        @Override
        public ScanVerdict verdict() {
            CountDownLatch latch = held.get(index);
            try {
                if (latch != null && !latch.await(30, TimeUnit.SECONDS)) {
                    throw new ScanningUnavailable("held too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScanningUnavailable("interrupted", e);
            }
            try {
                synchronized (this) {
                    if (ended) {
                        throw new ScanningUnavailable("the scan was closed");
                    }
                }
                return verdictOf.apply(bytes());
            } finally {
                end();
            }
        }

        @Override
        public void close() {
            end();
        }

        private synchronized void end() {
            if (!ended) {
                ended = true;
                open.decrementAndGet();
            }
        }
    }
}
