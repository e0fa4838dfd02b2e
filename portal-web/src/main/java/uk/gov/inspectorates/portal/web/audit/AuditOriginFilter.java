package uk.gov.inspectorates.portal.web.audit;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import uk.gov.inspectorates.portal.core.audit.AuditOrigin;
import uk.gov.inspectorates.portal.core.audit.PageView;

/**
 * Around every request, before any other filter (registered first by {@link AuditOriginRegistration}): the origin its
 * audit events carry (client address behind the trusted proxies, user agent), and for a GET of a page (not the API,
 * not assets) a {@link PageView}, so that the page is one audit event (docs/adr/0034).
 */
public class AuditOriginFilter extends HttpFilter {

    @Inject
    ClientAddresses clientAddresses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestOrigin.set(originOf(request));
        try {
            if (isPageView(request)) {
                try (PageView ignored = PageView.open()) {
                    chain.doFilter(request, response);
                }
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            RequestOrigin.clear();
        }
    }

    AuditOrigin.Origin originOf(HttpServletRequest request) {
        String address;
        try {
            List<String> forwarded = request.getHeaders("X-Forwarded-For") == null ? List.of()
                    : Collections.list(request.getHeaders("X-Forwarded-For"));
            address = clientAddresses.clientOf(request.getRemoteAddr(), forwarded);
        } catch (RuntimeException malformed) {
            // whatever a header holds, the request is served and the peer recorded
            address = request.getRemoteAddr();
        }
        return new AuditOrigin.Origin(address, RequestOrigin.userAgent(request.getHeader("User-Agent")));
    }

    static boolean isPageView(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") && !path.startsWith("/assets/") && !path.startsWith("/health");
    }
}
