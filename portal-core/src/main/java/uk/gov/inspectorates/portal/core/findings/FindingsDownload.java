package uk.gov.inspectorates.portal.core.findings;

import java.io.InputStream;

/** A findings letter document's original bytes, decrypted as they stream, with the download's id. */
public record FindingsDownload(FindingsDocument document, String downloadId, InputStream content, long length) {
}
