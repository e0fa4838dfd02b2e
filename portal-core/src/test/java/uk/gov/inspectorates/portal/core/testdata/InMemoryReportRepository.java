package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;

public final class InMemoryReportRepository implements ReportRepository {

    private final List<Report> reports = new ArrayList<>();
    private RuntimeException failOnAdd;

    /** Makes every later {@link #add} throw, as a database would on a failed insert. */
    public void failOnAdd(RuntimeException failure) {
        this.failOnAdd = failure;
    }

    @Override
    public void add(Report report) {
        if (failOnAdd != null) {
            throw failOnAdd;
        }
        reports.add(0, report);
    }

    @Override
    public Optional<Report> find(String id) {
        return reports.stream().filter(report -> report.id().equals(id)).findFirst();
    }

    @Override
    public boolean delete(String id) {
        return reports.removeIf(report -> report.id().equals(id));
    }

    @Override
    public List<Report> all() {
        return List.copyOf(reports);
    }
}
