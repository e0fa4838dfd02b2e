package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.letter.AdvanceLetterService;
import uk.gov.inspectorates.portal.core.letter.Letter;
import uk.gov.inspectorates.portal.core.letter.LetterDraft;
import uk.gov.inspectorates.portal.core.letter.LetterKind;
import uk.gov.inspectorates.portal.core.letter.LetterService;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportStatus;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;
import uk.gov.inspectorates.portal.web.session.PortalSession;
import uk.gov.inspectorates.portal.web.upload.LetterUploadReader;
import uk.gov.inspectorates.portal.web.upload.ReportUploadReader;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * The letter pages under a report (docs/adr/0015), reached through {@link ReportPages}: the form to add a covering
 * or advance letter ({@code /reports/{id}/letters/new}, a plain multipart form: no JavaScript needed), its post
 * ({@code /reports/{id}/letters}), a letter's stamped download ({@code /reports/{id}/letters/{lid}/content}), and
 * the "Letters" section of the report's page.
 */
@ApplicationScoped
public class LetterPages {

    private static final Pattern PATH = Pattern.compile("/([0-9a-f]{32})/letters(?:/(new|[0-9a-f]{32}/content))?");
    /** Advance letters sent ahead of their report: the form, its post and a letter's stamped download. */
    private static final Pattern AHEAD = Pattern.compile("/ahead(?:/(new|([0-9a-f]{32})/content))?");

    @Inject
    UploadPlaces places;

    @Inject
    LetterService letters;

    @Inject
    AdvanceLetterService advanceLetters;

    /** A letter's onward-sharing page (docs/adr/0027). */
    @Inject
    LetterOnwardSharingPages onwardSharingPages;

    @Inject
    Clock clock;

    @Inject
    PageRenderer pages;

    /** Whether the path is one of the letter pages. */
    static boolean handles(String path) {
        return PATH.matcher(path).matches() || AHEAD.matcher(path).matches()
                || LetterOnwardSharingPages.handles(path);
    }

    void get(HttpServletRequest request, HttpServletResponse response, Subject subject, String path)
            throws IOException {
        if (LetterOnwardSharingPages.handles(path)) {
            onwardSharingPages.get(request, response, subject, path);
            return;
        }
        Matcher ahead = AHEAD.matcher(path);
        if (ahead.matches()) {
            if (ahead.group(1) == null) {
                throw new NotFound("page");
            }
            if (ahead.group(2) != null) {
                DocumentResponses.attachment(advanceLetters.downloadAhead(subject, ahead.group(2)), response);
                return;
            }
            advanceLetters.checkMaySendAhead(subject);
            aheadForm(response, subject, model(request, subject, "Send an advance letter"), Map.of(), 200);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches() || matcher.group(2) == null) {
            throw new NotFound("page");
        }
        String reportId = matcher.group(1);
        if (matcher.group(2).equals("new")) {
            Report report = letters.reportForNewLetter(subject, reportId);
            form(request, response, subject, report, model(request, subject, "Add a letter"), Map.of(), 200);
            return;
        }
        String letterId = matcher.group(2).substring(0, 32);
        DocumentResponses.attachment(letters.download(subject, reportId, letterId), response);
    }

