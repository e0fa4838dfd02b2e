package uk.gov.inspectorates.portal.web.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * Reads one multipart upload as a stream, straight from the socket, for any kind of upload: the fields before the
 * file are checked first (who may upload, the details), then the file's bytes flow through intake into encrypted
 * storage; or, instead of a file, the {@code upload} field names a completed resumable upload. Nothing is spooled to
 * disk. Repeated field values are joined with commas.
 *
 * @param <D> the checked details
 * @param <R> what the upload becomes
 */
public final class StreamedMultipart<D, R> {

    private final String what;
    private final Function<Map<String, String>, D> check;
    private final BiFunction<D, IncomingDocument, R> storeFile;
    private final BiFunction<D, String, R> storeUpload;

    /**
     * @param what        what is uploaded, for messages ("the document")
     * @param check       checks the fields (and who asks) before any file byte is read
     * @param storeFile   keeps the checked upload's file
     * @param storeUpload keeps a completed resumable upload, by its id, for the checked details
     */
    public StreamedMultipart(String what, Function<Map<String, String>, D> check,
                             BiFunction<D, IncomingDocument, R> storeFile, BiFunction<D, String, R> storeUpload) {
        this.what = what;
        this.check = check;
        this.storeFile = storeFile;
        this.storeUpload = storeUpload;
    }

    public R read(HttpServletRequest request) {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw InvalidInput.of(ReportUploadReader.FILE_FIELD,
                    "Send " + what + " as multipart/form-data with its details and file");
        }
        Map<String, String> fields = new HashMap<>();
        int count = 0;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    if (++count > ReportUploadReader.MAX_FIELDS) {
                        throw InvalidInput.of(part.getFieldName(), "Too many fields in the upload");
                    }
                    fields.merge(part.getFieldName(), field(part), (a, b) -> a + "," + b);
                    continue;
                }
                if (!ReportUploadReader.FILE_FIELD.equals(part.getFieldName())) {
                    continue;
                }
                D details = check.apply(fields);
                if (part.getName() == null || part.getName().isBlank()) {
                    throw new UploadRejected(UploadRejected.Reason.MISSING, "Select the file");
                }
                try (InputStream content = part.getInputStream()) {
                    return storeFile.apply(details, new IncomingDocument(part.getName(), content));
                }
            }
        } catch (FileUploadException e) {
            throw InvalidInput.of(ReportUploadReader.FILE_FIELD, "The upload could not be read as multipart/form-data");
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        }
        D details = check.apply(fields);
        String uploadId = fields.get(ReportUploadReader.UPLOAD_FIELD);
        if (uploadId != null && !uploadId.isBlank()) {
            return storeUpload.apply(details, uploadId.strip());
        }
        throw new UploadRejected(UploadRejected.Reason.MISSING, "Select the file");
    }

    private static String field(FileItemInput part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] value = in.readNBytes(ReportUploadReader.MAX_FIELD_BYTES + 1);
            if (value.length > ReportUploadReader.MAX_FIELD_BYTES) {
                throw InvalidInput.of(part.getFieldName(), "The field " + part.getFieldName() + " is too long");
            }
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
