package uk.gov.inspectorates.portal.core.audit;

/**
 * Where the current request comes from (client address as seen behind the configured proxies, user agent), for the
 * events it causes; the web layer supplies it, {@link #NONE} outside a request (sweeps, start-up).
 */
@FunctionalInterface
public interface AuditOrigin {

    AuditOrigin NONE = () -> new Origin(null, null);

    Origin current();

    record Origin(String clientAddress, String userAgent) {
    }
}
