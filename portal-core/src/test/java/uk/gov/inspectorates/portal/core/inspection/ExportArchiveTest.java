package uk.gov.inspectorates.portal.core.inspection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export archive: the same bytes every time, exact length, any range of it, readable as a ZIP. */
class ExportArchiveTest {

    private static final LocalDateTime CLOSED = LocalDateTime.of(2027, 6, 14, 16, 31, 7);

    /** A CRC memory that counts how often an entry had to be read for its CRC alone. */
    private static final class Memory implements ExportArchive.Crcs {
        final Map<String, Long> known = new HashMap<>();

        @Override
        public Long known(String key) {
            return known.get(key);
        }

        @Override
        public void learnt(String key, long crc32) {
            known.put(key, crc32);
        }
    }

    private final Map<String, byte[]> documents = new HashMap<>();
    private final AtomicInteger opened = new AtomicInteger();

    private ExportArchiveTest() {
        Random random = new Random(17);
        for (int size : new int[] {0, 1, 70_000, 200_003}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            documents.put("d" + size, bytes);
        }
    }

    private ExportArchive archive(ExportArchive.Crcs crcs) {
        List<ExportArchive.Entry> entries = new ArrayList<>();
        entries.add(ExportArchive.Entry.of("manifest.csv", "entry,size\n".getBytes(StandardCharsets.UTF_8)));
        for (String key : List.of("d70000", "d0", "d200003", "d1")) {
            byte[] bytes = documents.get(key);
            entries.add(new ExportArchive.Entry("documents/" + key + "-é.bin", bytes.length, key, () -> {
                opened.incrementAndGet();
                return new ByteArrayInputStream(bytes);
            }));
        }
        return new ExportArchive(entries, CLOSED, crcs);
    }

    private static byte[] bytes(ExportArchive archive, long from, long to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.write(out, from, to);
        return out.toByteArray();
    }

    @Test
    void twoExportsOfTheSameContentAreByteIdenticalAndAsLongAsAnnounced() throws IOException {
        byte[] first = bytes(archive(new Memory()), 0, archive(new Memory()).length());
        byte[] second = bytes(archive(new Memory()), 0, archive(new Memory()).length());
        assertArrayEquals(first, second);
        assertEquals(archive(new Memory()).length(), first.length);
    }

    @Test
    void aDroppedDownloadResumedFromAnyByteConcatenatesToTheWholeArchive() throws IOException {
        Memory crcs = new Memory();
        byte[] whole = bytes(archive(new Memory()), 0, archive(new Memory()).length());
        for (long cut : new long[] {1, 29, 100, 70_123, 70_160, whole.length - 300, whole.length - 21,
                whole.length - 1}) {
            // the first request dropped at the cut; the resume is a new request with a new archive object
            byte[] head = bytes(archive(crcs), 0, cut);
            byte[] tail = bytes(archive(crcs), cut, whole.length);
            byte[] joined = new byte[head.length + tail.length];
            System.arraycopy(head, 0, joined, 0, head.length);
            System.arraycopy(tail, 0, joined, head.length, tail.length);
            assertArrayEquals(whole, joined, "cut at " + cut);
        }
    }

    @Test
    void aResumePartWayThroughAnEntryOpensItsSourceFromThereWithoutReadingWhatItSkips() throws IOException {
        Memory crcs = new Memory();
        byte[] whole = bytes(archive(crcs), 0, archive(crcs).length());
        byte[] document = documents.get("d200003");
        List<Long> openedFrom = new ArrayList<>();
        ExportArchive.Source ranged = new ExportArchive.Source() {
            @Override
            public java.io.InputStream open() {
                throw new AssertionError("a resume part way through the entry must not read it from its start");
            }

            @Override
            public java.io.InputStream open(long from) {
                openedFrom.add(from);
                return new ByteArrayInputStream(document, (int) from, document.length - (int) from);
            }
        };
        ExportArchive archive = new ExportArchive(List.of(
                ExportArchive.Entry.of("manifest.csv", "entry,size\n".getBytes(StandardCharsets.UTF_8)),
                new ExportArchive.Entry("documents/d70000-é.bin", 70000, "d70000",
                        () -> new ByteArrayInputStream(documents.get("d70000"))),
                new ExportArchive.Entry("documents/d0-é.bin", 0, "d0", () -> new ByteArrayInputStream(new byte[0])),
                new ExportArchive.Entry("documents/d200003-é.bin", document.length, "d200003", ranged),
                new ExportArchive.Entry("documents/d1-é.bin", 1, "d1",
                        () -> new ByteArrayInputStream(documents.get("d1")))), CLOSED, crcs);
        long cut = whole.length / 2;

        byte[] tail = bytes(archive, cut, whole.length);

        assertArrayEquals(java.util.Arrays.copyOfRange(whole, (int) cut, whole.length), tail);
        assertEquals(1, openedFrom.size());
        assertTrue(openedFrom.get(0) > 0, "opened part way: " + openedFrom);
    }

