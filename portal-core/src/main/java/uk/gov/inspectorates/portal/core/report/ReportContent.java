package uk.gov.inspectorates.portal.core.report;

/**
 * What asking for a report's content gives: its bytes (a stamped copy while under embargo), or, once it is
 * published, only where the published version is.
 */
public sealed interface ReportContent permits ReportDownload, PublishedVersion {

    Report report();
}
