package uk.gov.inspectorates.portal.core.removal;

/**
 * The steps of a removal, in the order they are taken (docs/adr/0030). A removal records each step it completes, so a
 * rerun after a failure or a kill -9 carries on from the step after the last one recorded.
 */
public enum RemovalStep {
    /** The removal is recorded; nothing is removed yet (a legal hold placed now still stops it). */
    STARTED,
    /** The scope's key-encryption key is destroyed: from here on every object of the scope is unreadable. */
    KEK_DESTROYED,
    /** Every object of the scope is deleted from the object store. */
    OBJECTS_DELETED,
    /** Every row that referred to the target is deleted (a published report keeps its row: ADR 0030). */
    ROWS_DELETED,
    /** The removal certificate is signed and stored (inspections only). */
    CERTIFIED;

    public boolean reached(RemovalStep step) {
        return compareTo(step) >= 0;
    }
}
