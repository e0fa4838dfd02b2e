package uk.gov.inspectorates.portal.core.letter;

import uk.gov.inspectorates.portal.core.report.StampedCopy;

/**
 * A stamped copy of a letter made for one reader under a download id kept in the audit trail; never the original.
 * Whoever serves it writes it ({@link StampedCopy#writeTo}) and closes it.
 */
public record LetterDownload(Letter letter, String downloadId, StampedCopy content) {
}
