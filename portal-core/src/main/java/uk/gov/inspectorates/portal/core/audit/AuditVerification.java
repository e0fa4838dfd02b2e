package uk.gov.inspectorates.portal.core.audit;

import java.time.Instant;

/**
 * A verifier's answer: whether the chain is intact, how many events it checked, the last signed checkpoint the
 * intact chain reaches (seq and time; null if none), and the first sequence number found broken (null if intact)
 * with what was wrong.
 */
public record AuditVerification(boolean intact, long eventsChecked, Long checkpointSeq, Instant checkpointAt,
                                Long firstBrokenSeq, String problem) {
}
