package uk.gov.inspectorates.portal.core.report;

import java.util.List;
import java.util.Optional;

public interface ReportRepository {

    void add(Report report);

    Optional<Report> find(String id);

    /** Newest first. */
    List<Report> all();
}
