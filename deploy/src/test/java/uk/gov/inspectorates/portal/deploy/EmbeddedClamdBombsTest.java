package uk.gov.inspectorates.portal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.ContentScanner.ScanSession;
import uk.gov.inspectorates.portal.core.document.ScanVerdict;
import uk.gov.inspectorates.portal.core.document.ScanVerdict.Finding;
import uk.gov.inspectorates.portal.security.malware.ClamAvScanner;

/**
 * Archive and document bombs and password-protected files against the real clamd with the config
 * {@link EmbeddedClamd} writes, through the portal's own {@link ClamAvScanner}: what clamd reports, and what the
 * portal makes of it. Reports accept only PDFs, so a ZIP never reaches clamd through the portal today (Tika
 * refuses it first); this proves the limits for when archives or OOXML documents (themselves ZIPs) are allowed.
 */
class EmbeddedClamdBombsTest {

    /** The upload cap this clamd is configured for: MaxFileSize 10M, MaxScanSize 400M. */
    private static final long MAX_STREAM_BYTES = 8 * 1024 * 1024;
    private static final int MIB = 1024 * 1024;

    /**
     * {@code a.txt} ("hello\n") in a ZIP with the password {@code secret} (PKWARE traditional encryption, which
     * {@code java.util.zip} cannot write), made with {@code zip -P secret enc.zip a.txt}.
     */
    private static final String PASSWORD_PROTECTED_ZIP = "UEsDBAoACQAAADN9d10gMDo2EgAAAAYAAAAFABwAYS50eHRVVAkAA7Je"
            + "BGuyXgRrdXgLAAEEAAAAAAQAAAAA26xjpoDaXGMqa9hnj7TDUvUtUEsHCCAwOjYSAAAABgAAAFBLAQIeAwoACQAAADN9d10gMDo2Eg"
            + "AAAAYAAAAFABgAAAAAAAEAAACkgQAAAABhLnR4dFVUBQADsl4Ea3V4CwABBAAAAAAEAAAAAFBLBQYAAAAAAQABAEsAAABhAAAAAAA=";

    private static ScratchClamd clamd;
    private static ClamAvScanner scanner;

    @BeforeAll
    static void startClamd() throws IOException {
        clamd = ScratchClamd.start("bombs", MAX_STREAM_BYTES);
        scanner = clamd.scanner();
    }

    @AfterAll
    static void stopClamd() throws IOException {
        if (clamd != null) {
            clamd.close();
        }
    }

    private static ScanVerdict scan(byte[] content) {
        try (ScanSession session = scanner.start()) {
            for (int offset = 0; offset < content.length; offset += 64 * 1024) {
                session.feed(content, offset, Math.min(64 * 1024, content.length - offset));
            }
            return session.verdict();
        }
    }

    private static void assertFinding(Finding expected, String signaturePrefix, ScanVerdict verdict) {
        assertEquals(expected, verdict.finding(), verdict.toString());
        assertTrue(verdict.signature().orElseThrow().startsWith(signaturePrefix), verdict.toString());
    }

    @Test
    void aPlainPdfIsClean() {
        assertTrue(scan(pdf(null)).clean());
    }

    @Test
    void aPdfThatNeedsAPasswordToOpenIsEncrypted() {
        assertFinding(Finding.ENCRYPTED, "Heuristics.Encrypted.PDF", scan(pdf("user-secret")));
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordOpensWithoutOneSoClamdScansItAndItIsClean() {
        assertTrue(scan(pdf("")).clean(), "permissions-only protection does not stop the scan");
    }

    @Test
    void aPasswordProtectedZipIsEncrypted() {
        assertFinding(Finding.ENCRYPTED, "Heuristics.Encrypted.Zip",
                scan(Base64.getDecoder().decode(PASSWORD_PROTECTED_ZIP)));
    }

    /**
     * clamd unpacks a Word document and finds EICAR in its text, but the same document with a password to open is
     * ciphertext to it and comes back clean, with no encrypted-document heuristic (clamd 1.4 has none for OOXML):
     * such files must be refused before the scan, by their type (DocumentIntake.checkType).
     */
    @Test
    void aPasswordProtectedWordDocumentIsCleanToClamdThoughItsTextCarriesEicar() {
        byte[] docx = ProtectedOfficeDocuments.docx("Northdale findings " + EmbeddedClamd.EICAR);

        assertFinding(Finding.MALWARE, EmbeddedClamd.EICAR_SIGNATURE, scan(docx));
        assertTrue(scan(ProtectedOfficeDocuments.passwordProtected(docx, "open-sesame")).clean(),
                "clamd cannot see into a protected Office document");
    }

    /**
     * clamd sees into Office packages (issue 16, ADR 0019): EICAR in a part of a Word document, and in a workbook
     * embedded in one (a chart's data, the one nesting the portal's own inspection lets through), is malware.
     */
    @Test
    void eicarInAnOfficePartOrInAnEmbeddedWorkbookIsMalware() {
        byte[] docx = ProtectedOfficeDocuments.docx("Northdale findings");
        byte[] infectedPart = zip(java.util.Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.US_ASCII),
                "word/media/note.txt", EmbeddedClamd.EICAR.getBytes(StandardCharsets.US_ASCII)));
        byte[] withInfectedEmbedding = withPart(docx, "word/embeddings/Microsoft_Excel_Worksheet.xlsx", infectedPart);

