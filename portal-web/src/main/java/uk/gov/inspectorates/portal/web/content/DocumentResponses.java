package uk.gov.inspectorates.portal.web.content;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDownload;
import uk.gov.inspectorates.portal.core.letter.LetterDownload;
import uk.gov.inspectorates.portal.core.report.ReportDownload;
import uk.gov.inspectorates.portal.core.report.StampedCopy;

/**
 * How document content leaves the portal, for the API and the pages alike: as an attachment, never cached, with its
 * exact length when it is known up front (a stamped copy's is not). Bytes are decrypted and authenticated segment by segment as they stream; if a later segment fails,
 * the copy throws and the response is aborted, so the client sees a broken download rather than a complete one.
 */
public final class DocumentResponses {

    private DocumentResponses() {
    }

    public static Response attachment(ReportDownload download) {
        return stamped(download.report().document(), download.downloadId(), download.content(), "attachment");
    }

    public static void attachment(ReportDownload download, HttpServletResponse response) throws IOException {
        stamped(download.report().document(), download.downloadId(), download.content(), "attachment", response);
    }

    /** The same copy, shown by the browser's own viewer instead of saved. */
    public static void inline(ReportDownload download, HttpServletResponse response) throws IOException {
        stamped(download.report().document(), download.downloadId(), download.content(), "inline", response);
    }

    /** A letter's stamped copy (docs/adr/0015): served exactly like a report's. */
    public static Response attachment(LetterDownload download) {
        return stamped(download.letter().document(), download.downloadId(), download.content(), "attachment");
    }

    public static void attachment(LetterDownload download, HttpServletResponse response) throws IOException {
        stamped(download.letter().document(), download.downloadId(), download.content(), "attachment", response);
    }

    /**
     * A stamped copy (docs/adr/0038) goes out as PDFBox writes it, so its length is not known up front: no
     * Content-Length, and the body is chunked. If writing fails part way the exception propagates and the container
     * aborts the response (no final chunk), so the reader's client sees a broken download, never a complete-looking
     * one. The copy is closed (its memory and stamping budget given back) however the writing ends.
     */
    static Response stamped(AcceptedDocument document, String downloadId, StampedCopy copy, String disposition) {
        StreamingOutput body = output -> writeThenClose(copy, output);
        Response.ResponseBuilder response = Response.ok(body, document.mediaType());
        headers(document, downloadId, UNKNOWN_LENGTH, disposition).forEach(response::header);
        return response.build();
    }

    static void stamped(AcceptedDocument document, String downloadId, StampedCopy copy, String disposition,
                        HttpServletResponse response) throws IOException {
        try (copy) {
            response.setContentType(document.mediaType());
            headers(document, downloadId, UNKNOWN_LENGTH, disposition).forEach(response::setHeader);
            writeThenClose(copy, response.getOutputStream());
        }
    }

    /** Writes the copy and closes it however the writing ends; a failure propagates, so the response is aborted. */
    static void writeThenClose(StampedCopy copy, OutputStream output) throws IOException {
        try (copy) {
            copy.writeTo(output);
        }
    }

    /** A length not known before the body is written: sent without Content-Length. */
    static final long UNKNOWN_LENGTH = -1;

    /** An evidence document's original bytes (JTAI): streamed as they are decrypted, never stamped. */
    public static Response attachment(EvidenceDownload download) {
        return attachment(download.document().document(), download.downloadId(), download.length(),
                download.content());
    }

    /** A document's original bytes, streamed as they are decrypted, never stamped (e.g. a findings letter draft). */
    public static Response attachment(AcceptedDocument document, String downloadId, long length,
                                       InputStream content) {
        StreamingOutput body = output -> copy(content, output);
        Response.ResponseBuilder response = Response.ok(body, document.mediaType());
        headers(document, downloadId, length, "attachment").forEach(response::header);
        return response.build();
    }

    private static void send(AcceptedDocument document, String downloadId, long length, InputStream content,
                             String disposition, HttpServletResponse response) throws IOException {
        response.setContentType(document.mediaType());
        headers(document, downloadId, length, disposition).forEach(response::setHeader);
        copy(content, response.getOutputStream());
    }

    private static Map<String, String> headers(AcceptedDocument document, String downloadId, long length,
                                               String disposition) {
        Map<String, String> headers = new LinkedHashMap<>();
        String name = document.fileName();
        headers.put("Content-Disposition", disposition + "; filename=\"" + asciiFileName(name) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        if (length != UNKNOWN_LENGTH) {
            headers.put("Content-Length", Long.toString(length));
        }
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Download-Id", downloadId);
        return headers;
    }

    /**
     * Four envelope segments (256 KiB): each write hands the container a large block at once, and no flush is asked
     * for until the end (docs/adr/0037). A decrypting stream fills the buffer straight from the cipher, segment by
     * segment, so the bytes are copied once between the store's read-ahead and the container.
     */
    static final int COPY_BUFFER_BYTES = 256 * 1024;

    static void copy(InputStream content, OutputStream output) throws IOException {
        try (InputStream in = content) {
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                output.write(buffer, 0, n);
            }
        }
    }

    static String asciiFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return safe.isBlank() ? "document" : safe;
    }
}
