package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * The single factual accuracy check (JTAI timeline days 24-33): which version of the draft Ofsted sent, to which DCS
 * (a user of the area's local authority children's services), by whom, when, and when the partnership's comments
 * are due (ten working days).
 */
public record AccuracyCheck(String inspectionId, int version, String dcsUserId, String dcsAgencyId, String sentBy,
                            Instant sentAt, Instant dueAt) {

    public AccuracyCheck {
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(dcsUserId, "dcsUserId");
        Objects.requireNonNull(dcsAgencyId, "dcsAgencyId");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
