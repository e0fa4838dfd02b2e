package uk.gov.inspectorates.portal.security.content;

import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Plaintext kept in memory (never on disk) up to a limit, in chunks, and read back once: each chunk is let go as it
 * is read, so handing the bytes to a parser does not hold them twice. Past the limit it keeps nothing more and
 * says so.
 */
final class BoundedBuffer {

    private static final int CHUNK = 256 * 1024;

    private final long limit;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int used;
    private long size;
    private boolean overflowed;

    BoundedBuffer(long limit) {
        this.limit = limit;
    }

    void write(byte[] bytes, int offset, int length) {
        if (overflowed) {
            return;
        }
        if (size + length > limit) {
            overflowed = true;
            chunks.clear();
            current = null;
            return;
        }
        size += length;
        while (length > 0) {
            if (current == null || used == current.length) {
                current = new byte[(int) Math.min(CHUNK, Math.max(1024, limit))];
                used = 0;
                chunks.addLast(current);
            }
            int n = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    long size() {
        return size;
    }

    /** Lets go of every byte kept (the buffer takes nothing more only if it had overflowed). */
    void clear() {
        chunks.clear();
        current = null;
        size = 0;
    }

    /** The bytes kept, as an array (for small buffers); the buffer is empty afterwards. */
    byte[] drainToArray() {
        byte[] all = new byte[(int) size];
        int at = 0;
        for (byte[] chunk : chunks) {
            int n = Math.min(chunk.length, all.length - at);
            System.arraycopy(chunk, 0, all, at, n);
            at += n;
        }
        chunks.clear();
        current = null;
        size = 0;
        return all;
    }

    /** The bytes kept, once; the buffer is empty afterwards. */
    InputStream drain() {
        long total = size;
        size = 0;
        return new InputStream() {
            private long left = total;
            private byte[] chunk;
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                if (chunk == null || position == chunk.length) {
                    chunk = chunks.pollFirst();
                    position = 0;
                }
                int n = (int) Math.min(Math.min(length, chunk.length - position), left);
                System.arraycopy(chunk, position, into, offset, n);
                position += n;
                left -= n;
                return n;
            }
        };
    }
}
