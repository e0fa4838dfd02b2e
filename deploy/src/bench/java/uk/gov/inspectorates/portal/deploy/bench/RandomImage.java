package uk.gov.inspectorates.portal.deploy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * "Random bytes" as the portal accepts them: a PNG signature followed by pseudo-random bytes of a seed. The portal
 * takes only the evidence types it knows, told from the bytes, so bare random bytes would be refused (415); PNG is
 * recognised by its signature alone and is not parsed further by the portal, so what the portal and clamd see is
 * essentially incompressible data. Generated as it is read (any size, e.g. the heap run), in 1 MiB blocks.
 */
final class RandomImage {

    static final String FILE_NAME = "case-photo.png";
    static final String CONTENT_TYPE = "image/png";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BLOCK = 1 << 20;

    private final long size;
    private final long seed;

    RandomImage(long size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    long size() {
        return size;
    }

    byte[] toByteArray() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    InputStream open() {
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private final byte[] block = new byte[BLOCK];
            private long position;
            private int inBlock = BLOCK;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                if (inBlock == BLOCK) {
                    random.nextBytes(block);
                    if (position == 0) {
                        System.arraycopy(SIGNATURE, 0, block, 0, SIGNATURE.length);
                    }
                    inBlock = 0;
                }
                int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
                System.arraycopy(block, inBlock, b, off, n);
                inBlock += n;
                position += n;
                return n;
            }
        };
    }

    /** Reads {@code actual} to its end, comparing it with this content; returns the number of bytes read. */
    long verify(InputStream actual) throws IOException {
        try (InputStream expected = open()) {
            return BenchDocument.compare(expected, actual, size);
        }
    }
}
