package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * The records of one retention category with the moment each one's period counts from (a persistence port, one
 * adapter per category): what {@link AgedRecordSweep} lists and removes.
 */
@PersistencePort
public interface AgedRecords {

    /**
     * One record: its id, a description safe to show an administrator (never content or names), the moment its
     * period counts from, and whether it is its organisation's only active administrator account (accounts only).
     */
    record Aged(String id, String description, Instant since, boolean lastActiveAdministrator) {
        public Aged(String id, String description, Instant since) {
            this(id, description, since, false);
        }
    }

    RetentionCategory category();

    /** What a candidate of this category is, e.g. {@code SHARE_DRAFT}. */
    String kind();

    List<Aged> all();

    Optional<Aged> find(String id);

    /**
     * Removes the record (deactivates, for accounts) if it is still there and still counts from {@code since}.
     *
     * @return whether it was removed now (false: gone already, changed since, or the last active administrator)
     */
    boolean remove(String id, Instant since);
}
