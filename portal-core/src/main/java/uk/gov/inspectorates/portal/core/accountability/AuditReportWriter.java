package uk.gov.inspectorates.portal.core.accountability;

import java.io.IOException;
import java.io.OutputStream;

/** Lays out a SIRO's report of the trail as a document (a port: the PDF library lives in an adapter). */
public interface AuditReportWriter {

    /** The media type of what {@link #write} writes, e.g. application/pdf. */
    String mediaType();

    void write(AuditReport report, OutputStream out) throws IOException;
}
