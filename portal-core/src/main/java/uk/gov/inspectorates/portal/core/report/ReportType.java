package uk.gov.inspectorates.portal.core.report;

import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** One of the inspection report types that the protocol's Annex B says are shared at the pre-publication stage. */
public record ReportType(String code, Inspectorate inspectorate, String title) {
}
