package uk.gov.inspectorates.portal.core.report;

import java.net.URI;

/** A published report: the pre-publication copy is not served; the reader goes to the published version. */
public record PublishedVersion(Report report, URI publishedUrl) implements ReportContent {
}
