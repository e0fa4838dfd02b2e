package uk.gov.inspectorates.portal.core.report;

import java.util.Comparator;
import java.util.List;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * JTAI Annex D, "Requests to withhold or withdraw publication", applied to every shared report (a JTAI findings
 * letter is issued as one): the originator seeks the views of the lead inspectors of all the other parties before
 * deciding, and tells them the decision (docs/adr/0026). The other parties are the report's addressees: a report is
 * always addressed to at least one inspectorate other than its originator, and for a findings letter they are the
 * other participating inspectorates. A party that gives no view in time is recorded as such ("no view given by"),
 * which is how the framework's very urgent case (a decision within hours) is met without a silent unilateral one.
 */
public final class AnnexDConsultation {

    /** No decision until every other party's view, or that it gave none by a time, is recorded (409). */
    public static final String VIEWS_BEFORE_DECISION = "report.withhold.views-before-decision";
    /** A view is recorded for one of the other parties only (422 on the inspectorate). */
    public static final String VIEW_OF_OTHER_PARTY = "report.withhold.view-of-other-party";
    /** One view per party and request: a second is refused (409), the first stands. */
    public static final String ONE_VIEW_PER_PARTY = "report.withhold.one-view-per-party";
    /** Views are sought before the decision: none is recorded on a decided request (409). */
    public static final String NO_VIEW_AFTER_DECISION = "report.withhold.no-view-after-decision";
    /** When the decision is recorded the other parties are told (an e-mail notice to their reader lists). */
    public static final String DECISION_TOLD_TO_OTHER_PARTIES = "report.withhold.decision-told-to-other-parties";

    private AnnexDConsultation() {
    }

    /** The parties whose lead inspectors' views are sought, in a stable order. */
    public static List<Inspectorate> otherParties(Report report) {
        return report.addressees().stream().filter(party -> party != report.originator())
                .sorted(Comparator.naturalOrder()).toList();
    }

    /** The other parties with no view (or "no view given") recorded on the request yet. */
    public static List<Inspectorate> missingViews(Report report, WithholdRequest request) {
        return otherParties(report).stream().filter(party -> request.viewOf(party).isEmpty()).toList();
    }

    /** "CQC and HMIC": the parties' codes joined for a message. */
    static String named(List<Inspectorate> parties) {
        List<String> names = parties.stream().map(Inspectorate::name).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
