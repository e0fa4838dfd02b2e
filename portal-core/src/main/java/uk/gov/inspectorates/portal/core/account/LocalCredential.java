package uk.gov.inspectorates.portal.core.account;

import java.util.List;
import java.util.Objects;

/**
 * What a local (password + authenticator) account signs in with. The TOTP secret is plain here: the adapter that
 * keeps it encrypts it at rest. {@code lastTotpStep} is the step of the last code accepted (replay check).
 */
public record LocalCredential(String userId, String email, String passwordHash, byte[] totpSecret, long lastTotpStep,
                              List<String> recoveryCodeHashes, SignInThrottle.Failures failures) {

    public LocalCredential {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(passwordHash, "passwordHash");
        totpSecret = totpSecret == null ? null : totpSecret.clone();
        recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
        Objects.requireNonNull(failures, "failures");
    }

    @Override
    public byte[] totpSecret() {
        return totpSecret == null ? null : totpSecret.clone();
    }

    public LocalCredential withPasswordHash(String hash) {
        return new LocalCredential(userId, email, hash, totpSecret, lastTotpStep, recoveryCodeHashes, failures);
    }

    @Override
    public String toString() {
        return "LocalCredential[" + userId + "]";
    }
}
