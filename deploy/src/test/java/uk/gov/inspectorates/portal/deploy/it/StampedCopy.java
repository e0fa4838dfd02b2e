package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What an embargoed download must be: the original's pages with the pre-publication marks on every one, never the
 * original bytes. Text extraction splits the diagonal watermark at arbitrary places, so text is compared without
 * white space.
 */
final class StampedCopy {

    static final String WATERMARK = "Pre-publication report \u2013 not to be shared beyond authorised reviewers";

    private StampedCopy() {
    }

    /**
     * A letter served after its report's publication: no pre-publication marking (ISP ¶13), the correspondence line
     * instead (docs/adr/0027).
     */
    static final String CORRESPONDENCE = "Correspondence about a published report \u2013 not for publication";

    /** Asserts that {@code served} is a stamped copy of {@code original} and returns its text, squeezed. */
    static String assertStampedCopyOf(byte[] original, byte[] served, String what) {
        return assertCopyOf(original, served, WATERMARK, what);
    }

    /**
     * Asserts that {@code served} is a copy of a letter made after its report's publication: every page of the
     * original, the correspondence line and the marking on every page, and nowhere the pre-publication marking.
     * Returns the first page's text, squeezed.
     */
    static String assertCorrespondenceCopyOf(byte[] original, byte[] served, String what) {
        String first = assertCopyOf(original, served, CORRESPONDENCE, what);
        try (PDDocument after = Loader.loadPDF(served)) {
            for (int page = 1; page <= after.getNumberOfPages(); page++) {
                String text = squeezed(text(after, page)).toLowerCase(java.util.Locale.ROOT);
                assertTrue(!text.contains("pre-publication") && !text.contains(squeezed(WATERMARK).toLowerCase(
                        java.util.Locale.ROOT)), what + ": no pre-publication marking on page " + page + ": " + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": the download is not a readable PDF", e);
        }
        return first;
    }

    private static String assertCopyOf(byte[] original, byte[] served, String line, String what) {
        try (PDDocument before = Loader.loadPDF(original); PDDocument after = Loader.loadPDF(served)) {
            assertEquals(before.getNumberOfPages(), after.getNumberOfPages(), what + ": every page of the original");
            for (int page = 1; page <= after.getNumberOfPages(); page++) {
                String originalText = squeezed(text(before, page));
                String servedText = squeezed(text(after, page));
                assertTrue(servedText.contains(originalText), what + ": page " + page + " keeps its content");
                assertTrue(squeezed(drawnText(after, page)).contains(squeezed(line)),
                        what + ": " + line + " on page " + page + ": " + servedText);
                assertTrue(servedText.contains("OFFICIAL"), what + ": marking on page " + page);
            }
            return squeezed(text(after, 1));
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": the download is not a readable PDF", e);
        }
    }

    /** As {@link #assertStampedCopyOf(byte[], byte[], String)}, and the copy names its download id. */
    static void assertStampedCopyOf(byte[] original, byte[] served, String downloadId, String what) {
        assertTrue(assertStampedCopyOf(original, served, what).contains("download" + downloadId),
                what + ": the copy names download " + downloadId);
    }

    /**
     * Asserts that every page of {@code served} carries {@code marking} at its top and at its bottom (twice on the
     * page's text), e.g. a letter's own classification rather than its report's.
     */
    static void assertMarkedOnEveryPage(byte[] served, String marking, String what) {
        try (PDDocument after = Loader.loadPDF(served)) {
            String mark = squeezed(marking);
            for (int page = 1; page <= after.getNumberOfPages(); page++) {
                String text = squeezed(text(after, page));
                int first = text.indexOf(mark);
                assertTrue(first >= 0 && text.indexOf(mark, first + mark.length()) >= 0,
                        what + ": " + marking + " at the top and bottom of page " + page);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": the download is not a readable PDF", e);
        }
    }

    /** The squeezed text of one page of {@code served}. */
    static String pageText(byte[] served, int page) {
        try (PDDocument after = Loader.loadPDF(served)) {
            return squeezed(text(after, page));
        } catch (IOException e) {
            throw new UncheckedIOException("the download is not a readable PDF", e);
        }
    }

    /**
     * The page's glyphs in the order they are drawn, without the stripper's grouping into lines: the diagonal
     * watermark is drawn in one run, but grouped by position its characters can interleave with the page's own text.
     */
    private static String drawnText(PDDocument document, int page) throws IOException {
        StringBuilder drawn = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                drawn.append(text.getUnicode());
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        return drawn.toString();
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
