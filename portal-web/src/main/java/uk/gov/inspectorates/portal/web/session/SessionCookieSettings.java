package uk.gov.inspectorates.portal.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import uk.gov.inspectorates.portal.web.config.PortalConfiguration;

/** Session cookies: HttpOnly, SameSite=Strict, Secure unless the local http run turns it off; never in URLs. */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    public static final String COOKIE_NAME = "portal_session";

    @Inject
    PortalConfiguration configuration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName(COOKIE_NAME);
        cookie.setHttpOnly(true);
        cookie.setSecure(configuration.cookieSecure());
        cookie.setPath("/");
        // SameSite=Strict comes from WEB-INF/glassfish-web.xml: Payara 6 ignores setAttribute("SameSite", ...)
    }
}
