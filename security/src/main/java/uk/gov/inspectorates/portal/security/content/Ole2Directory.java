package uk.gov.inspectorates.portal.security.content;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The entry names of an OLE2 (Compound File Binary, MS-CFB) container's directory, read from a prefix of the file
 * and nothing else: enough to recognise a password-protected OOXML document, whose container holds the streams
 * {@code EncryptionInfo} and {@code EncryptedPackage} (MS-OFFCRYPTO). Stream contents are never read.
 *
 * <p>Directory sectors beyond the prefix are not seen. The {@code EncryptedPackage} stream alone decides: it is
 * what holds the encrypted document, no other OLE2 format uses the name, and writers need not put
 * {@code EncryptionInfo} in the first directory sector (POI writes it in the last one, after the package, so in a
 * large file it lies beyond the prefix).
 */
final class Ole2Directory {

    private static final byte[] MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final int HEADER_DIFAT_ENTRIES = 109;
    private static final int ENTRY_BYTES = 128;
    private static final int MAX_DIRECTORY_SECTORS = 256;

    private Ole2Directory() {
    }

    static boolean isPasswordProtectedOoxml(byte[] prefix, int length) {
        return names(prefix, length).contains("EncryptedPackage");
    }

    /** The names in the directory sectors that lie within the prefix; empty when it is no OLE2 container. */
    static Set<String> names(byte[] prefix, int length) {
        if (length < 512 || !java.util.Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Set.of();
        }
        ByteBuffer header = ByteBuffer.wrap(prefix, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        int shift = header.getShort(0x1E);
        if (shift != 9 && shift != 12) {
            return Set.of();
        }
        int sectorSize = 1 << shift;
        Set<String> names = new HashSet<>();
        int sector = header.getInt(0x30);
        // sector numbers above 0x7FFFFFFF are markers (end of chain, free): negative here
        for (int i = 0; i < MAX_DIRECTORY_SECTORS && sector >= 0; i++) {
            long start = (sector + 1L) * sectorSize;
            if (start + sectorSize > length) {
                break;
            }
            for (int entry = (int) start; entry < start + sectorSize; entry += ENTRY_BYTES) {
                int nameBytes = header.getShort(entry + 0x40) & 0xFFFF;
                boolean used = header.get(entry + 0x42) != 0;
                if (used && nameBytes >= 2 && nameBytes <= 64) {
                    names.add(new String(prefix, entry, nameBytes - 2, StandardCharsets.UTF_16LE));
                }
            }
            sector = nextSector(header, length, sector, sectorSize);
        }
        return names;
    }

    /** The sector after {@code sector} in its chain, from the allocation table; negative when not known here. */
    private static int nextSector(ByteBuffer header, int length, int sector, int sectorSize) {
        int perTableSector = sectorSize / 4;
        int tableIndex = sector / perTableSector;
        if (tableIndex >= HEADER_DIFAT_ENTRIES) {
            return -1;
        }
        int tableSector = header.getInt(0x4C + 4 * tableIndex);
        if (tableSector < 0) {
            return -1;
        }
        long at = (tableSector + 1L) * sectorSize + 4L * (sector % perTableSector);
        return at + 4 <= length ? header.getInt((int) at) : -1;
    }
}
