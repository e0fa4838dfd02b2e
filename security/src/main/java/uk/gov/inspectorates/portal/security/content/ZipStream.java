package uk.gov.inspectorates.portal.security.content;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/**
 * A zip file read as it streams past, pushed a chunk at a time (no temp file, no random access, nothing kept but
 * the current header): every local entry is inflated and handed to {@link Entries}, then the central directory is
 * checked against what was seen, then the end record; a byte that belongs to none of these is a refusal. So a
 * central directory that names an entry hidden inside another one's data (what Office reads is not what was
 * inspected), an entry of unknown length stored without compression, zip64, encryption, other compression methods
 * and bytes after the end record are all refused rather than guessed at.
 *
 * <p>Bombs are bounded while inflating, across nested zips too (they share one {@link Budget}): the number of
 * entries, the total inflated bytes, and each entry's ratio of inflated to compressed bytes once it is past a small
 * grace size. The first refusal stops all further work; later bytes are ignored.
 */
final class ZipStream {

    /** What the entries of one zip are handed to. */
    interface Entries {
        void begin(String name);

        void bytes(byte[] bytes, int offset, int length);

        void end();
    }

    /** Limits shared by a package and the packages nested in it. */
    static final class Budget {
        final int maxEntries;
        final long maxInflatedBytes;
        final int maxRatio;
        final long ratioGraceBytes;
        int entries;
        long inflated;
        UploadRejected refusal;

        Budget(int maxEntries, long maxInflatedBytes, int maxRatio, long ratioGraceBytes) {
            this.maxEntries = maxEntries;
            this.maxInflatedBytes = maxInflatedBytes;
            this.maxRatio = maxRatio;
            this.ratioGraceBytes = ratioGraceBytes;
        }

        /** Keeps the first refusal only. */
        void refuse(UploadRejected rejected) {
            if (refusal == null) {
                refusal = rejected;
            }
        }
    }

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;

    private enum State { SIGNATURE, LOCAL_HEADER, LOCAL_NAME, STORED, DEFLATED, DESCRIPTOR_START, DESCRIPTOR_REST,
        CENTRAL_HEADER, CENTRAL_NAME, END_RECORD, END_COMMENT, AFTER_END }

    private final Entries entries;
    private final Budget budget;
    private final Inflater inflater = new Inflater(true);
    private final byte[] inflated = new byte[64 * 1024];
    private final Map<Long, String> localOffsets = new HashMap<>();

    private State state = State.SIGNATURE;
    private byte[] gathered = new byte[46];
    private int have;
    private int need = 4;
    private long position;
    private long headerAt;

    // the current local entry
    private int flags;
    private int method;
    private long compressedSize;
    private long compressedSeen;
    private long inflatedThisEntry;
    private int nameLength;
    private int extraLength;
    private int commentLength;
    private long centralOffset;
    private int centralEntries;
    private int endEntries = -1;

    ZipStream(Entries entries, Budget budget) {
        this.entries = entries;
        this.budget = budget;
    }

    boolean refused() {
        return budget.refusal != null;
    }

    /** Whether the whole zip, up to and including its end record, has been read without a refusal. */
    boolean complete() {
        return budget.refusal == null && state == State.AFTER_END;
    }

    int localEntries() {
        return localOffsets.size();
    }

