package uk.gov.inspectorates.portal.core.inspection;

/**
 * The information JTAI Annex A asks local agencies for, as a checklist for a request, each with the timeline's
 * milestone it is due by (JTAI timeline table, §19-24). Asking for anything else needs a recorded justification
 * (JTAI §17): it must be necessary for an accurate understanding of children's experiences and not already
 * available through Annex A.
 */
public enum AnnexAItem {
    LIST_OF_CHILDREN("List of the children in the deep-dive theme, by unique identifier, not name (JTAI §19)",
            "children-list"),
    SELECTED_CHILDREN_INFORMATION("Further information on the 20 children selected by the lead inspector (JTAI §21)",
            "twenty-details"),
    MULTI_AGENCY_MEETINGS_AND_REMAINING_LISTS(
            "Details of multi-agency meetings and the remaining lists of children and young people", "twenty-details"),
    KEY_CASE_FILE_DOCUMENTS("Key case file documents about the children whose experiences are evaluated (JTAI §24)",
            "key-documents"),
    REMAINING_ANNEX_A_INFORMATION("Any Annex A information for the deep-dive theme not yet provided", "key-documents"),
    JOINT_EVALUATIONS("Joint evaluation of each selected child's experiences (JTAI §22-24)", "joint-evaluations"),
    CONSENT_CONFIRMATIONS("Written confirmation whether children and their parents or carers consent to speak with"
            + " inspectors", "consent-confirmations");

    /** The milestone a request with no Annex A item ticked is due by: "any information from Annex A" (day 5). */
    public static final String DEFAULT_MILESTONE = "key-documents";

    private final String title;
    private final String milestone;

    AnnexAItem(String title, String milestone) {
        this.title = title;
        this.milestone = milestone;
    }

    public String title() {
        return title;
    }

    /** The key of the {@link JtaiTimeline} milestone it is due by. */
    public String milestone() {
        return milestone;
    }
}
