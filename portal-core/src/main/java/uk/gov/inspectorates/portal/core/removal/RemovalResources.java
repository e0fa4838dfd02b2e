package uk.gov.inspectorates.portal.core.removal;

import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;

/** The resources the policy decides for removals (the decisions: {@code access.RetentionRules} and
 * {@code access.RemovalCertificateRules}). */
public final class RemovalResources {

    private RemovalResources() {
    }

    /** The removal runs: listing them, and running the due ones now (administrators). */
    public static Resource removals() {
        return new Resource(Resource.Kind.RETENTION, null, null, Set.of(), false);
    }

    /** A removal certificate: the inspection's lead inspectorate and its participants. */
    public static Resource certificate(SignedCertificate certificate) {
        return new Resource(Resource.Kind.REMOVAL_CERTIFICATE, certificate.id(), certificate.leadInspectorate(),
                certificate.participants(), false);
    }
}
