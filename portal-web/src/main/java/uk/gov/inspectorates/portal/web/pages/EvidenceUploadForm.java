package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.document.IncomingDocument;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocuments;
import uk.gov.inspectorates.portal.core.inspection.UploadTarget;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.session.PortalSession;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * The upload form of a request's page, read as a stream: the CSRF token and the classification come first and are
 * checked (with who may upload) before any file byte is read; then each file flows through intake on its own, so one
 * refused file (wrong type, a virus, a password) keeps nothing of itself and does not stop the others. With
 * JavaScript the files arrive beforehand as resumable uploads, and the form names their ids ({@code upload}).
 */
@ApplicationScoped
public class EvidenceUploadForm {

    static final String FILE = "file";
    static final String UPLOAD = "upload";
    static final String TIER = "classificationTier";
    private static final int MAX_FIELDS = 64;
    private static final int MAX_FIELD_BYTES = 4096;

    @Inject
    EvidenceDocuments documents;

    @Inject
    UploadPlaces places;

    /** What became of the form: the documents kept, each refusal (by file), the classification chosen. */
    record Outcome(List<EvidenceDocument> stored, List<FieldError> refusals, String tier, Problem problem) {
    }

    Outcome read(HttpServletRequest request, Subject subject, String inspectionId, String requestId) {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw InvalidInput.of(FILE, "Send the files as multipart/form-data");
        }
        Map<String, String> fields = new HashMap<>();
        List<String> uploadIds = new ArrayList<>();
        List<EvidenceDocument> stored = new ArrayList<>();
        List<FieldError> refusals = new ArrayList<>();
        Problem first = null;
        UploadTarget target = null;
        int count = 0;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    if (++count > MAX_FIELDS) {
                        throw InvalidInput.of(FILE, "Too many fields in the upload");
                    }
                    String value = field(part);
                    if (UPLOAD.equals(part.getFieldName())) {
                        if (!value.isBlank()) {
                            uploadIds.add(value.strip());
                        }
                    } else {
                        fields.put(part.getFieldName(), value);
                    }
                    continue;
                }
                if (!FILE.equals(part.getFieldName()) || part.getName() == null || part.getName().isBlank()) {
                    continue;
                }
                if (target == null) {
                    target = check(request, subject, inspectionId, requestId, fields);
                }
                UploadTarget checked = target;
                try {
                    stored.add(places.holding(subject, request, () -> {
                        try (InputStream content = part.getInputStream()) {
                            return documents.upload(subject, checked, new IncomingDocument(part.getName(), content));
                        }
                    }));
                } catch (Busy busy) {
                    // nothing more of the form is kept: the files not yet stored are to be sent again
                    Problem problem = Problems.from(busy);
                    refusals.add(new FieldError(FILE, part.getName() + " and any files after it were not kept: "
                            + problem.detail()));
                    Problem summary = Problems.from(new InvalidInput(refusals));
                    return new Outcome(stored, refusals, fields.get(TIER), problem.withErrors(summary.errors()));
                } catch (UploadRejected | InvalidInput refused) {
                    Problem problem = Problems.from(refused);
                    first = first == null ? problem : first;
                    refusals.add(new FieldError(FILE, part.getName() + ": " + message(problem)));
                }
            }
        } catch (FileUploadException e) {
            throw InvalidInput.of(FILE, "The upload could not be read as multipart/form-data");
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        } catch (InvalidInput invalid) {
            Problem problem = Problems.from(invalid);
            return new Outcome(stored, invalid.errors(), fields.get(TIER), problem);
        }
        if (!uploadIds.isEmpty()) {
            if (target == null) {
                try {
                    target = check(request, subject, inspectionId, requestId, fields);
                } catch (InvalidInput invalid) {
                    return new Outcome(stored, invalid.errors(), fields.get(TIER), Problems.from(invalid));
                }
            }
            for (String uploadId : uploadIds) {
                try {
                    stored.add(documents.uploaded(subject, target, uploadId));
                } catch (UploadRejected | InvalidInput refused) {
                    Problem problem = Problems.from(refused);
                    first = first == null ? problem : first;
                    refusals.add(new FieldError(FILE, message(problem)));
                }
            }
        }
        if (stored.isEmpty() && refusals.isEmpty()) {
            refusals.add(new FieldError(FILE, "Select at least one file"));
        }
        if (refusals.isEmpty()) {
            return new Outcome(stored, List.of(), fields.get(TIER), null);
        }
        Problem summary = Problems.from(new InvalidInput(refusals));
        return new Outcome(stored, refusals, fields.get(TIER), first == null ? summary
                : first.withErrors(summary.errors()));
    }

    /** The fields before the first file: the page's CSRF token, who may upload, the classification. */
    private UploadTarget check(HttpServletRequest request, Subject subject, String inspectionId, String requestId,
                               Map<String, String> fields) {
        if (!PortalSession.csrfTokenMatches(request, fields.get(PortalSession.CSRF_FIELD))) {
            throw new AccessDenied("session.csrf-token-required");
        }
        try {
            return documents.checkUpload(subject, inspectionId, requestId, fields.get(TIER),
                    fields.get("classificationDescriptor"));
        } catch (InvalidInput invalid) {
            throw new InvalidInput(invalid.errors().stream()
                    .map(error -> new FieldError(error.field().startsWith("classification") ? TIER : error.field(),
                            error.message())).toList());
        }
    }

    private static String message(Problem problem) {
        return problem.errors().isEmpty() ? problem.detail() : problem.errors().get(0).message();
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
