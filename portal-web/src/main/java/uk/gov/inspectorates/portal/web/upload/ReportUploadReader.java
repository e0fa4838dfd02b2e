package uk.gov.inspectorates.portal.web.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportDetails;
import uk.gov.inspectorates.portal.core.report.ReportDraft;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * Reads a multipart report upload as a stream, straight from the socket: the fields that come before the file are
 * checked first, then the file's bytes flow through intake into encrypted storage. Nothing is spooled to disk, so no
 * plaintext ever touches it. The fields must precede the file (browsers and curl send parts in the order given).
 */
public final class ReportUploadReader {

    static final int MAX_FIELD_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 32;
    public static final String FILE_FIELD = "file";
    /** Instead of a file: the id of a completed resumable upload (docs/adr/0009), which the page's script sends. */
    public static final String UPLOAD_FIELD = "upload";

    /** Checks the fields seen before the file; a page uses it to verify its CSRF field before any file byte. */
    @FunctionalInterface
    public interface FieldsCheck {
        void check(Map<String, String> fields);
    }

    private final ReportService reports;
    private final UploadPlaces places;

    public ReportUploadReader(ReportService reports, UploadPlaces places) {
        this.reports = reports;
        this.places = places;
    }

    public Report read(HttpServletRequest request, Subject subject, FieldsCheck fieldsCheck,
                       Function<Map<String, String>, ReportDraft> draftOf) {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw InvalidInput.of(FILE_FIELD, "Send the report as multipart/form-data with its details and file");
        }
        Map<String, String> fields = new HashMap<>();
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    addField(fields, part);
                    continue;
                }
                if (!FILE_FIELD.equals(part.getFieldName())) {
                    continue;
                }
                ReportDetails details = check(subject, fields, fieldsCheck, draftOf);
                String declaredName = UploadedFileNames.declared(part);
                if (declaredName == null || declaredName.isBlank()) {
                    throw new UploadRejected(UploadRejected.Reason.MISSING, "Select the report file");
                }
                return places.holding(subject, request, () -> {
                    try (InputStream content = part.getInputStream()) {
                        return reports.share(subject, details, new IncomingDocument(declaredName, content));
                    }
                });
            }
        } catch (FileUploadException e) {
            throw InvalidInput.of(FILE_FIELD, "The upload could not be read as multipart/form-data");
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        }
        ReportDetails details = check(subject, fields, fieldsCheck, draftOf);
        String uploadId = fields.get(UPLOAD_FIELD);
        if (uploadId != null && !uploadId.isBlank()) {
            return reports.shareUploaded(subject, details, uploadId.strip());
        }
        throw new UploadRejected(UploadRejected.Reason.MISSING, "Select the report file");
    }

    private ReportDetails check(Subject subject, Map<String, String> fields, FieldsCheck fieldsCheck,
                                Function<Map<String, String>, ReportDraft> draftOf) {
        fieldsCheck.check(fields);
        return reports.checkShare(subject, draftOf.apply(fields));
    }

    /** The one field a form may send several times (ticked checkboxes): its values are joined with commas. */
    public static final String MULTIPLE = "addressees";

    private static void addField(Map<String, String> fields, FileItemInput part) throws IOException {
        if (fields.size() >= MAX_FIELDS) {
            throw InvalidInput.of(part.getFieldName(), "Too many fields in the upload");
        }
        try (InputStream in = part.getInputStream()) {
            byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (value.length > MAX_FIELD_BYTES) {
                throw InvalidInput.of(part.getFieldName(), "The field " + part.getFieldName() + " is too long");
            }
            String text = new String(value, StandardCharsets.UTF_8);
            if (MULTIPLE.equals(part.getFieldName())) {
                fields.merge(MULTIPLE, text, (earlier, later) -> earlier + "," + later);
            } else {
                fields.put(part.getFieldName(), text);
            }
        }
    }
}
