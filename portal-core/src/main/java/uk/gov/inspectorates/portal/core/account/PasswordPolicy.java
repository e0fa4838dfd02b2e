package uk.gov.inspectorates.portal.core.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.gov.inspectorates.portal.core.shared.FieldError;

/**
 * What a new password must be, after the NCSC's password guidance: long enough, not a common one, not guessable from
 * the username or the service. Deliberately without composition rules (no "one upper case, one symbol") and without
 * expiry, which the guidance says push people to predictable passwords.
 */
public final class PasswordPolicy {

    public static final String FIELD = "password";
    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase or password manager; the bound only stops absurd input reaching the hasher. */
    public static final int MAX_LENGTH = 256;
    /** Usernames shorter than this are not looked for in the password, or they would refuse too much. */
    static final int MIN_USERNAME_TO_CHECK = 3;
    /** The service's name, compared with letters only, so that "Inspectorates-Portal" and "inspectorate" count. */
    static final List<String> SERVICE_WORDS = List.of("inspectorate");
    private static final String DENY_LIST = "common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy(Set<String> commonPasswords) {
        Set<String> normalised = new HashSet<>();
        for (String password : commonPasswords) {
            normalised.add(fold(password));
        }
        this.common = Set.copyOf(normalised);
    }

    /** With the deny-list shipped in portal-core. */
    public static PasswordPolicy withCommonPasswords() {
        return new PasswordPolicy(readDenyList());
    }

    /** Everything wrong with the password, empty when it may be used. */
    public List<FieldError> check(String password, String username) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError(FIELD, "Enter a password"));
            return errors;
        }
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_LENGTH) {
            errors.add(new FieldError(FIELD, "Your password must be " + MIN_LENGTH + " characters or more"));
        }
        if (length > MAX_LENGTH) {
            errors.add(new FieldError(FIELD, "Your password must be " + MAX_LENGTH + " characters or fewer"));
        }
        String folded = fold(normalised);
        if (isCommon(folded)) {
            errors.add(new FieldError(FIELD, "Your password is too common. Choose another"));
        }
        if (containsUsername(folded, username)) {
            errors.add(new FieldError(FIELD, "Your password must not contain your username"));
        }
        String letters = folded.replaceAll("[^\\p{L}]", "");
        if (SERVICE_WORDS.stream().anyMatch(letters::contains)) {
            errors.add(new FieldError(FIELD, "Your password must not contain the name of this service"));
        }
        return errors;
    }

    /** Common as it stands, or once the digits and symbols tacked on the end are taken off ("Password123!"). */
    private boolean isCommon(String folded) {
        String candidate = folded;
        while (true) {
            if (common.contains(candidate)) {
                return true;
            }
            if (candidate.isEmpty() || Character.isLetter(candidate.codePointBefore(candidate.length()))) {
                return false;
            }
            candidate = candidate.substring(0, candidate.offsetByCodePoints(candidate.length(), -1));
        }
    }

    private static boolean containsUsername(String folded, String username) {
        if (username == null) {
            return false;
        }
        String name = fold(username.strip());
        if (name.length() >= MIN_USERNAME_TO_CHECK && folded.contains(name)) {
            return true;
        }
        // An e-mail address as username: its local part is what people put in passwords.
        int at = name.indexOf('@');
        return at >= MIN_USERNAME_TO_CHECK && folded.contains(name.substring(0, at));
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Set<String> readDenyList() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(DENY_LIST)) {
            if (in == null) {
                throw new IllegalStateException(DENY_LIST + " is missing from portal-core");
            }
            Set<String> passwords = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    passwords.add(entry);
                }
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
