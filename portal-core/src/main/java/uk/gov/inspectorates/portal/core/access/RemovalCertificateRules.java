package uk.gov.inspectorates.portal.core.access;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who may see and download an inspection's removal certificate (issue 17, docs/adr/0030): the SIROs and the
 * administrators of the inspectorates that took part in the inspection (the resource's addressees), and nobody else;
 * the certificate is read, never changed.
 */
final class RemovalCertificateRules {

    static final String PARTICIPANT_SIRO_OR_ADMINISTRATOR = "removal-certificate.read.participant-siro-or-administrator";
    static final String READ_ONLY = "removal-certificate.read-only";

    private RemovalCertificateRules() {
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        boolean reading = action == Action.LIST || action == Action.VIEW_METADATA || action == Action.DOWNLOAD;
        if (!reading) {
            return Decision.deny(READ_ONLY);
        }
        Optional<Inspectorate> own = subject.inspectorate();
        boolean participant = own.isPresent() && resource.addressees().contains(own.get());
        boolean answerable = subject.has(Role.SIRO) || subject.has(Role.ADMINISTRATOR);
        return participant && answerable ? Decision.permit(PARTICIPANT_SIRO_OR_ADMINISTRATOR)
                : Decision.deny(PARTICIPANT_SIRO_OR_ADMINISTRATOR);
    }
}
