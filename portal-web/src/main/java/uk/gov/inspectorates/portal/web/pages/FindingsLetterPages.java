package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.findings.FindingsDocument;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterIssuing;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterReading;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterService;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterTarget;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterView;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterView.Step;
import uk.gov.inspectorates.portal.core.findings.SignOff;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.session.PortalSession;
import uk.gov.inspectorates.portal.web.upload.StreamedMultipart;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * The findings letter section of an inspection's page (docs/adr/0025): its stage, due dates, documents and sign-offs,
 * and the form for each step the person may take now; and those forms' posts to
 * {@code /inspections/{id}/findings-letter/{step}}. Nothing for someone who may not see the letter.
 */
@ApplicationScoped
public class FindingsLetterPages {

    static final String TIER = "classificationTier";

    @Inject
    FindingsLetterService letters;

    @Inject
    UploadPlaces places;

    @Inject
    FindingsLetterReading reading;

    @Inject
    FindingsLetterIssuing issuing;

    /** The section's model, or null when the person may not see the letter (agency staff before the check). */
    Map<String, Object> section(Subject subject, String inspectionId) {
        FindingsLetterView view;
        try {
            view = reading.view(subject, inspectionId);
        } catch (NotFound | AccessDenied hidden) {
            return null;
        }
        Map<String, Object> section = new HashMap<>();
        section.put("stage", view.stage().title());
        section.put("stageCode", view.stage().name());
        var due = view.dueDates();
        section.put("signOffDue", ReferralPages.when(due.signOffDue()));
        section.put("sendToDcsDue", ReferralPages.when(due.sendToDcsDue()));
        section.put("commentsDue", ReferralPages.when(due.commentsDue()));
        section.put("agreementDue", ReferralPages.when(due.agreementDue()));
        section.put("issueOn", InspectionPages.DAY.format(due.issueOn()));
        section.put("publicationOn", InspectionPages.DAY.format(due.publicationOn()));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (FindingsDocument document : view.documents()) {
            documents.add(Map.of("what", document.kind() == FindingsDocument.Kind.COMMENTS
                            ? "The partnership's factual accuracy comments" : "Version " + document.version(),
                    "name", document.document().fileName(),
                    "size", ReportPages.humanSize(document.size()),
                    "classification", document.classification().marking(),
                    "uploaded", (document.uploadedByName() == null ? "" : document.uploadedByName() + ", ")
                            + ReferralPages.when(document.uploadedAt()),
                    "link", "/api/v1/inspections/" + inspectionId + "/findings-letter/documents/" + document.id()
                            + "/content"));
        }
        section.put("documents", documents);
        section.put("hasDocuments", !documents.isEmpty());
        List<Map<String, Object>> signOffs = new ArrayList<>();
        for (SignOff signOff : view.signOffs()) {
            signOffs.add(Map.of("version", signOff.version(), "inspectorate", signOff.inspectorate().title(),
                    "by", signOff.signedByName(), "at", ReferralPages.when(signOff.signedAt())));
        }
        section.put("signOffs", signOffs);
        section.put("hasSignOffs", !signOffs.isEmpty());
        section.put("awaiting", view.awaitingSignOff().stream().sorted().map(i -> i.title()).toList());
        section.put("hasAwaiting", !view.awaitingSignOff().isEmpty() && view.letter().latest().isPresent());
        view.letter().check().ifPresent(check -> section.put("check", Map.of(
                "sentAt", ReferralPages.when(check.sentAt()), "dueAt", ReferralPages.when(check.dueAt()),
                "version", check.version())));
        view.letter().issued().ifPresent(issue -> section.put("issuedReport", "/reports/" + issue.reportId()));
        section.put("latestVersion", view.letter().latest().map(FindingsDocument::version).orElse(0));
        section.put("hasVersion", view.letter().latest().isPresent());
        section.put("mayUploadVersion", view.mayTake().contains(Step.UPLOAD_VERSION));
        section.put("maySignOff", view.mayTake().contains(Step.SIGN_OFF));
        boolean maySend = view.mayTake().contains(Step.SEND_TO_DCS);
        section.put("maySend", maySend);
        if (maySend) {
            List<Map<String, Object>> candidates = reading.dcsCandidates(subject, inspectionId).stream()
                    .map(user -> Map.<String, Object>of("id", user.id(), "name", user.displayName())).toList();
            // a choice only where the children's services have more than one chief officer
            section.put("dcsChoices", candidates.size() > 1 ? candidates : List.of());
            section.put("chooseDcs", candidates.size() > 1);
        }
        section.put("mayComment", view.mayTake().contains(Step.UPLOAD_COMMENTS));
        boolean mayIssue = view.mayTake().contains(Step.ISSUE);
        section.put("mayIssue", mayIssue);
        if (mayIssue) {
            section.put("chairs", issuing.chairCandidates(subject, inspectionId).stream()
                    .map(user -> Map.of("id", user.id(), "name", user.displayName())).toList());
        }
        section.put("maxSize", ReportPages.humanSize(letters.maxUploadBytes()));
        return section;
    }

    /** Takes one step from a form; answers the page to go to, or throws the refusal for the page to show. */
    String take(HttpServletRequest request, Subject subject, String inspectionId, String step) {
        String back = "/inspections/" + inspectionId + "#findings-letter";
        switch (step) {
            case "version", "comments" -> upload(request, subject, inspectionId, step.equals("comments"));
            case "sign-off" -> letters.signOff(subject, inspectionId, version(request.getParameter("version")));
            case "accuracy-check" -> letters.sendForAccuracyCheck(subject, inspectionId, request.getParameter("dcs"));
            case "issue" -> {
                return "/reports/" + issuing.issue(subject, inspectionId, request.getParameter("chair")).id();
            }
            default -> throw new NotFound("page");
        }
        return back;
    }

    private void upload(HttpServletRequest request, Subject subject, String inspectionId, boolean comments) {
        new StreamedMultipart<FindingsLetterTarget, FindingsDocument>(comments ? "the comments" : "the letter",
                fields -> {
                    // a multipart form carries its CSRF token among its fields, before the file
                    if (!PortalSession.csrfTokenMatches(request, fields.get(PortalSession.CSRF_FIELD))) {
                        throw new AccessDenied("session.csrf-token-required");
                    }
                    try {
                        return comments
                                ? letters.checkComments(subject, inspectionId, fields.get(TIER),
                                        fields.get("classificationDescriptor"))
                                : letters.checkVersion(subject, inspectionId, fields.get(TIER),
                                        fields.get("classificationDescriptor"));
                    } catch (InvalidInput invalid) {
                        throw new InvalidInput(invalid.errors().stream()
                                .map(error -> new uk.gov.inspectorates.portal.core.shared.FieldError(
                                        error.field().startsWith("classification") ? TIER : error.field(),
                                        error.message())).toList());
                    }
                },
                (target, file) -> places.holding(subject, request, () -> letters.upload(subject, target, file)),
                (target, uploadId) -> {
                    throw InvalidInput.of("file", "Choose the file to upload");
                })
                .read(request);
    }

    private static Integer version(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(given.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("version", "The version signed off must be a number");
        }
    }
}
