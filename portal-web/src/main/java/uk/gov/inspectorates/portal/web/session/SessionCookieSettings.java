package uk.gov.inspectorates.portal.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import uk.gov.inspectorates.portal.web.config.PortalConfiguration;

/**
 * The container's own HTTP session is not used (the portal's session is {@link PortalSession}, in PostgreSQL); should
 * anything create one, its cookie is HttpOnly, SameSite=Strict, Secure unless the local http run turns it off, never
 * in URLs, and named apart from the portal's.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    public static final String CONTAINER_COOKIE_NAME = "portal_container_session";

    @Inject
    PortalConfiguration configuration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName(CONTAINER_COOKIE_NAME);
        cookie.setHttpOnly(true);
        cookie.setSecure(configuration.cookieSecure());
        cookie.setPath("/");
        // SameSite=Strict comes from WEB-INF/glassfish-web.xml: Payara 6 ignores setAttribute("SameSite", ...)
    }
}
