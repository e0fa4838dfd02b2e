package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Legal holds, set and lifted (a persistence port). A lifted hold is kept with who lifted it, when and why, so that
 * the record of holds stays complete; at most one hold is in force per target.
 */
@PersistencePort
public interface LegalHoldRecords extends LegalHolds {

    /** The hold in force on the target, if any. */
    Optional<LegalHold> current(HoldTarget target);

    /** Every hold in force, oldest first. */
    List<LegalHold> inForce();

    /** @return false (nothing changed) when the target is held already */
    boolean set(LegalHold hold);

    /** @return false (nothing changed) when the target is not held */
    boolean lift(HoldTarget target, String liftedBy, String liftedByOrganisation, Instant at, String reason);

    @Override
    default boolean isHeld(HoldTarget target) {
        return current(target).isPresent();
    }
}
