package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.web.audit.ClientAddresses;

/**
 * What audit events carry beyond what a service says (issue 18, docs/adr/0034): the origin of the request (the
 * proxies trusted to say who the client is: {@code portal.trusted-proxies}, PORTAL_TRUSTED_PROXIES, addresses or CIDR
 * ranges separated by commas; none by default, so the socket's peer is the client). The enriched trail itself is
 * {@link PortalWiring#auditTrail()}.
 */
@ApplicationScoped
public class AuditRecordingWiring {

    @Inject
    @ConfigProperty(name = "portal.trusted-proxies")
    Optional<String> trustedProxies;

    @Produces
    @Singleton
    ClientAddresses clientAddresses() {
        return trustedProxies.map(ClientAddresses::trusting).orElseGet(ClientAddresses::trustingNoProxy);
    }
}