    @Test
    void aResumeComputesTheCrcsOfWhatItSkipsOnlyWhenNoExportHasStreamedThemBefore() throws IOException {
        ExportArchive fresh = archive(new Memory());
        long nearEnd = fresh.length() - 10;
        opened.set(0);
        bytes(fresh, nearEnd, fresh.length());
        assertEquals(4, opened.get(), "every document read once for its CRC");

        Memory crcs = new Memory();
        bytes(archive(crcs), 0, archive(crcs).length());
        assertEquals(4, crcs.known.size(), "the first whole export learns every document's CRC");
        opened.set(0);
        bytes(archive(crcs), nearEnd, archive(crcs).length());
        assertEquals(0, opened.get(), "the resume of the central directory reads no document");
    }

    @Test
    void theArchiveIsAZipWithTheEntriesTheirBytesAndCrcs(@TempDir Path folder) throws IOException {
        ExportArchive archive = archive(new Memory());
        Path file = folder.resolve("export.zip");
        Files.write(file, bytes(archive, 0, archive.length()));
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("manifest.csv", "documents/d70000-é.bin", "documents/d0-é.bin",
                    "documents/d200003-é.bin", "documents/d1-é.bin"), names);
            for (String key : List.of("d70000", "d0", "d200003", "d1")) {
                ZipEntry entry = zip.getEntry("documents/" + key + "-é.bin");
                byte[] read = zip.getInputStream(entry).readAllBytes();
                assertArrayEquals(documents.get(key), read, key);
                CRC32 crc = new CRC32();
                crc.update(documents.get(key));
                assertEquals(crc.getValue(), entry.getCrc(), key);
                assertEquals(ZipEntry.STORED, entry.getMethod());
                assertEquals(CLOSED.withSecond(6), entry.getTimeLocal(), "one fixed time, to two seconds");
            }
        }
    }

    @Test
    void aDocumentShorterOrLongerThanRecordedFailsTheExport() {
        byte[] stored = new byte[100];
        ExportArchive shorter = new ExportArchive(List.of(new ExportArchive.Entry("documents/a", 101, "a",
                () -> new ByteArrayInputStream(stored))), CLOSED, new Memory());
        assertThrows(IOException.class, () -> shorter.writeTo(new ByteArrayOutputStream()));
        ExportArchive longer = new ExportArchive(List.of(new ExportArchive.Entry("documents/a", 99, "a",
                () -> new ByteArrayInputStream(stored))), CLOSED, new Memory());
        assertThrows(IOException.class, () -> longer.writeTo(new ByteArrayOutputStream()));
    }

    @Test
    void entryNamesAreUnique() {
        assertThrows(IllegalArgumentException.class, () -> new ExportArchive(List.of(
                ExportArchive.Entry.of("a", new byte[1]), ExportArchive.Entry.of("a", new byte[2])), CLOSED,
                new Memory()));
    }

    @Test
    void theIdentityChangesWithAnyEntrysContent() {
        ExportArchive archive = archive(new Memory());
        List<String> digests = List.of("m", "a", "b", "c", "d");
        assertEquals(archive.identity(digests), archive(new Memory()).identity(digests));
        assertFalse(archive.identity(digests).equals(archive.identity(List.of("m", "a", "b", "c", "e"))));
    }

    @Test
    void documentEntryNamesAreSafeNormalisedAndNumbered() {
        assertEquals("documents/0001-____etc_passwd", ExportContents.entryName(1, "../../etc/passwd"));
        assertEquals("documents/0002-C__Windows_x.pdf", ExportContents.entryName(2, "C:\\Windows\\x.pdf"));
        assertEquals("documents/0003-_", ExportContents.entryName(3, "..."));
        assertEquals("documents/0008-document", ExportContents.entryName(8, " "));
        assertEquals("documents/0004-cafe\u0301.pdf".length() - 1,
                ExportContents.entryName(4, "cafe\u0301.pdf").length(), "NFC: é as one character");
        assertEquals("documents/0005-a_b.txt", ExportContents.entryName(5, "a\u0000b.txt"));
        String longName = "x".repeat(400) + ".pdf";
        assertEquals("documents/0006-".length() + ExportContents.MAX_NAME,
                ExportContents.entryName(6, longName).length());
        assertTrue(ExportContents.entryName(7, "/abs/path.pdf").startsWith("documents/0007-_abs_path.pdf"));
    }

    @Test
    void manifestCellsThatASpreadsheetWouldRunAreDefused() {
        assertEquals("'=HYPERLINK(\"\"x\"\")", ExportManifest.cell("=HYPERLINK(\"x\")").replace("\"'", "'")
                .replaceFirst("^\"", "").replaceFirst("\"$", ""));
        assertEquals("\"a,b\"", ExportManifest.cell("a,b"));
        assertEquals("'-1", ExportManifest.cell("-1"));
    }
}
