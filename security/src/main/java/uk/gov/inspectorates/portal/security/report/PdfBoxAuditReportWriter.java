package uk.gov.inspectorates.portal.security.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import uk.gov.inspectorates.portal.core.accountability.AuditReport;
import uk.gov.inspectorates.portal.core.accountability.AuditReportWriter;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;

/**
 * A SIRO's report of the trail as a PDF (docs/adr/0035): A4 landscape; a header naming the SIRO, the criteria, the
 * time of export and the verification result with the signed checkpoint it reaches; then one row an event (time, who,
 * organisation, action, resource, outcome, rule or detail, download id, client address), long cells wrapped; the
 * classification marking top and bottom and "page n of m" on every page. Fonts embedded (DejaVu, as the stamped
 * copies); scratch space in memory only; characters the font lacks shown as '?'.
 */
public final class PdfBoxAuditReportWriter implements AuditReportWriter {

    private static final String FONTS = "/uk/gov/inspectorates/portal/security/stamping/";
    private static final byte[] REGULAR = fontFile("DejaVuSans.ttf");
    private static final byte[] BOLD = fontFile("DejaVuSans-Bold.ttf");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36f;
    private static final float MARKING_SIZE = 11f;
    private static final float CELL_SIZE = 7f;
    private static final float LEADING = 8.6f;
    private static final int MAX_CELL_LINES = 4;
    private static final float TABLE_TOP = PAGE.getHeight() - MARGIN - 22f;
    private static final float TABLE_BOTTOM = MARGIN + 22f;

