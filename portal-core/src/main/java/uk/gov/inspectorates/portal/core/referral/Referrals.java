package uk.gov.inspectorates.portal.core.referral;

import uk.gov.inspectorates.portal.core.shared.PersistencePort;
import java.util.List;
import java.util.Optional;

/** Where referrals of concern are kept. A step, once taken, is never changed. */
@PersistencePort
public interface Referrals {

    void add(Referral referral);

    Optional<Referral> find(String id);

    /** The inspection's referrals, oldest first. */
    List<Referral> ofInspection(String inspectionId);

    /** Every referral to the agency, in every inspection, oldest first. */
    List<Referral> toAgency(String agencyId);

    /**
     * Takes the step if the referral still waits for it, in one atomic change; false when it does not (another person
     * took it first, or the referral is gone), and nothing changed.
     */
    boolean take(String referralId, ReferralStep step, ReferralEntry entry);
}
