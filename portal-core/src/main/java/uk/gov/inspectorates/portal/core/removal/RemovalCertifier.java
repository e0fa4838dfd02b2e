package uk.gov.inspectorates.portal.core.removal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds an inspection's removal certificate from what its removal recorded (the tally taken before anything was
 * deleted) and issues it signed, once per removal: a rerun finds the one already issued.
 */
public final class RemovalCertifier {

    private final Removals removals;
    private final RemovalCertificates certificates;
    private final CertificateSigner signer;
    private final Clock clock;

    public RemovalCertifier(Removals removals, RemovalCertificates certificates, CertificateSigner signer,
                            Clock clock) {
        this.removals = Objects.requireNonNull(removals, "removals");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SignedCertificate certify(RemovalRecord removal) {
        var issued = certificates.ofRemoval(removal.id());
        if (issued.isPresent()) {
            return issued.get();
        }
        if (!removal.step().reached(RemovalStep.ROWS_DELETED) || removal.kekDestroyedAt() == null
                || !removal.tallied()) {
            throw new IllegalStateException("removal " + removal.id() + " is not complete enough to certify (step "
                    + removal.step() + ")");
        }
        List<RequestTally> requests = removals.requests(removal.id());
        Map<String, RemovalCertificate.AgencyTally> agencies = new LinkedHashMap<>();
        for (RequestTally request : requests) {
            agencies.merge(request.agencyId(), new RemovalCertificate.AgencyTally(request.agencyId(),
                    request.agencyName(), request.documents(), request.plaintextBytes()), (a, b) ->
                    new RemovalCertificate.AgencyTally(a.agencyId(), a.agencyName(), a.documents() + b.documents(),
                            a.plaintextBytes() + b.plaintextBytes()));
        }
        RemovalCertificate certificate = new RemovalCertificate("rc-" + UUID.randomUUID(), removal.id(),
                removal.candidate().id(), removal.leadInspectorate(), removal.participants(), removal.closedAt(),
                removal.candidate().category().name(), removal.policyAmount(), removal.policyUnit(),
                removal.candidate().dueAt(), removal.kekDestroyedAt(), removal.objects(), removal.plaintextBytes(),
                removal.storedBytes(), new ArrayList<>(agencies.values()), requests, removals.exports(removal.id()),
                removal.removedBy(), removal.updatedAt(), clock.instant());
        return certificates.issue(signer.sign(certificate));
    }
}
