package uk.gov.inspectorates.portal.web.audit;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditOrigin;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.audit.PageView;

/**
 * Around every request, before any other filter (registered first by {@link AuditOriginRegistration}): the origin its
 * audit events carry (client address behind the trusted proxies, user agent), and for a GET of a page (not the API,
 * not assets) a {@link PageView}, so that the page is one audit event (docs/adr/0034).
 */
public class AuditOriginFilter extends HttpFilter {

    private static final ThreadLocal<IntConsumer> BEFORE_PAGE_WRITTEN = new ThreadLocal<>();

    /**
     * Called by the page renderer just before it writes a page with this status: a page that recorded nothing yet
     * records its view now, before a byte of the response goes out (so the event is written before the reader has the
     * page; the same check after the chain is the fallback for a page written otherwise).
     */
    public static void beforePageWritten(int status) {
        IntConsumer hook = BEFORE_PAGE_WRITTEN.get();
        if (hook != null) {
            hook.accept(status);
        }
    }

    /** The request attribute the page filters put the signed-in person in ({@code PageAccessFilter}). */
    static final String SIGNED_IN_SUBJECT = "portal.subject";

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestOrigin.set(originOf(request));
        try {
            if (isPageView(request)) {
                try (PageView view = PageView.open()) {
                    BEFORE_PAGE_WRITTEN.set(status -> {
                        if (view.nothingRecorded()) {
                            recordPageView(request, status);
                        }
                    });
                    chain.doFilter(request, response);
                    if (view.nothingRecorded()) {
                        recordPageView(request, response.getStatus());
                    }
                } finally {
                    BEFORE_PAGE_WRITTEN.remove();
                }
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            RequestOrigin.clear();
        }
    }

    /**
     * A page behind sign-in that recorded nothing itself (a form, an administration page): its view, named by the
     * path (no query: a search may hold anything). Administration pages are ADMINISTRATION_VIEW, others PAGE_VIEW.
     */
    private void recordPageView(HttpServletRequest request, int status) {
        Object signedIn = request.getAttribute(SIGNED_IN_SUBJECT);
        if (!(signedIn instanceof Subject subject) || status >= 300) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String action = path.equals("/admin") || path.startsWith("/admin/") ? AuditActions.ADMINISTRATION_VIEW
                : AuditActions.PAGE_VIEW;
        audit.record(new AuditEvent(clock.instant(), subject.userId(), subject.organisation().id(), action, "PAGE",
                path.length() > 200 ? path.substring(0, 200) : path, AuditEvent.Outcome.SUCCEEDED, null)
                .withActorRoles(PolicyGate.rolesOf(subject)));
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
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") && !path.startsWith("/assets/") && !path.startsWith("/health");
    }
}
