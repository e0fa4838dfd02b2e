package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;

/**
 * What the portal certifies about an inspection's removal: the inspection and its participants, the policy and its
 * period, when the export window ended, when the key-encryption key was destroyed, what was removed (objects, bytes,
 * per agency and per request), who exported what beforehand, and when the removal completed. Counts and ids only.
 */
public record RemovalCertificate(String id, String removalId, String inspectionId, Inspectorate leadInspectorate,
                                 Set<Inspectorate> participants, Instant closedAt, String policyCategory,
                                 int policyAmount, DurationUnit policyUnit, Instant windowEndedAt,
                                 Instant kekDestroyedAt, int objects, long plaintextBytes, long storedBytes,
                                 List<AgencyTally> agencies, List<RequestTally> requests, List<ExportRecord> exports,
                                 String removedBy, Instant completedAt, Instant issuedAt) {

    /** Documents and bytes of one agency across the inspection's requests. */
    public record AgencyTally(String agencyId, String agencyName, int documents, long plaintextBytes) {
    }

    public RemovalCertificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspectionId, "inspectionId");
        participants = Set.copyOf(participants);
        agencies = List.copyOf(agencies);
        requests = List.copyOf(requests);
        exports = List.copyOf(exports);
    }
}
