package uk.gov.inspectorates.portal.web.api;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;

/** Deliberately wrong, for WebArchitectureTest only: an API class that reads reports without asking the policy. */
final class ReadsReportsBehindThePolicysBack {

    private final ReportRepository reports;

    ReadsReportsBehindThePolicysBack(ReportRepository reports) {
        this.reports = reports;
    }

    Optional<Report> view(String id) {
        return reports.find(id);
    }
}
