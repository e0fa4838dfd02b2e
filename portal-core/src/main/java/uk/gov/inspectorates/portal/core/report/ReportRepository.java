package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

@PersistencePort
public interface ReportRepository {

    void add(Report report);

    Optional<Report> find(String id);

    /**
     * Records (or re-schedules) the report's publication, unless it was withdrawn or its publication has already
     * been reached at {@code now}: false then, and nothing changes.
     */
    boolean recordPublication(String id, Publication publication, Instant now);

    /** Withdraws the report, unless it was withdrawn already: false then. */
    boolean recordWithdrawal(String id, Withdrawal withdrawal, Instant now);

    /** Takes back a publication scheduled after {@code now}; false if there was none. */
    boolean cancelScheduledPublication(String id, Instant now);

    /** Deletes the report's rows (its content must already be removed); false if there was no such report. */
    boolean delete(String id);

    /** Newest first. */
    List<Report> all();
}
