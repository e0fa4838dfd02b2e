package uk.gov.inspectorates.portal.core.report;

/**
 * The stamped copy of a report made for one reader, under a download id kept in the audit trail before a byte is
 * served. Whoever serves it writes it ({@link StampedCopy#writeTo}) and closes it.
 */
public record ReportDownload(Report report, String downloadId, StampedCopy content) implements ReportContent {
}
