package uk.gov.inspectorates.portal.core.report;

import java.util.List;
import java.util.Optional;

public interface ReportRepository {

    void add(Report report);

    Optional<Report> find(String id);

    /** Deletes the report's rows (its content must already be removed); false if there was no such report. */
    boolean delete(String id);

    /** Newest first. */
    List<Report> all();
}