    void post(HttpServletRequest request, HttpServletResponse response, Subject subject, String path)
            throws IOException {
        if (LetterOnwardSharingPages.handles(path)) {
            try {
                onwardSharingPages.post(request, response, subject, path);
            } catch (RuntimeException failure) {
                pages.problem(response, Problems.from(failure), model(request, subject, "There is a problem"));
            }
            return;
        }
        if (path.equals("/ahead")) {
            postAhead(request, response, subject);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches() || matcher.group(2) != null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String reportId = matcher.group(1);
        Map<String, String> given = new HashMap<>();
        try {
            Letter letter = LetterUploadReader.read(letters, places, request, subject, reportId, fields -> {
                given.putAll(fields);
                if (!PortalSession.csrfTokenMatches(request, fields.get(PortalSession.CSRF_FIELD))) {
                    throw new AccessDenied(Problems.CSRF_RULE);
                }
            }, LetterPages::draftOf);
            response.sendRedirect(request.getContextPath() + "/reports/" + reportId + "?letter=" + letter.id()
                    + "#letters");
        } catch (InvalidInput | UploadRejected invalid) {
            Problem problem = Problems.from(invalid);
            form(request, response, subject, letters.reportForNewLetter(subject, reportId),
                    model(request, subject, "Add a letter").errors(problem), given, problem.status());
        } catch (Busy busy) {
            Problem problem = UploadPlaces.onForm(busy, ReportUploadReader.FILE_FIELD, response);
            form(request, response, subject, letters.reportForNewLetter(subject, reportId),
                    model(request, subject, "Add a letter").errors(problem), given, problem.status());
        } catch (RuntimeException failure) {
            pages.problem(response, Problems.from(failure), model(request, subject, "There is a problem"));
        }
    }

    private void postAhead(HttpServletRequest request, HttpServletResponse response, Subject subject)
            throws IOException {
        Map<String, String> given = new HashMap<>();
        try {
            Letter letter = LetterUploadReader.readAhead(advanceLetters, places, request, subject, fields -> {
                given.putAll(fields);
                if (!PortalSession.csrfTokenMatches(request, fields.get(PortalSession.CSRF_FIELD))) {
                    throw new AccessDenied(Problems.CSRF_RULE);
                }
            }, LetterPages::draftOf);
            response.sendRedirect(request.getContextPath() + "/reports?ahead=" + letter.id() + "#ahead");
        } catch (InvalidInput | UploadRejected invalid) {
            Problem problem = Problems.from(invalid);
            aheadForm(response, subject, model(request, subject, "Send an advance letter").errors(problem), given,
                    problem.status());
        } catch (Busy busy) {
            Problem problem = UploadPlaces.onForm(busy, ReportUploadReader.FILE_FIELD, response);
            aheadForm(response, subject, model(request, subject, "Send an advance letter").errors(problem), given,
                    problem.status());
        } catch (RuntimeException failure) {
            pages.problem(response, Problems.from(failure), model(request, subject, "There is a problem"));
        }
    }

    /** The reports list's section of advance letters sent ahead of their report that the subject may see. */
    Map<String, Object> aheadSection(HttpServletRequest request, Subject subject) {
        List<Map<String, Object>> rows = advanceLetters.aheadOfReports(subject).stream().map(letter -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", letter.id());
            row.put("from", letter.originator().title());
            row.put("marking", letter.classification().marking());
            row.put("handlingInstructions", letter.handlingInstructions());
            row.put("riskSummary", letter.riskSummary());
            row.put("addressedTo", letter.addressedTo().stream().sorted().map(Inspectorate::title)
                    .collect(Collectors.joining(", ")));
            row.put("addedAt", ReportForms.when(letter.addedAt()));
            row.put("fileName", letter.document().fileName());
            row.put("fileSize", ReportPages.humanSize(letter.document().content().plaintextBytes()));
            return row;
        }).toList();
        boolean canSend = advanceLetters.maySendAhead(subject);
        if (rows.isEmpty() && !canSend) {
            return null;
        }
        Map<String, Object> section = new HashMap<>();
        section.put("letters", rows);
        section.put("hasLetters", !rows.isEmpty());
        section.put("canSend", canSend);
        section.put("sent", rows.stream().anyMatch(row -> row.get("id").equals(request.getParameter("ahead"))));
        return section;
    }

    /** The report page's "Letters" section: the letters the subject may see, an advance letter flagged first. */
    Map<String, Object> section(HttpServletRequest request, Subject subject, Report report) {
        List<Map<String, Object>> rows = letters.ofReport(subject, report.id()).stream()
                .sorted((a, b) -> Boolean.compare(b.advance(), a.advance()))
                .map(letter -> row(report, letter, report.statusAt(clock.instant()) != ReportStatus.WITHDRAWN))
                .toList();
        Map<String, Object> section = new HashMap<>();
        section.put("reportId", report.id());
        section.put("letters", rows);
        section.put("hasLetters", !rows.isEmpty());
        section.put("hasAdvance", rows.stream().anyMatch(row -> Boolean.TRUE.equals(row.get("advance"))));
        section.put("canAdd", letters.mayAddLetters(subject, report));
        section.put("added", rows.stream().anyMatch(row -> row.get("id").equals(request.getParameter("letter"))));
        return section;
    }

    /** Of the listed reports, those with an advance letter the subject may see. */
    Set<String> withAdvanceLetters(Subject subject, List<Report> visible) {
        return letters.withAdvanceLetters(subject, visible);
    }