    void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int at = offset;
        while (at < end && budget.refusal == null) {
            switch (state) {
                case STORED -> at = stored(bytes, at, end);
                case DEFLATED -> at = deflated(bytes, at, end);
                case AFTER_END -> {
                    unreadable("there are bytes after the end of the package");
                    return;
                }
                default -> {
                    int n = Math.min(need - have, end - at);
                    System.arraycopy(bytes, at, gathered, have, n);
                    have += n;
                    at += n;
                    position += n;
                    if (have == need) {
                        gatheredComplete();
                    }
                }
            }
        }
        if (budget.refusal != null) {
            inflater.end();
        }
    }

    private void gather(State next, int bytes) {
        state = next;
        have = 0;
        need = bytes;
        if (gathered.length < bytes) {
            gathered = new byte[bytes];
        }
    }

    private void gatheredComplete() {
        switch (state) {
            case SIGNATURE -> signature(int32(0));
            case LOCAL_HEADER -> localHeader();
            case LOCAL_NAME -> localName();
            case DESCRIPTOR_START -> {
                if (int32(0) == DESCRIPTOR) {
                    gather(State.DESCRIPTOR_REST, 12);
                } else {
                    gather(State.DESCRIPTOR_REST, 8); // the four bytes were the CRC
                }
            }
            case DESCRIPTOR_REST -> gather(State.SIGNATURE, 4);
            case CENTRAL_HEADER -> centralHeader();
            case CENTRAL_NAME -> centralName();
            case END_RECORD -> endRecord();
            case END_COMMENT -> state = State.AFTER_END;
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void signature(int signature) {
        headerAt = position - 4;
        switch (signature) {
            case LOCAL -> {
                if (centralEntries > 0) {
                    unreadable("an entry follows the central directory");
                } else {
                    gather(State.LOCAL_HEADER, 26);
                }
            }
            case CENTRAL -> gather(State.CENTRAL_HEADER, 42);
            case END -> gather(State.END_RECORD, 18);
            case ZIP64_END, ZIP64_LOCATOR -> tooComplex("it uses zip64 (a package of more than 4 GB or 65,535 parts)");
            default -> unreadable("it holds bytes that belong to no part of a zip file");
        }
    }

    private void localHeader() {
        flags = int16(2);
        method = int16(4);
        compressedSize = int32(14) & 0xFFFFFFFFL;
        long size = int32(18) & 0xFFFFFFFFL;
        nameLength = int16(22);
        extraLength = int16(24);
        if ((flags & 1) != 0) {
            budget.refuse(UploadRejected.passwordProtected("zip entry encrypted"));
            return;
        }
        if (compressedSize == 0xFFFFFFFFL || size == 0xFFFFFFFFL) {
            tooComplex("it uses zip64 (a part of more than 4 GB)");
            return;
        }
        if (method != 0 && method != 8) {
            unreadable("a part is compressed with method " + method + " (Office uses deflate)");
            return;
        }
        if (method == 0 && (flags & 8) != 0) {
            unreadable("a stored part does not say how long it is");
            return;
        }
        if (++budget.entries > budget.maxEntries) {
            tooComplex("it holds more than " + budget.maxEntries + " parts");
            return;
        }
        gather(State.LOCAL_NAME, nameLength + extraLength);
    }

    private void localName() {
        String name = name(0, nameLength);
        localOffsets.put(headerAt, name);
        entries.begin(name);
        compressedSeen = 0;
        inflatedThisEntry = 0;
        if (method == 0) {
            state = State.STORED;
            if (compressedSize == 0) {
                endEntry();
            }
        } else {
            inflater.reset();
            state = State.DEFLATED;
        }
    }

    private int stored(byte[] bytes, int at, int end) {
        int n = (int) Math.min(end - at, compressedSize - compressedSeen);
        compressedSeen += n;
        position += n;
        count(n);
        if (budget.refusal == null) {
            entries.bytes(bytes, at, n);
        }
        if (compressedSeen == compressedSize) {
            endEntry();
        }
        return at + n;
    }

    private int deflated(byte[] bytes, int at, int end) {
        boolean knownSize = (flags & 8) == 0;
        int n = knownSize ? (int) Math.min(end - at, compressedSize - compressedSeen) : end - at;
        inflater.setInput(bytes, at, n);
        try {
            while (budget.refusal == null) {
                int k = inflater.inflate(inflated);
                if (k > 0) {
                    count(k);
                    if (budget.refusal == null) {
                        entries.bytes(inflated, 0, k);
                    }
                }
                if (inflater.finished() || inflater.needsInput()) {
                    break;
                }
                if (k == 0 && inflater.needsDictionary()) {
                    unreadable("a part needs a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            unreadable("a part is not valid deflate data");
        }
        int consumed = n - inflater.getRemaining();
        compressedSeen += consumed;
        position += consumed;
        if (budget.refusal != null) {
            return end;
        }
        if (inflater.finished()) {
            if (knownSize && compressedSeen != compressedSize) {
                unreadable("a part is shorter than its header says");
                return end;
            }
            endEntry();
        } else if (knownSize && compressedSeen == compressedSize) {
            unreadable("a part is cut short");
            return end;
        }
        return at + consumed;
    }

    /** Counts inflated bytes against the budget and the entry's ratio. */
    private void count(int n) {
        inflatedThisEntry += n;
        budget.inflated += n;
        if (budget.inflated > budget.maxInflatedBytes) {
            tooComplex("it expands to more than " + budget.maxInflatedBytes / (1024 * 1024) + " MB");
        } else if (inflatedThisEntry > budget.ratioGraceBytes
                && inflatedThisEntry > (long) budget.maxRatio * Math.max(1, compressedSeen)) {
            tooComplex("a part expands more than " + budget.maxRatio + " times (a zip bomb)");
        }
    }

    private void endEntry() {
        entries.end();
        if ((flags & 8) != 0) {
            gather(State.DESCRIPTOR_START, 4);
        } else {
            gather(State.SIGNATURE, 4);
        }
    }

    private void centralHeader() {
        nameLength = int16(24);
        extraLength = int16(26);
        commentLength = int16(28);
        centralOffset = int32(38) & 0xFFFFFFFFL;
        gather(State.CENTRAL_NAME, nameLength + extraLength + commentLength);
    }

    private void centralName() {
        String name = name(0, nameLength);
        String local = localOffsets.get(centralOffset);
        if (local == null || !local.equals(name)) {
            unreadable("its directory names a part that is not where it says");
            return;
        }
        centralEntries++;
        gather(State.SIGNATURE, 4);
    }

    private void endRecord() {
        endEntries = int16(6);
        commentLength = int16(16);
        if (centralEntries != localOffsets.size() || endEntries != centralEntries) {
            unreadable("its directory does not list exactly the parts it holds");
            return;
        }
        gather(State.END_COMMENT, commentLength);
        if (commentLength == 0) {
            state = State.AFTER_END;
        }
    }

    private String name(int from, int length) {
        // bit 11: UTF-8 names; otherwise CP437, read here as Latin-1 (only ASCII names matter for the checks)
        return new String(gathered, from, length,
                (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private int int16(int at) {
        return (gathered[at] & 0xFF) | (gathered[at + 1] & 0xFF) << 8;
    }

    private int int32(int at) {
        return int16(at) | int16(at + 2) << 16;
    }

    private void unreadable(String why) {
        budget.refuse(new UploadRejected(UploadRejected.Reason.UNREADABLE,
                "The selected file could not be read as an Office document: " + why + ". Save it again from Word,"
                        + " Excel or PowerPoint and upload it again", "zip: " + why));
    }

    private void tooComplex(String why) {
        budget.refuse(new UploadRejected(UploadRejected.Reason.TOO_COMPLEX,
                "The selected file is too complex to be checked: " + why + ". Save it again as a simpler document"
                        + " and upload it again", "zip: " + why));
    }
}
