package uk.gov.inspectorates.portal.core.letter;

/** The two letters of the protocol (ISP "Sharing inspection reports"). */
public enum LetterKind {
    /** From the Chief Inspector to counterparts, highlighting systemic concerns; normally sent with the report. */
    COVERING,
    /**
     * Where children, young people or vulnerable adults are or may be at risk of significant harm: may go ahead of
     * the report, with extracts of the evidence, after the service provider concerned has been notified.
     */
    ADVANCE_RISK_OF_HARM
}
