package uk.gov.inspectorates.portal.core.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A ZIP whose every byte is fixed before the first is written, so that its length is known (Content-Length) and any
 * range of it can be produced again (HTTP Range resumes a dropped download): entries STORED in a fixed order, one
 * fixed timestamp, ZIP64 records throughout (sizes past 4 GiB), and the CRC-32 of each entry in a data descriptor
 * after its bytes (flag bit 3) and in the central directory, so that nothing has to be read twice before streaming.
 * Content is read entry by entry as it is written: memory stays constant whatever the size (docs/adr/0028).
 *
 * <p>CRCs of entries a range skips come from the {@link Crcs} memory, which learns each CRC the first time an entry is
 * streamed whole; one still unknown is computed by reading that entry.
 */
public final class ExportArchive {

    /** Where an entry's bytes come from: opened once per range that touches them. */
    public interface Source {
        InputStream open() throws IOException;

        /** The bytes from {@code from} on; a source that can start part way overrides this (docs/adr/0037). */
        default InputStream open(long from) throws IOException {
            InputStream in = open();
            try {
                in.skipNBytes(from);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return in;
        }
    }

    /** The CRC-32s learnt of entries with a key (documents), so a resume need not read what it skips. */
    public interface Crcs {
        Long known(String key);

        void learnt(String key, long crc32);
    }

    /** One file of the archive: its (safe, unique) name, exact size, and source; key null for bytes in memory. */
    public record Entry(String name, long size, String key, Source source) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            if (size < 0) {
                throw new IllegalArgumentException("size");
            }
        }

