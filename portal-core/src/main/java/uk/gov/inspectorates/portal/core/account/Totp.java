package uk.gov.inspectorates.portal.core.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over the HOTP of RFC 4226) for the second sign-in factor. The defaults
 * (HMAC-SHA1, 30 second steps, 6 digits) are the ones every authenticator app supports.
 */
public final class Totp {

    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String mac;

        Algorithm(String mac) {
            this.mac = mac;
        }
    }

    public static final String ISSUER = "Inspectorates portal";
    public static final int STEP_SECONDS = 30;
    public static final int SECRET_BYTES = 20;
    /** Steps either side of the current one that are still accepted, for clocks that drift and slow typists. */
    public static final int SKEW_STEPS = 1;
    /** RFC 4226 §4 R6: a shared secret of at least 128 bits. */
    private static final int MIN_SECRET_BYTES = 16;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    private final Algorithm algorithm;
    private final int digits;

    public Totp() {
        this(Algorithm.SHA1, 6);
    }

    public Totp(Algorithm algorithm, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP codes have 6 to 8 digits, not " + digits);
        }
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.digits = digits;
    }

    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    public static long timeStep(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    public String codeAt(byte[] secret, Instant at) {
        return hotp(secret, timeStep(at));
    }

    /** RFC 4226 HOTP: the code for one counter value (for TOTP, the time step). */
    public String hotp(byte[] secret, long counter) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a TOTP secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        byte[] hash = mac(secret, counter);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        StringBuilder code = new StringBuilder(Integer.toString(binary % POWERS_OF_TEN[digits]));
        while (code.length() < digits) {
            code.insert(0, '0');
        }
        return code.toString();
    }

    /** The time step the code belongs to, if it is valid now give or take {@link #SKEW_STEPS}. */
    public OptionalLong verify(byte[] secret, String code, Instant now) {
        return verify(secret, code, now, Long.MIN_VALUE);
    }

    /**
     * As {@link #verify(byte[], String, Instant)}, but refusing a code whose step is not after {@code lastUsedStep}
     * (the step returned by this account's previous successful verification), so that a code seen over a
     * shoulder or in transit cannot be used again. Store the returned step as the new last used step.
     */
    public OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (!wellFormed(code)) {
            return OptionalLong.empty();
        }
        byte[] entered = code.getBytes(StandardCharsets.US_ASCII);
        long current = timeStep(now);
        long matched = Long.MIN_VALUE;
        // Every step in the window is computed and compared, whether or not an earlier one matched, so that the
        // time taken says nothing about which step (if any) matched.
        for (long step = current - SKEW_STEPS; step <= current + SKEW_STEPS; step++) {
            boolean equal = MessageDigest.isEqual(entered, hotp(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (equal && step > lastUsedStep) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** The Key Uri Format that authenticator apps read from a QR code. */
    public String provisioningUri(String username, byte[] secret) {
        String issuer = uriEncode(ISSUER);
        return "otpauth://totp/" + issuer + ":" + uriEncode(username)
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + issuer
                + "&algorithm=" + algorithm.name()
                + "&digits=" + digits
                + "&period=" + STEP_SECONDS;
    }

    private boolean wellFormed(String code) {
        if (code == null || code.length() != digits) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private byte[] mac(byte[] secret, long counter) {
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        try {
            Mac mac = Mac.getInstance(algorithm.mac);
            mac.init(new SecretKeySpec(secret, algorithm.mac));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.mac + " is part of every Java runtime", e);
        }
    }

    /** Percent-encoding for a URI path or query: URLEncoder's '+' for a space would be read as a literal '+'. */
    private static String uriEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
