package uk.gov.inspectorates.portal.core.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Referrals in memory, taking a step only when the referral waits for it (as the database does). */
public final class InMemoryReferrals implements Referrals {

    private final Map<String, Referral> referrals = new LinkedHashMap<>();

    @Override
    public void add(Referral referral) {
        referrals.put(referral.id(), referral);
    }

    @Override
    public Optional<Referral> find(String id) {
        return Optional.ofNullable(referrals.get(id));
    }

    @Override
    public List<Referral> ofInspection(String inspectionId) {
        return referrals.values().stream().filter(r -> r.inspectionId().equals(inspectionId)).toList();
    }

    @Override
    public List<Referral> toAgency(String agencyId) {
        return referrals.values().stream().filter(r -> r.agencyId().equals(agencyId)).toList();
    }

    @Override
    public boolean take(String referralId, ReferralStep step, ReferralEntry entry) {
        Referral referral = referrals.get(referralId);
        if (referral == null || referral.stage().awaits().filter(step::equals).isEmpty()) {
            return false;
        }
        referrals.put(referralId, referral.with(step, entry));
        return true;
    }
}
