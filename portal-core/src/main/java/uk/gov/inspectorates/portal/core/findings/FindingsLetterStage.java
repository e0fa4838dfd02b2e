package uk.gov.inspectorates.portal.core.findings;

/** Where a findings letter is in the JTAI timeline from day 14 to day 41. */
public enum FindingsLetterStage {
    /** No draft uploaded yet (the lead inspector consolidates the findings: days 14-16). */
    NOT_STARTED("No draft yet"),
    /** A draft awaits the other inspectorates' sign-off (days 16-21). */
    AWAITING_SIGN_OFF("Draft awaiting sign-off"),
    /** Every other inspectorate signed the draft off: Ofsted sends it to the DCS (day 24). */
    SIGNED_OFF("Draft signed off"),
    /** With the DCS for the single factual accuracy check (days 24-33). */
    WITH_DCS("With the DCS for the factual accuracy check"),
    /** The partnership's comments are in (or their time ran out): the lead inspector revises the letter (day 34). */
    AWAITING_REVISION("Awaiting the revised letter"),
    /** The revised letter awaits the inspectorates' agreement (by day 37). */
    AWAITING_AGREEMENT("Revised letter awaiting agreement"),
    /** Agreed by every inspectorate: Ofsted issues it (day 41). */
    AGREED("Agreed"),
    /** Issued as the pre-publication findings letter, under embargo until publication (days 41-43). */
    ISSUED("Issued");

    private final String title;

    FindingsLetterStage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