        public static Entry of(String name, byte[] bytes) {
            byte[] copy = bytes.clone();
            return new Entry(name, copy.length, null, () -> new java.io.ByteArrayInputStream(copy));
        }
    }

    private static final int LOCAL_HEADER = 30;
    private static final int LOCAL_ZIP64_EXTRA = 20;
    private static final int DESCRIPTOR = 24;
    private static final int CENTRAL_HEADER = 46;
    private static final int CENTRAL_ZIP64_EXTRA = 28;
    private static final int ZIP64_END = 56;
    private static final int ZIP64_LOCATOR = 20;
    private static final int END = 22;
    private static final int VERSION = 45;
    /** Data descriptor follows the data; names are UTF-8. */
    private static final int FLAGS = 0x0008 | 0x0800;
    private static final long MAGIC32 = 0xFFFFFFFFL;
    /** Large writes (docs/adr/0037): four envelope segments at a time. */
    private static final int COPY_BUFFER = 256 * 1024;

    private final List<Entry> entries;
    private final List<byte[]> names = new ArrayList<>();
    private final long[] offsets;
    private final long centralOffset;
    private final long centralSize;
    private final long length;
    private final int dosTime;
    private final int dosDate;
    private final Crcs crcs;
    private final Long[] crcsOfThisArchive;

    public ExportArchive(List<Entry> entries, LocalDateTime timestamp, Crcs crcs) {
        this.entries = List.copyOf(entries);
        this.crcs = Objects.requireNonNull(crcs, "crcs");
        this.crcsOfThisArchive = new Long[this.entries.size()];
        LocalDateTime at = timestamp.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : timestamp;
        this.dosTime = (at.getHour() << 11) | (at.getMinute() << 5) | (at.getSecond() / 2);
        this.dosDate = ((at.getYear() - 1980) << 9) | (at.getMonthValue() << 5) | at.getDayOfMonth();
        this.offsets = new long[this.entries.size()];
        long position = 0;
        long central = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < this.entries.size(); i++) {
            Entry entry = this.entries.get(i);
            if (!seen.add(entry.name())) {
                throw new IllegalArgumentException("entry names are unique: " + entry.name());
            }
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            if (name.length > 0xFFFF) {
                throw new IllegalArgumentException("entry name too long");
            }
            names.add(name);
            offsets[i] = position;
            position += LOCAL_HEADER + name.length + LOCAL_ZIP64_EXTRA + entry.size() + DESCRIPTOR;
            central += CENTRAL_HEADER + name.length + CENTRAL_ZIP64_EXTRA;
        }
        this.centralOffset = position;
        this.centralSize = central;
        this.length = position + central + ZIP64_END + ZIP64_LOCATOR + END;
    }

    /** The exact length of the archive in bytes. */
    public long length() {
        return length;
    }

    public int size() {
        return entries.size();
    }

    /**
     * A strong identity of the archive's bytes, known before any is written: SHA-256 over the layout and each entry's
     * name, size and the given digest of its content (e.g. its SHA-256), so equal identities mean equal bytes.
     */
    public String identity(List<String> contentDigests) {
        if (contentDigests.size() != entries.size()) {
            throw new IllegalArgumentException("one digest per entry");
        }
        MessageDigest digest = sha256();
        digest.update(("zip64-stored-descriptor-v1 " + dosDate + " " + dosTime + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < entries.size(); i++) {
            digest.update((entries.get(i).size() + " " + contentDigests.get(i) + " ").getBytes(StandardCharsets.UTF_8));
            digest.update(names.get(i));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Writes the whole archive. */
    public void writeTo(OutputStream out) throws IOException {
        write(out, 0, length);
    }

    /**
     * Writes bytes {@code [from, to)} of the archive. A source that yields other than its declared size fails the
     * write (the caller aborts the response: a short or wrong archive is never completed).
     */
    public void write(OutputStream out, long from, long to) throws IOException {
        if (from < 0 || to > length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside 0.." + length);
        }
        Window window = new Window(out, from, to);
        for (int i = 0; i < entries.size() && offsets[i] < to; i++) {
            Entry entry = entries.get(i);
            long header = offsets[i];
            long data = header + LOCAL_HEADER + names.get(i).length + LOCAL_ZIP64_EXTRA;
            long descriptor = data + entry.size();
            if (descriptor + DESCRIPTOR <= from) {
                continue;
            }
            window.put(header, localHeader(i));
            if (window.touches(data, descriptor)) {
                copyData(i, window, data);
            }
            if (window.touches(descriptor, descriptor + DESCRIPTOR)) {
                window.put(descriptor, descriptor(i));
            }
        }
        if (window.touches(centralOffset, length)) {
            window.put(centralOffset, centralDirectory());
        }
    }

    private void copyData(int i, Window window, long dataStart) throws IOException {
        Entry entry = entries.get(i);
        long skip = Math.max(0, window.from - dataStart);
        long take = Math.min(entry.size(), window.to - dataStart) - skip;
        boolean whole = skip == 0 && take == entry.size();
        CRC32 crc = new CRC32();
        try (InputStream in = skip == 0 ? entry.source().open() : entry.source().open(skip)) {
            byte[] buffer = new byte[COPY_BUFFER];
            long left = take;
            while (left > 0) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
                if (n == 0) {
                    throw new IOException("entry " + entry.name() + " ended before its " + entry.size() + " bytes");
                }
                crc.update(buffer, 0, n);
                window.out.write(buffer, 0, n);
                left -= n;
            }
            if (whole && in.read() >= 0) {
                throw new IOException("entry " + entry.name() + " is longer than its " + entry.size() + " bytes");
            }
        }
        if (whole) {
            remember(i, crc.getValue());
        }
    }

    private void remember(int i, long crc) {
        crcsOfThisArchive[i] = crc;
        String key = entries.get(i).key();
        if (key != null && crcs.known(key) == null) {
            crcs.learnt(key, crc);
        }
    }

    private long crcOf(int i) throws IOException {
        if (crcsOfThisArchive[i] != null) {
            return crcsOfThisArchive[i];
        }
        Entry entry = entries.get(i);
        Long known = entry.key() == null ? null : crcs.known(entry.key());
        if (known != null) {
            crcsOfThisArchive[i] = known;
            return known;
        }
        CRC32 crc = new CRC32();
        long read = 0;
        try (InputStream in = entry.source().open()) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                crc.update(buffer, 0, n);
                read += n;
            }
        }
        if (read != entry.size()) {
            throw new IOException("entry " + entry.name() + " has " + read + " bytes, not " + entry.size());
        }
        remember(i, crc.getValue());
        return crc.getValue();
    }

    private byte[] localHeader(int i) {
        byte[] name = names.get(i);
        ByteBuffer b = buffer(LOCAL_HEADER + name.length + LOCAL_ZIP64_EXTRA);
        b.putInt(0x04034b50).putShort((short) VERSION).putShort((short) FLAGS).putShort((short) 0)
                .putShort((short) dosTime).putShort((short) dosDate).putInt(0).putInt((int) MAGIC32)
                .putInt((int) MAGIC32).putShort((short) name.length).putShort((short) LOCAL_ZIP64_EXTRA).put(name)
                .putShort((short) 0x0001).putShort((short) 16).putLong(entries.get(i).size())
                .putLong(entries.get(i).size());
        return b.array();
    }

    private byte[] descriptor(int i) throws IOException {
        ByteBuffer b = buffer(DESCRIPTOR);
        b.putInt(0x08074b50).putInt((int) crcOf(i)).putLong(entries.get(i).size()).putLong(entries.get(i).size());
        return b.array();
    }

    private byte[] centralDirectory() throws IOException {
        ByteBuffer b = buffer((int) (centralSize + ZIP64_END + ZIP64_LOCATOR + END));
        for (int i = 0; i < entries.size(); i++) {
            byte[] name = names.get(i);
            long size = entries.get(i).size();
            b.putInt(0x02014b50).putShort((short) VERSION).putShort((short) VERSION).putShort((short) FLAGS)
                    .putShort((short) 0).putShort((short) dosTime).putShort((short) dosDate).putInt((int) crcOf(i))
                    .putInt((int) MAGIC32).putInt((int) MAGIC32).putShort((short) name.length)
                    .putShort((short) CENTRAL_ZIP64_EXTRA).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt(0).putInt((int) MAGIC32).put(name)
                    .putShort((short) 0x0001).putShort((short) 24).putLong(size).putLong(size).putLong(offsets[i]);
        }
        long zip64End = centralOffset + centralSize;
        b.putInt(0x06064b50).putLong(ZIP64_END - 12).putShort((short) VERSION).putShort((short) VERSION)
                .putInt(0).putInt(0).putLong(entries.size()).putLong(entries.size()).putLong(centralSize)
                .putLong(centralOffset);
        b.putInt(0x07064b50).putInt(0).putLong(zip64End).putInt(1);
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF)
                .putShort((short) 0xFFFF).putInt((int) MAGIC32).putInt((int) MAGIC32).putShort((short) 0);
        return b.array();
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of the archive being written: bytes at absolute positions outside it are left out. */
    private static final class Window {
        private final OutputStream out;
        private final long from;
        private final long to;

        Window(OutputStream out, long from, long to) {
            this.out = out;
            this.from = from;
            this.to = to;
        }

        boolean touches(long start, long end) {
            return start < to && end > from && start < end;
        }

        void put(long at, byte[] bytes) throws IOException {
            long start = Math.max(from, at);
            long end = Math.min(to, at + bytes.length);
            if (start < end) {
                out.write(bytes, (int) (start - at), (int) (end - start));
            }
        }
    }
}
