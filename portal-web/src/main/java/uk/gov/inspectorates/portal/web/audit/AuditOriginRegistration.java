package uk.gov.inspectorates.portal.web.audit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Registers {@link AuditOriginFilter} ahead of every declared filter ({@code isMatchAfter = false}): the sign-in
 * filters that may end a session record events too, and those must carry the origin.
 */
@WebListener
public class AuditOriginRegistration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            AuditOriginFilter filter = event.getServletContext().createFilter(AuditOriginFilter.class);
            FilterRegistration.Dynamic registration = event.getServletContext()
                    .addFilter("auditOrigin", filter);
            registration.setAsyncSupported(true);
            registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        } catch (ServletException e) {
            throw new IllegalStateException("the audit origin filter could not be created", e);
        }
    }
}
