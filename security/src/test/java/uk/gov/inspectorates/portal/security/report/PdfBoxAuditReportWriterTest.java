package uk.gov.inspectorates.portal.security.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.accountability.AuditReport;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;

/** The PDF report read back with PDFBox: header, verification and checkpoint, rows, marking and numbers on each page. */
class PdfBoxAuditReportWriterTest {

    private static final Instant EXPORTED = Instant.parse("2027-02-10T12:00:00Z");
    private static final AuditVerification INTACT = new AuditVerification(true, 1234, 1200L,
            Instant.parse("2027-02-10T11:59:00Z"), null, null);

    private static AuditReport.Line line(long seq, String detail) {
        return new AuditReport.Line(seq, Instant.parse("2027-02-01T10:00:00Z").plusSeconds(seq), "cqc.reader (u-7)",
                "Care Quality Commission", "REPORT_DOWNLOAD", "REPORT r-" + seq, "DENIED", detail, "dl-" + seq,
                "203.0.113.9");
    }

    private static AuditReport report(List<AuditReport.Line> lines, AuditVerification verification, boolean more) {
        return new AuditReport("Sam Siro (ofsted.siro)", "Ofsted", List.of("Report: r-1", "Outcome: DENIED"),
                EXPORTED, verification, lines, more, 10_000);
    }

    private static byte[] pdf(AuditReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfBoxAuditReportWriter().write(report, out);
        return out.toByteArray();
    }

    private static List<String> pages(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document).replaceAll("\\s+", " "));
            }
            return pages;
        }
    }

    @Test
    void theHeaderNamesTheSiroTheCriteriaTheTimeAndTheVerificationWithItsCheckpoint() throws Exception {
        List<String> pages = pages(pdf(report(List.of(line(1, "report.embargo.reader-lists-only")), INTACT, false)));

        String first = pages.get(0);
        assertTrue(first.contains("Audit trail report"), first);
        assertTrue(first.contains("Sam Siro (ofsted.siro)"), first);
        assertTrue(first.contains("Ofsted"), first);
        assertTrue(first.contains("2027-02-10 12:00:00Z"), first);
        assertTrue(first.contains("Criteria: Report: r-1; Outcome: DENIED."), first);
        assertTrue(first.contains("Verification: chain intact, 1234 events checked; reaches the signed checkpoint at"
                + " sequence number 1200 (2027-02-10 11:59:00Z)."), first);
        for (String expected : List.of("2027-02-01 10:00:01Z", "cqc.reader (u-7)", "Care Quality Commission",
                "REPORT_DOWNLOAD", "REPORT r-1", "DENIED", "report.embargo.reader-lists-only", "dl-1",
                "203.0.113.9")) {
            assertTrue(first.contains(expected), expected + " in " + first);
        }
    }

    @Test
    void aBrokenChainSaysWhereAndWhichCheckpointItStillReaches() throws Exception {
        AuditVerification broken = new AuditVerification(false, 57, 40L, Instant.parse("2027-02-09T10:00:00Z"), 57L,
                "hash does not match");

        String first = pages(pdf(report(List.of(), broken, false))).get(0);

        assertTrue(first.contains("CHAIN BROKEN at sequence number 57 (hash does not match)"), first);
        assertTrue(first.contains("reaches the signed checkpoint at sequence number 40"), first);
        assertTrue(first.contains("No event matched"), first);
    }

    @Test
    void aVerificationThatCouldNotRunIsNotCalledIntactNorBroken() throws Exception {
        AuditVerification none = new AuditVerification(false, 0, null, null, null, "no verifier");

        String first = pages(pdf(report(List.of(), none, false))).get(0);

        assertTrue(first.contains("Verification: NOT VERIFIED (no verifier). Nothing in this report has been checked"),
                first);
        assertFalse(first.contains("intact") || first.contains("BROKEN"), first);
    }

    @Test
    void everyPageIsMarkedAndNumbered() throws Exception {
        List<AuditReport.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            lines.add(line(i, i % 7 == 0 ? "a long detail ".repeat(40) : null));
        }

        byte[] pdf = pdf(report(lines, INTACT, false));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "audit-report-sample.pdf"), pdf);
        List<String> pages = pages(pdf);

        assertTrue(pages.size() > 5, pages.size() + " pages");
        for (int p = 0; p < pages.size(); p++) {
            String page = pages.get(p);
            assertEquals(2, page.split("OFFICIAL-SENSITIVE", -1).length - 1, "top and bottom of page " + (p + 1));
            assertTrue(page.contains("Page " + (p + 1) + " of " + pages.size()), page);
            assertTrue(page.contains("Rule or detail"), "the table's headings on every page");
        }
        String all = String.join("", pages);
        for (int i = 1; i <= 300; i++) {
            assertTrue(all.contains(" dl-" + i + " "), "row " + i);
        }
        assertTrue(all.contains("…"), "a detail too long for four lines is cut, visibly");
    }

    @Test
    void whenMoreMatchedTheReportSaysSoAndPointsToTheCsvExport() throws Exception {
        String all = String.join("", pages(pdf(report(List.of(line(1, null)), INTACT, true))));

        assertTrue(all.contains("More than 10000 events matched: only the newest 10000 are listed. Use the CSV"
                + " export, which has no cap, for all of them."), all);
    }

    @Test
    void textTheFontCannotShowOrControlCharactersDoNotBreakIt() throws Exception {
        String hostile = "evil\u0000\u0007 <b>&amp; \u202Eright-to-left \uD83D\uDE00 \u4E2D";

        String first = pages(pdf(report(List.of(line(1, hostile)), INTACT, false))).get(0);

        assertTrue(first.contains("evil"), first);
        assertTrue(first.contains("<b>&amp;"), first);
        assertFalse(first.contains("\u0000"));
    }
}