        assertTrue(scan(docx).clean());
        assertFinding(Finding.MALWARE, EmbeddedClamd.EICAR_SIGNATURE, scan(infectedPart));
        assertFinding(Finding.MALWARE, EmbeddedClamd.EICAR_SIGNATURE, scan(withInfectedEmbedding));
    }

    private static byte[] zip(java.util.Map<String, byte[]> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var part : new java.util.TreeMap<>(parts).entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The package with one more part. */
    private static byte[] withPart(byte[] pkg, String name, byte[] content) {
        java.util.Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(pkg))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parts.put(name, content);
        return zip(parts);
    }

    @Test
    void zipsNestedDeeperThanMaxRecursionAreTooComplex() {
        byte[] nested = "hello\n".getBytes(StandardCharsets.US_ASCII);
        for (int level = 0; level < EmbeddedClamd.MAX_RECURSION + 5; level++) {
            nested = zip(level == 0 ? "a.txt" : "level-" + level + ".zip", nested, 1);
        }
        assertFinding(Finding.TOO_COMPLEX, "Heuristics.Limits.Exceeded.MaxRecursion", scan(nested));
    }

    @Test
    void aZipOfMoreFilesThanMaxFilesIsTooComplex() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= EmbeddedClamd.MAX_FILES; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".txt"));
                zip.write(("file " + i).getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFinding(Finding.TOO_COMPLEX, "Heuristics.Limits.Exceeded.MaxFiles", scan(bytes.toByteArray()));
    }

    @Test
    void oneZipEntryExpandingBeyondMaxScanSizeIsTooComplex() {
        long scanMib = EmbeddedClamd.maxScanMib(MAX_STREAM_BYTES / MIB + 2);
        byte[] bomb = zip("zeros.bin", new byte[MIB], 1, (int) scanMib + 20, null);
        assertTrue(bomb.length < MAX_STREAM_BYTES, "within the upload cap: " + bomb.length);
        assertFinding(Finding.TOO_COMPLEX, "Heuristics.Limits.Exceeded.MaxScanSize", scan(bomb));
    }

    @Test
    void entriesExpandingBeyondMaxScanSizeTogetherAreTooComplex() {
        long scanMib = EmbeddedClamd.maxScanMib(MAX_STREAM_BYTES / MIB + 2);
        int entries = (int) (scanMib / 8) + 2;
        byte[] bomb = zip("zeros.bin", new byte[8 * MIB], entries);
        assertTrue(bomb.length < MAX_STREAM_BYTES, "within the upload cap: " + bomb.length);
        assertFinding(Finding.TOO_COMPLEX, "Heuristics.Limits.Exceeded.MaxScanSize", scan(bomb));
    }

    @Test
    void malwareAfterTensOfMegabytesOfAnUnpackedEntryIsStillFound() {
        // with MaxFileSize below the entry's size clamd 1.4 would scan only its first MaxFileSize bytes: clean
        byte[] zipped = zip("report.bin", new byte[MIB], 1, 64,
                EmbeddedClamd.EICAR.getBytes(StandardCharsets.US_ASCII));
        assertTrue(zipped.length < MAX_STREAM_BYTES, "within the upload cap: " + zipped.length);
        assertFinding(Finding.MALWARE, EmbeddedClamd.EICAR_SIGNATURE, scan(zipped));
    }

    @Test
    void eicarInAZipIsStillMalware() {
        byte[] zipped = zip("eicar.com", EmbeddedClamd.EICAR.getBytes(StandardCharsets.US_ASCII), 1);
        assertFinding(Finding.MALWARE, EmbeddedClamd.EICAR_SIGNATURE, scan(zipped));
    }

    /** A one-page PDF; with a user password (may be empty: an owner password only) it is encrypted (AES-256). */
    static byte[] pdf(String userPassword) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            if (userPassword != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(256);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deflated ZIP holding {@code content} under {@code name} {@code copies} times (names numbered). */
    private static byte[] zip(String name, byte[] content, int copies) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < copies; i++) {
                zip.putNextEntry(new ZipEntry(copies == 1 ? name : i + "-" + name));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A deflated ZIP of one entry: {@code block} written {@code repeats} times, then {@code tail} if any. */
    private static byte[] zip(String name, byte[] block, int copies, int repeats, byte[] tail) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            for (int i = 0; i < repeats * copies; i++) {
                zip.write(block);
            }
            if (tail != null) {
                zip.write(tail);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
