package uk.gov.inspectorates.portal.core.referral;

import java.util.Optional;

/** Finds the inspection a referral belongs to (implemented over the inspections). */
@FunctionalInterface
public interface ReferralInspections {

    Optional<ReferringInspection> find(String inspectionId);
}
