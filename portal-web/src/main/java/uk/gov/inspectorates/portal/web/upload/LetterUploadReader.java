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
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.letter.AdvanceLetterService;
import uk.gov.inspectorates.portal.core.letter.Letter;
import uk.gov.inspectorates.portal.core.letter.LetterDetails;
import uk.gov.inspectorates.portal.core.letter.LetterDraft;
import uk.gov.inspectorates.portal.core.letter.LetterService;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * Reads a multipart letter upload as a stream, as {@link ReportUploadReader} does a report's: the fields before the
 * file are checked first (who may add, the details), then the file's bytes flow through intake into encrypted
 * storage. Nothing is spooled to disk. Field values may repeat (a form's addressee checkboxes): repeated values are
 * joined with commas.
 */
public final class LetterUploadReader {

    static final int MAX_FIELD_BYTES = ReportUploadReader.MAX_FIELD_BYTES;
    static final int MAX_FIELDS = ReportUploadReader.MAX_FIELDS;

    private LetterUploadReader() {
    }

    /** A letter of the report. */
    public static Letter read(LetterService letters, UploadPlaces places, HttpServletRequest request, Subject subject,
                              String reportId, ReportUploadReader.FieldsCheck fieldsCheck,
                              Function<Map<String, String>, LetterDraft> draftOf) {
        return read(places, subject, request, fieldsCheck,
                fields -> letters.checkAdd(subject, reportId, draftOf.apply(fields)),
                (details, file) -> letters.add(subject, reportId, details, file));
    }

    /** An advance letter sent ahead of its report. */
    public static Letter readAhead(AdvanceLetterService advanceLetters, UploadPlaces places,
                                   HttpServletRequest request, Subject subject,
                                   ReportUploadReader.FieldsCheck fieldsCheck,
                                   Function<Map<String, String>, LetterDraft> draftOf) {
        return read(places, subject, request, fieldsCheck,
                fields -> advanceLetters.checkSendAhead(subject, draftOf.apply(fields)),
                (details, file) -> advanceLetters.sendAhead(subject, details, file));
    }

    private static Letter read(UploadPlaces places, Subject subject, HttpServletRequest request,
                               ReportUploadReader.FieldsCheck fieldsCheck,
                        Function<Map<String, String>, LetterDetails> check,
                        BiFunction<LetterDetails, IncomingDocument, Letter> store) {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw InvalidInput.of(ReportUploadReader.FILE_FIELD,
                    "Send the letter as multipart/form-data with its details and file");
        }
        Map<String, String> fields = new HashMap<>();
        int count = 0;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    if (++count > MAX_FIELDS) {
                        throw InvalidInput.of(part.getFieldName(), "Too many fields in the upload");
                    }
                    String value = field(part);
                    fields.merge(part.getFieldName(), value, (a, b) -> a + "," + b);
                    continue;
                }
                if (!ReportUploadReader.FILE_FIELD.equals(part.getFieldName())) {
                    continue;
                }
                fieldsCheck.check(fields);
                LetterDetails details = check.apply(fields);
                String declaredName = UploadedFileNames.declared(part);
                if (declaredName == null || declaredName.isBlank()) {
                    throw new UploadRejected(UploadRejected.Reason.MISSING, "Select the letter file");
                }
                return places.holding(subject, request, () -> {
                    try (InputStream content = part.getInputStream()) {
                        return store.apply(details, new IncomingDocument(declaredName, content));
                    }
                });
            }
        } catch (FileUploadException e) {
            throw InvalidInput.of(ReportUploadReader.FILE_FIELD, "The upload could not be read as multipart/form-data");
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        }
        fieldsCheck.check(fields);
        check.apply(fields);
        throw new UploadRejected(UploadRejected.Reason.MISSING, "Select the letter file");
    }

    private static String field(FileItemInput part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (value.length > MAX_FIELD_BYTES) {
                throw InvalidInput.of(part.getFieldName(), "The field " + part.getFieldName() + " is too long");
            }
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
