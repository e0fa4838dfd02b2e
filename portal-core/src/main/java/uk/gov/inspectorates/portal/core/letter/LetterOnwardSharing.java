package uk.gov.inspectorates.portal.core.letter;

import java.time.Instant;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Basis;
import uk.gov.inspectorates.portal.core.report.OnwardSharing.Status;

/**
 * A receiving party's record of sharing a letter beyond the protocol's parties, and the basis that allows it (ISP
 * ¶14, as for a report's {@link uk.gov.inspectorates.portal.core.report.OnwardSharing}): a legal obligation (e.g. a
 * court order, named in the evidence) or the sender's written consent, asked for and given in the portal. A letter is
 * never published, so it is never in the public domain (docs/adr/0027).
 */
public record LetterOnwardSharing(String id, String letterId, Basis basis, String recipient, String evidence,
                                  Inspectorate requestingParty, String requestedBy, Instant requestedAt, Status status,
                                  String decidedBy, Instant decidedAt, String decisionNote) {

    public LetterOnwardSharing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(letterId, "letterId");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(requestingParty, "requestingParty");
        Objects.requireNonNull(status, "status");
        if (basis == Basis.PUBLIC_DOMAIN) {
            throw new IllegalArgumentException("a letter is never published, so never in the public domain");
        }
    }

    /** Whether the requesting party may now share onward on this record. */
    public boolean basisHolds() {
        return status == Status.RECORDED || status == Status.CONSENT_GRANTED;
    }

    public LetterOnwardSharing decided(boolean granted, String by, Instant at, String note) {
        return new LetterOnwardSharing(id, letterId, basis, recipient, evidence, requestingParty, requestedBy,
                requestedAt, granted ? Status.CONSENT_GRANTED : Status.CONSENT_REFUSED, by, at, note);
    }
}
