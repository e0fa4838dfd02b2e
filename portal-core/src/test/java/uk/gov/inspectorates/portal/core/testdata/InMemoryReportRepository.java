package uk.gov.inspectorates.portal.core.testdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.report.Publication;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.Withdrawal;

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
    public boolean recordPublication(String id, Publication publication, Instant now) {
        Optional<Report> report = find(id);
        if (report.isEmpty() || !report.get().underEmbargoAt(now)) {
            return false;
        }
        replace(report.get().published(publication));
        return true;
    }

    @Override
    public boolean recordWithdrawal(String id, Withdrawal withdrawal, Instant now) {
        Optional<Report> report = find(id);
        if (report.isEmpty() || report.get().withdrawal() != null) {
            return false;
        }
        replace(report.get().withdrawn(withdrawal));
        return true;
    }

    @Override
    public boolean cancelScheduledPublication(String id, Instant now) {
        Optional<Report> report = find(id);
        if (report.isEmpty() || report.get().embargoEndsAt(now).isEmpty()) {
            return false;
        }
        replace(report.get().published(null));
        return true;
    }

    private void replace(Report changed) {
        reports.replaceAll(report -> report.id().equals(changed.id()) ? changed : report);
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
