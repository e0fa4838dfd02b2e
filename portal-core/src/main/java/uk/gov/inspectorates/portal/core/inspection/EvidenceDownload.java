package uk.gov.inspectorates.portal.core.inspection;

import java.io.InputStream;

/**
 * The original bytes of an evidence document, decrypted segment by segment as they are read (never stamped, never
 * held whole), under a download id kept in the audit trail.
 */
public record EvidenceDownload(EvidenceDocument document, String downloadId, InputStream content, long length) {
}
