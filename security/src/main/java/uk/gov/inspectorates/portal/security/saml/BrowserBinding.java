package uk.gov.inspectorates.portal.security.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret that binds a sign-in to the browser that started it (docs/adr/0017): 256 random bits the browser keeps
 * in a cookie; the request log keeps only its SHA-256. Unlike the request id, it is in no SAML message, so holding
 * someone's response (which names its InResponseTo) does not give it.
 */
final class BrowserBinding {

    private BrowserBinding() {
    }

    static String newValue(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hash kept in the request log; null for no value (a browser that brought none matches no request). */
    static String hash(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Whether the value brought hashes to the one kept, compared in constant time. */
    static boolean matches(String keptHash, String value) {
        String given = hash(value);
        return keptHash != null && given != null && MessageDigest.isEqual(
                keptHash.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
