package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.util.Objects;

/** A report withdrawn before publication: it is never served again, and its addressees see why. */
public record Withdrawal(String reason, String withdrawnBy, Instant withdrawnAt) {

    public Withdrawal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(withdrawnBy, "withdrawnBy");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }
}