    private static Map<String, Object> row(Report report, Letter letter, boolean downloadable) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", letter.id());
        row.put("reportId", report.id());
        row.put("advance", letter.advance());
        row.put("kind", letter.advance() ? "Advance letter: risk of significant harm" : "Covering letter");
        row.put("marking", letter.classification().marking());
        row.put("handlingInstructions", letter.handlingInstructions());
        row.put("riskSummary", letter.riskSummary());
        row.put("serviceProviderNotifiedFirst", letter.serviceProviderNotifiedFirst());
        row.put("addressedTo", letter.addressedTo().stream().sorted().map(Inspectorate::title)
                .collect(Collectors.joining(", ")));
        row.put("addedAt", ReportForms.when(letter.addedAt()));
        row.put("fileName", letter.document().fileName());
        row.put("fileSize", ReportPages.humanSize(letter.document().content().plaintextBytes()));
        row.put("downloadable", downloadable);
        return row;
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Subject subject, Report report,
                      PageModel model, Map<String, String> given, int status) throws IOException {
        String kind = given.getOrDefault("kind", "");
        model.with("formAction", "/reports/" + report.id() + "/letters")
                .with("backLink", "/reports/" + report.id())
                .with("caption", report.title())
                .with("kinds", List.of(
                        option(LetterKind.COVERING.name(), "Covering letter from the Chief Inspector", kind),
                        option(LetterKind.ADVANCE_RISK_OF_HARM.name(),
                                "Advance letter: children or vulnerable adults are or may be at risk of significant harm",
                                kind)));
        render(response, model, report.addressees().stream().sorted(), given, letters.maxUploadBytes(), status);
    }

    /** The same form for a letter sent ahead: an advance letter only, to any of the other parties. */
    private void aheadForm(HttpServletResponse response, Subject subject, PageModel model, Map<String, String> given,
                           int status) throws IOException {
        model.with("ahead", true)
                .with("formAction", "/reports/ahead")
                .with("backLink", "/reports")
                .with("caption", "Ahead of the report")
                .with("kinds", List.of(option(LetterKind.ADVANCE_RISK_OF_HARM.name(),
                        "Advance letter: children or vulnerable adults are or may be at risk of significant harm",
                        LetterKind.ADVANCE_RISK_OF_HARM.name())));
        render(response, model, Arrays.stream(Inspectorate.values())
                .filter(party -> subject.inspectorate().map(own -> own != party).orElse(true)), given,
                advanceLetters.maxUploadBytes(), status);
    }

    /** What both letter forms show the same way: the parties to choose, the tiers, what was given, the size limit. */
    private void render(HttpServletResponse response, PageModel model, Stream<Inspectorate> parties,
                        Map<String, String> given, long maxUploadBytes, int status) throws IOException {
        Set<String> chosen = Set.of(given.getOrDefault("addressedTo", "").split(","));
        String tier = given.getOrDefault("classificationTier", "");
        model.with("parties", parties
                        .map(party -> Map.of("value", party.name(), "label", party.title(),
                                "checked", chosen.contains(party.name())))
                        .toList())
                .with("tiers", List.of(Tier.OFFICIAL, Tier.OFFICIAL_SENSITIVE).stream()
                        .map(t -> option(t.name(), t.marking(), tier)).toList())
                .with("notifiedFirst", "true".equals(given.get("serviceProviderNotifiedFirst")))
                .with("given", given)
                .with("maxSize", ReportPages.humanSize(maxUploadBytes));
        pages.render(response, status, "letter-new", model.asMap());
    }

    private static Map<String, Object> option(String value, String label, String chosen) {
        return Map.of("value", value, "label", label, "checked", value.equals(chosen));
    }

    private static PageModel model(HttpServletRequest request, Subject subject, String title) {
        return PageModel.forRequest(request, title);
    }

    static LetterDraft draftOf(Map<String, String> fields) {
        String addressedTo = fields.get("addressedTo");
        List<String> parties = addressedTo == null || addressedTo.isBlank() ? null
                : Arrays.stream(addressedTo.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String notified = fields.get("serviceProviderNotifiedFirst");
        return new LetterDraft(fields.get("kind"), parties, fields.get("classificationTier"),
                fields.get("classificationDescriptor"), fields.get("handlingInstructions"),
                notified == null ? null : "true".equals(notified), fields.get("riskSummary"));
    }
}
