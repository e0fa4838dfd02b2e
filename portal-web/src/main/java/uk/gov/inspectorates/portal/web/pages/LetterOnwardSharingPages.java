package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.letter.AdvanceLetterService;
import uk.gov.inspectorates.portal.core.letter.Letter;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharing;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharingService;
import uk.gov.inspectorates.portal.core.letter.LetterService;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * A letter's onward-sharing page (ISP ¶14, docs/adr/0027), reached through {@link LetterPages}: the sharing recorded
 * for the letter, the form a receiving party records it with, and the sender's answers to requests for written
 * consent. Plain form posts: no JavaScript needed. Paths {@code /reports/{id}/letters/{lid}/onward-sharing} and, for a
 * letter sent ahead of its report, {@code /reports/ahead/{lid}/onward-sharing}; {@code .../{sid}/consent} answers.
 */
@ApplicationScoped
public class LetterOnwardSharingPages {

    private static final Pattern PATH = Pattern.compile(
            "/(?:([0-9a-f]{32})/letters|ahead)/([0-9a-f]{32})/onward-sharing(?:/([0-9a-f]{32})/consent)?");
    private static final String FORM = "onward-sharing";

    @Inject
    LetterService letters;

    @Inject
    AdvanceLetterService advanceLetters;

    @Inject
    LetterOnwardSharingService onwardSharing;

    @Inject
    PageRenderer pages;

    static boolean handles(String path) {
        return PATH.matcher(path).matches();
    }

    void get(HttpServletRequest request, HttpServletResponse response, Subject subject, String path)
            throws IOException {
        Matcher matcher = matched(path);
        if (matcher.group(3) != null) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String notice = "recorded".equals(request.getParameter("done")) ? "Your onward sharing is recorded"
                : "consent".equals(request.getParameter("done")) ? "Your answer on written consent is recorded" : null;
        render(response, subject, matcher.group(1), matcher.group(2),
                PageModel.forRequest(request, "Onward sharing of a letter").with("notice", notice), Map.of(), 200);
    }

    void post(HttpServletRequest request, HttpServletResponse response, Subject subject, String path)
            throws IOException {
        Matcher matcher = matched(path);
        String reportId = matcher.group(1);
        String letterId = matcher.group(2);
        String sharingId = matcher.group(3);
        Map<String, String> given = ReportForms.fields(request);
        try {
            if (sharingId == null) {
                onwardSharing.request(subject, reportId, letterId, given.get("basis"), given.get("recipient"),
                        given.get("evidence"));
            } else {
                String granted = given.get("granted");
                onwardSharing.decideConsent(subject, reportId, letterId, sharingId,
                        granted == null ? null : Boolean.valueOf("true".equals(granted)), given.get("note"));
            }
            response.sendRedirect(request.getContextPath() + pagePath(reportId, letterId) + "?done="
                    + (sharingId == null ? "recorded" : "consent"));
        } catch (InvalidInput | Conflict invalid) {
            Problem problem = Problems.from(invalid);
            render(response, subject, reportId, letterId, PageModel.forRequest(request, "Onward sharing of a letter")
                    .errorsIn(FORM, problem), given, problem.status());
        }
    }

    private static Matcher matched(String path) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a letter's onward-sharing path: " + path);
        }
        return matcher;
    }

    private static String pagePath(String reportId, String letterId) {
        return (reportId == null ? "/reports/ahead/" : "/reports/" + reportId + "/letters/") + letterId
                + "/onward-sharing";
    }

    private void render(HttpServletResponse response, Subject subject, String reportId, String letterId,
                        PageModel model, Map<String, String> given, int status) throws IOException {
        Letter letter = reportId == null ? advanceLetters.viewAhead(subject, letterId)
                : letters.view(subject, reportId, letterId);
        boolean mayDecide = onwardSharing.mayDecideConsent(subject, letter);
        List<Map<String, Object>> rows = onwardSharing.ofLetter(subject, reportId, letterId).stream()
                .map(sharing -> row(sharing, mayDecide)).toList();
        pages.render(response, status, "letter-onward-sharing", model
                .with("formAction", pagePath(reportId, letterId))
                .with("backLink", reportId == null ? "/reports#ahead" : "/reports/" + reportId + "#letter-" + letterId)
                .with("letter", Map.of("kind", letter.advance() ? "Advance letter: risk of significant harm"
                                : "Covering letter", "marking", letter.classification().marking(),
                        "from", letter.originator().title(),
                        "addressedTo", letter.addressedTo().stream().sorted().map(Inspectorate::title)
                                .collect(Collectors.joining(", "))))
                .with("sharings", rows)
                .with("hasSharings", !rows.isEmpty())
                .with("canShareOnward", onwardSharing.mayShareOnward(subject, letter))
                .with("given", given)
                .asMap());
    }

    private static Map<String, Object> row(LetterOnwardSharing sharing, boolean mayDecide) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", sharing.id());
        row.put("basis", sharing.basis() == OnwardSharing.Basis.LEGAL_OBLIGATION ? "Legal obligation"
                : "Written consent of the sender");
        row.put("recipient", sharing.recipient());
        row.put("evidence", sharing.evidence());
        row.put("requestingParty", sharing.requestingParty().title());
        row.put("requestedAt", ReportForms.when(sharing.requestedAt()));
        row.put("status", switch (sharing.status()) {
            case RECORDED -> "Recorded";
            case CONSENT_REQUESTED -> "Consent requested";
            case CONSENT_GRANTED -> "Consent given";
            case CONSENT_REFUSED -> "Consent refused";
        });
        row.put("decisionNote", sharing.decisionNote());
        row.put("canDecide", mayDecide && sharing.status() == OnwardSharing.Status.CONSENT_REQUESTED);
        return row;
    }
}
