package uk.gov.inspectorates.portal.security.saml;

import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The service provider's side of SAML sign-in: who we are (entity id, where assertions are posted, our signing key and
 * certificate), how much clock difference we forgive, how long a sent request may be answered, how old an
 * authentication may be, and the inspectorates' identity providers.
 */
public record SamlSettings(String serviceProviderEntityId, URI assertionConsumerServiceUrl, PrivateKey signingKey,
                           X509Certificate signingCertificate, Duration clockSkew, Duration requestLifetime,
                           Duration maxAuthenticationAge, List<IdpSettings> identityProviders) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REQUEST_LIFETIME = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MAX_AUTHENTICATION_AGE = Duration.ofHours(8);

    public SamlSettings {
        Objects.requireNonNull(serviceProviderEntityId, "serviceProviderEntityId");
        Objects.requireNonNull(assertionConsumerServiceUrl, "assertionConsumerServiceUrl");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        requestLifetime = requestLifetime == null ? DEFAULT_REQUEST_LIFETIME : requestLifetime;
        maxAuthenticationAge = maxAuthenticationAge == null ? DEFAULT_MAX_AUTHENTICATION_AGE : maxAuthenticationAge;
        if (clockSkew.isNegative() || requestLifetime.isNegative() || requestLifetime.isZero()
                || maxAuthenticationAge.isNegative() || maxAuthenticationAge.isZero()) {
            throw new IllegalArgumentException("clock skew, request lifetime and authentication age must be positive");
        }
        identityProviders = List.copyOf(identityProviders);
        if (identityProviders.stream().map(IdpSettings::inspectorate).distinct().count() != identityProviders.size()) {
            throw new IllegalArgumentException("one identity provider per inspectorate");
        }
    }

    /** With the default skew (60 s), request lifetime (10 min) and authentication age (8 h). */
    public SamlSettings(String serviceProviderEntityId, URI assertionConsumerServiceUrl, PrivateKey signingKey,
                        X509Certificate signingCertificate, List<IdpSettings> identityProviders) {
        this(serviceProviderEntityId, assertionConsumerServiceUrl, signingKey, signingCertificate, null, null, null,
                identityProviders);
    }
}
