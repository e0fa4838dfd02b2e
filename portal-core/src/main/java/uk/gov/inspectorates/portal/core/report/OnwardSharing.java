package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * A receiving party's record of sharing a report beyond the protocol's parties, and the basis that allows it (ISP):
 * the information is lawfully in the public domain (only once published), a legal obligation (e.g. a court order,
 * named in the evidence), or the originator's written consent, asked for and given in the portal.
 */
public record OnwardSharing(String id, String reportId, Basis basis, String recipient, String evidence,
                            Inspectorate requestingParty, String requestedBy, Instant requestedAt, Status status,
                            String decidedBy, Instant decidedAt, String decisionNote) {

    public enum Basis { PUBLIC_DOMAIN, LEGAL_OBLIGATION, WRITTEN_CONSENT }

    /** RECORDED: the basis holds, sharing may go ahead. CONSENT_*: written consent asked for, given, or refused. */
    public enum Status { RECORDED, CONSENT_REQUESTED, CONSENT_GRANTED, CONSENT_REFUSED }

    public OnwardSharing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(requestingParty, "requestingParty");
        Objects.requireNonNull(status, "status");
    }

    /** Whether the requesting party may now share onward on this record. */
    public boolean basisHolds() {
        return status == Status.RECORDED || status == Status.CONSENT_GRANTED;
    }

    public OnwardSharing decided(boolean granted, String by, Instant at, String note) {
        return new OnwardSharing(id, reportId, basis, recipient, evidence, requestingParty, requestedBy, requestedAt,
                granted ? Status.CONSENT_GRANTED : Status.CONSENT_REFUSED, by, at, note);
    }
}