    private static final String[] HEADINGS = {"Seq", "Time (UTC)", "Who", "Organisation", "Action", "Resource",
        "Outcome", "Rule or detail", "Download id", "Client address"};
    private static final float[] WIDTHS = {34, 90, 90, 80, 92, 90, 46, 126, 68, 54};

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Audit trail report (" + AuditReport.MARKING + ")");
            info.setSubject(AuditReport.MARKING);
            info.setCreationDate(java.util.GregorianCalendar.from(report.exportedAt().atZone(ZoneOffset.UTC)));
            Layout layout = new Layout(document, PDType0Font.load(document, new ByteArrayInputStream(REGULAR)),
                    PDType0Font.load(document, new ByteArrayInputStream(BOLD)));
            layout.header(report);
            layout.tableHeadings();
            if (report.lines().isEmpty()) {
                layout.paragraph("No event matched the criteria within your scope.", false, 9f);
            }
            for (AuditReport.Line line : report.lines()) {
                layout.row(cells(line));
            }
            if (report.more()) {
                layout.paragraph("More than " + report.cap() + " events matched: only the newest " + report.cap()
                        + " are listed. Use the CSV export, which has no cap, for all of them.", true, 9f);
            }
            layout.close();
            layout.markEveryPage();
            document.save(out);
        }
    }

    static String verificationText(AuditVerification v) {
        String checkpoint = v.checkpointSeq() == null ? "no signed checkpoint reached"
                : "reaches the signed checkpoint at sequence number " + v.checkpointSeq()
                        + (v.checkpointAt() == null ? "" : " (" + TIME.format(v.checkpointAt()) + ")");
        if (v.intact()) {
            return "Verification: chain intact, " + v.eventsChecked() + " events checked; " + checkpoint + ".";
        }
        if (v.firstBrokenSeq() == null) {
            return "Verification: NOT VERIFIED" + (v.problem() == null ? "" : " (" + v.problem() + ")")
                    + ". Nothing in this report has been checked against the chain.";
        }
        return "Verification: CHAIN BROKEN at sequence number " + v.firstBrokenSeq()
                + (v.problem() == null ? "" : " (" + v.problem() + ")") + ", " + v.eventsChecked()
                + " events checked; " + checkpoint + ". Events after the break cannot be relied on.";
    }

    private static String[] cells(AuditReport.Line line) {
        return new String[] {Long.toString(line.seq()), line.at() == null ? "" : TIME.format(line.at()), line.who(),
            line.organisation(), line.action(), line.resource(), line.outcome(), line.detail(), line.downloadId(),
            line.clientAddress()};
    }

    /** Pages filled top to bottom; a new page (with the table's headings again) when the next row does not fit. */
    private static final class Layout {
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private final Map<PDFont, Map<Integer, Float>> advances = new HashMap<>();
        private PDPageContentStream content;
        private float y;

        Layout(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void header(AuditReport report) throws IOException {
            paragraph("Audit trail report", true, 16f);
            paragraph("Exported by " + report.siro() + ", Senior Information Risk Owner, " + report.organisation()
                    + ", at " + TIME.format(report.exportedAt()) + ".", false, 9f);
            paragraph("Criteria: " + String.join("; ", report.criteria()) + ".", false, 9f);
            paragraph(verificationText(report.verification()), true, 9f);
            paragraph(report.lines().size() + (report.more() ? " events listed (more matched: see the end)."
                    : " events listed, newest first."), false, 9f);
            y -= 6f;
        }

        void paragraph(String text, boolean strong, float size) throws IOException {
            PDFont font = strong ? bold : regular;
            List<String> lines = wrap(safe(font, text), font, size, PAGE.getWidth() - 2 * MARGIN, Integer.MAX_VALUE);
            for (String line : lines) {
                if (y - size * 1.3f < TABLE_BOTTOM) {
                    newPage();
                }
                y -= size * 1.3f;
                write(font, size, MARGIN, y, line);
            }
            y -= 3f;
        }

        void tableHeadings() throws IOException {
            row(HEADINGS, true);
        }

        void row(String[] values) throws IOException {
            row(values, false);
        }

        private void row(String[] values, boolean heading) throws IOException {
            PDFont font = heading ? bold : regular;
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < values.length; i++) {
                List<String> lines = wrap(safe(font, values[i] == null ? "" : values[i]), font, CELL_SIZE,
                        WIDTHS[i] - 3f, MAX_CELL_LINES);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            float rowHeight = height * LEADING + 3f;
            if (y - rowHeight < TABLE_BOTTOM) {
                newPage();
                if (!heading) {
                    tableHeadings();
                }
            }
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                float lineY = y - LEADING;
                for (String line : cells.get(i)) {
                    write(font, CELL_SIZE, x, lineY, line);
                    lineY -= LEADING;
                }
                x += WIDTHS[i];
            }
            y -= rowHeight;
            content.setLineWidth(heading ? 0.8f : 0.3f);
            content.moveTo(MARGIN, y + 1f);
            content.lineTo(PAGE.getWidth() - MARGIN, y + 1f);
            content.stroke();
        }

        void close() throws IOException {
            content.close();
        }

        /** The marking top and bottom of every page and "page n of m", once the number of pages is known. */
        void markEveryPage() throws IOException {
            int pages = document.getNumberOfPages();
            int number = 1;
            for (PDPage page : document.getPages()) {
                try (PDPageContentStream marks = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = marks;
                    float width = bold.getStringWidth(AuditReport.MARKING) / 1000f * MARKING_SIZE;
                    write(bold, MARKING_SIZE, (PAGE.getWidth() - width) / 2, PAGE.getHeight() - MARGIN + 8f,
                            AuditReport.MARKING);
                    write(bold, MARKING_SIZE, (PAGE.getWidth() - width) / 2, MARGIN - 16f, AuditReport.MARKING);
                    String pageText = "Page " + number + " of " + pages;
                    float pageWidth = regular.getStringWidth(pageText) / 1000f * 8f;
                    write(regular, 8f, PAGE.getWidth() - MARGIN - pageWidth, MARGIN - 16f, pageText);
                    write(regular, 8f, MARGIN, MARGIN - 16f, "Audit trail report");
                }
                number++;
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = TABLE_TOP;
        }

        private void write(PDFont font, float size, float x, float atY, String text) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        }

        /** The text with control characters as spaces and characters the font cannot show as '?'. */
        private String safe(PDFont font, String text) {
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                    out.append(' ');
                } else if (known.computeIfAbsent(c, code -> shows(font, code))) {
                    out.appendCodePoint(c);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static boolean shows(PDFont font, int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        /** Lines no wider than {@code width}, broken at spaces where possible; past {@code max} lines cut with '…'. */
        private List<String> wrap(String text, PDFont font, float size, float width, int max) throws IOException {
            List<String> lines = new ArrayList<>();
            String rest = text.strip();
            while (!rest.isEmpty()) {
                if (lines.size() == max - 1) {
                    lines.add(fit(rest, font, size, width, true));
                    break;
                }
                String line = fit(rest, font, size, width, false);
                int space = line.length() < rest.length() ? line.lastIndexOf(' ') : -1;
                if (space > 0) {
                    line = line.substring(0, space);
                }
                lines.add(line.stripTrailing());
                rest = rest.substring(line.length()).strip();
            }
            return lines.isEmpty() ? List.of("") : lines;
        }

        /** The longest start of {@code text} that fits (ending in '…' when cut and {@code ellipsis}); at least one. */
        private String fit(String text, PDFont font, float size, float width, boolean ellipsis) throws IOException {
            float room = width - (ellipsis ? advance(font, '…') * size / 1000f : 0f);
            float used = 0f;
            int end = 0;
            while (end < text.length()) {
                int c = text.codePointAt(end);
                float next = advance(font, c) * size / 1000f;
                if (used + next > (ellipsis ? room : width) && end > 0) {
                    break;
                }
                used += next;
                end += Character.charCount(c);
            }
            if (end == text.length()) {
                return text;
            }
            if (ellipsis) {
                return text.substring(0, end) + "…";
            }
            return text.substring(0, end);
        }

        private float advance(PDFont font, int codePoint) throws IOException {
            Map<Integer, Float> known = advances.computeIfAbsent(font, f -> new HashMap<>());
            Float width = known.get(codePoint);
            if (width == null) {
                width = font.getStringWidth(new String(Character.toChars(codePoint)));
                known.put(codePoint, width);
            }
            return width;
        }
    }

    private static byte[] fontFile(String name) {
        try (InputStream font = PdfBoxAuditReportWriter.class.getResourceAsStream(FONTS + name)) {
            if (font == null) {
                throw new IllegalStateException("font " + name + " missing from the build");
            }
            return font.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("font " + name + " could not be read", e);
        }
    }
}
