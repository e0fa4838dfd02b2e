package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import uk.gov.inspectorates.portal.web.config.PortalConfiguration;

/**
 * Where the links sent to people point. In production only the configured public address is used: a link built
 * from a request's Host header could be pointed by an attacker at their own site (reset-link poisoning).
 */
final class Links {

    private Links() {
    }

    static String base(HttpServletRequest request, PortalConfiguration configuration, String path) {
        String base = configuration.publicUrl().orElseGet(() -> {
            if (configuration.production()) {
                throw new IllegalStateException("PORTAL_PUBLIC_URL must be set for links in invitations and resets");
            }
            return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                    + request.getContextPath();
        });
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
