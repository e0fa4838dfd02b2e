package uk.gov.inspectorates.portal.security.saml;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.inspectorates.portal.core.account.sso.AssertionReplayCache;
import uk.gov.inspectorates.portal.core.account.sso.SamlRequestLog;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** In-memory request log and replay cache for the unit tests (the PostgreSQL ones are tested in storage). */
final class InMemorySamlStores implements SamlRequestLog, AssertionReplayCache {

    private record Issued(Inspectorate inspectorate, String browserBindingHash, Instant expiresAt) {
    }

    final Map<String, Issued> requests = new ConcurrentHashMap<>();
    final Map<String, Instant> assertions = new ConcurrentHashMap<>();

    @Override
    public void issued(String requestId, Inspectorate inspectorate, String browserBindingHash, Instant expiresAt) {
        requests.put(requestId, new Issued(inspectorate, browserBindingHash, expiresAt));
    }

    @Override
    public Optional<String> browserOf(String requestId, Inspectorate inspectorate, Instant now) {
        Issued issued = requestId == null ? null : requests.get(requestId);
        return issued != null && issued.inspectorate() == inspectorate && now.isBefore(issued.expiresAt())
                ? Optional.of(issued.browserBindingHash()) : Optional.empty();
    }

    @Override
    public boolean consume(String requestId, Inspectorate inspectorate, String browserBindingHash, Instant now) {
        if (requestId == null) {
            return false;
        }
        Issued issued = requests.get(requestId);
        return issued != null && issued.inspectorate() == inspectorate && now.isBefore(issued.expiresAt())
                && issued.browserBindingHash().equals(browserBindingHash) && requests.remove(requestId, issued);
    }

    boolean isOpen(String requestId, Inspectorate inspectorate) {
        Issued issued = requests.get(requestId);
        return issued != null && issued.inspectorate() == inspectorate;
    }

    @Override
    public boolean firstUse(String assertionId, Instant keepUntil, Instant now) {
        assertions.values().removeIf(until -> !now.isBefore(until));
        return assertions.putIfAbsent(assertionId, keepUntil) == null;
    }
}
