package uk.gov.inspectorates.portal.core.report;

import java.io.InputStream;

/**
 * The content of a report as served to one reader, under a download id kept in the audit trail. {@code length} is
 * that of the content served (a stamped copy is longer than the stored original).
 */
public record ReportDownload(Report report, String downloadId, InputStream content, long length) implements ReportContent {
}
