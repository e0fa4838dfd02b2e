package uk.gov.inspectorates.portal.core.letter;

import java.io.InputStream;

/** A stamped copy of a letter made for one reader under a download id kept in the audit trail; never the original. */
public record LetterDownload(Letter letter, String downloadId, InputStream content, long length) {
}
