package uk.gov.inspectorates.portal.core.inspection;

import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The CRC-32 of each evidence document as learnt the first time an export streams it whole (a persistence port): a
 * resumed export writes the ZIP's central directory without reading again the documents it skips.
 */
@PersistencePort
public interface ExportChecksums {

    /** The CRC-32 learnt of the document, or null. */
    Long crc32Of(String documentId);

    /** Keeps the first CRC-32 learnt of the document (a document that no longer exists is ignored). */
    void remember(String documentId, long crc32);
}
