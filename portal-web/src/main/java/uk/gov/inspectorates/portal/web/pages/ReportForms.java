package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.AnnexDConsultation;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportStatus;
import uk.gov.inspectorates.portal.core.report.WithholdRequest;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/** What the report page's forms send and show: fields, UK times, status tags, and the rows of its two records. */
final class ReportForms {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma");
    private static final DateTimeFormatter ENTERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReportForms() {
    }

    /**
     * The posted form's fields without the CSRF token (already checked by the filter); a field sent more than once
     * (ticked boxes) has its values joined with commas, as the share form's multipart reader does.
     */
    static Map<String, String> fields(HttpServletRequest request) {
        Map<String, String> fields = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!PortalSession.CSRF_FIELD.equals(name) && values.length > 0) {
                fields.put(name, String.join(",", values));
            }
        });
        return fields;
    }

    /** A UK time entered as {@code YYYY-MM-DD HH:MM}; blank means now (null). */
    static OffsetDateTime time(String entered, String field) {
        if (entered == null || entered.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(entered.strip(), ENTERED).atZone(ReportPages.UK).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "Enter the date and time as YYYY-MM-DD HH:MM, for example 2026-12-14 09:30");
        }
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(ReportPages.UK));
    }

    static String statusLabel(ReportStatus status) {
        return switch (status) {
            case UNDER_EMBARGO -> "Under embargo";
            case PUBLISHED -> "Published";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    static String statusTag(ReportStatus status) {
        return switch (status) {
            case UNDER_EMBARGO -> "govuk-tag--orange";
            case PUBLISHED -> "govuk-tag--green";
            case WITHDRAWN -> "govuk-tag--red";
        };
    }

    static Map<String, Object> withholdRow(Report report, WithholdRequest request) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", request.id());
        row.put("kind", request.kind() == WithholdRequest.Kind.WITHHOLD ? "Withhold publication" : "Withdraw the report");
        row.put("applicant", request.applicant());
        row.put("exceptionalCircumstances", request.exceptionalCircumstances());
        row.put("complaintReference", request.complaintReference());
        row.put("receivedAt", when(request.receivedAt()));
        row.put("respondBy", when(request.respondBy()));
        WithholdRequest.Decision decision = request.decision();
        if (decision != null) {
            row.put("decision", Map.of("outcome", decision.outcome() == WithholdRequest.Outcome.GRANTED
                    ? "Granted" : "Refused", "reason", decision.reason(), "decidedAt", when(decision.decidedAt())));
        }
        // JTAI Annex D: the other parties' views before the decision (docs/adr/0026)
        row.put("views", request.views().stream().map(view -> Map.of(
                "party", view.party().title(),
                "leadInspector", view.leadInspector(),
                "view", view.noViewGiven() ? "No view given by " + when(view.at()) : view.view(),
                "at", view.noViewGiven() ? "" : when(view.at()))).toList());
        List<Inspectorate> missing = AnnexDConsultation.missingViews(report, request);
        row.put("hasViews", !request.views().isEmpty());
        row.put("viewsMissing", missing.stream().map(Inspectorate::title).collect(Collectors.joining(", ")));
        row.put("missingParties", missing.stream().map(party -> Map.of("code", party.name(), "title", party.title()))
                .toList());
        row.put("awaitingViews", !missing.isEmpty());
        return row;
    }

    static Map<String, Object> onwardSharingRow(OnwardSharing sharing) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", sharing.id());
        row.put("basis", switch (sharing.basis()) {
            case PUBLIC_DOMAIN -> "Public domain";
            case LEGAL_OBLIGATION -> "Legal obligation";
            case WRITTEN_CONSENT -> "Written consent of the originator";
        });
        row.put("recipient", sharing.recipient());
        row.put("evidence", sharing.evidence());
        row.put("requestingParty", sharing.requestingParty().title());
        row.put("requestedAt", when(sharing.requestedAt()));
        row.put("status", switch (sharing.status()) {
            case RECORDED -> "Recorded";
            case CONSENT_REQUESTED -> "Consent requested";
            case CONSENT_GRANTED -> "Consent given";
            case CONSENT_REFUSED -> "Consent refused";
        });
        row.put("awaitingConsent", sharing.status() == OnwardSharing.Status.CONSENT_REQUESTED);
        row.put("decisionNote", sharing.decisionNote());
        return row;
    }
}
