package uk.gov.inspectorates.portal.web.pages;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.account.LocalCredential;
import uk.gov.inspectorates.portal.core.account.LocalCredentials;

/**
 * Deliberately wrong, for WebArchitectureTest only: a page that reads password hashes and TOTP secrets directly. Its
 * port is not called a repository, so only the {@code @PersistencePort} marker finds it.
 */
final class ReadsCredentialsBehindThePolicysBack {

    private final LocalCredentials credentials;

    ReadsCredentialsBehindThePolicysBack(LocalCredentials credentials) {
        this.credentials = credentials;
    }

    Optional<LocalCredential> credentialOf(String userId) {
        return credentials.find(userId);
    }
}
