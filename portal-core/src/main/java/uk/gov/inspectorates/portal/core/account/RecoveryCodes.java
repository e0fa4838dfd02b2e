package uk.gov.inspectorates.portal.core.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;

/**
 * Single-use codes that stand in for the authenticator when it is lost. Only their hashes are kept; the person sees
 * the plaintext once, when the codes are issued.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    static final int LENGTH = 10;
    /** Lower-case letters and digits without 0/o, 1/l/i, which are mistaken for each other when copied by hand. */
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

    /** The codes to show, grouped "xxxxx-xxxxx", and, in the same order, the hashes to store. */
    public record Issued(List<String> codes, List<String> hashes) {
        public Issued {
            codes = List.copyOf(codes);
            hashes = List.copyOf(hashes);
        }
    }

    private final PasswordHasher hasher;
    private final SecureRandom random;

    public RecoveryCodes(PasswordHasher hasher, SecureRandom random) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Issued issue() {
        List<String> codes = new ArrayList<>(COUNT);
        List<String> hashes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH);
            for (int c = 0; c < LENGTH; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            hashes.add(hasher.hash(code.toString().toCharArray()));
            codes.add(code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2));
        }
        return new Issued(codes, hashes);
    }

    /**
     * The index in {@code hashes} of the code entered, if it is one of them. The caller must then delete that hash:
     * each code works once.
     */
    public OptionalInt match(String entered, List<String> hashes) {
        String code = normalise(entered);
        if (code == null) {
            return OptionalInt.empty();
        }
        char[] candidate = code.toCharArray();
        for (int i = 0; i < hashes.size(); i++) {
            if (hashes.get(i) != null && hasher.matches(candidate, hashes.get(i))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Case, spaces and dashes are how people copy codes, not part of them; null if it cannot be a code at all. */
    static String normalise(String entered) {
        if (entered == null) {
            return null;
        }
        String code = entered.replaceAll("[\\s\\-\u2010-\u2015]", "").toLowerCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }
}
