package uk.gov.inspectorates.portal.core.report;

import java.io.InputStream;

/** The content of a report as served to one reader, under a download id kept in the audit trail. */
public record ReportDownload(Report report, String downloadId, InputStream content) {
}
