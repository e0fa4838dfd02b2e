package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.Objects;

/** A legal hold in force: what it holds, since when, who set it (user and organisation) and why. */
public record LegalHold(HoldTarget target, Instant since, String setBy, String setByOrganisation, String reason) {

    /** The rule a removal refused because of a hold names (409). */
    public static final String RULE = "retention.legal-hold";

    public LegalHold {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(reason, "reason");
    }
}
