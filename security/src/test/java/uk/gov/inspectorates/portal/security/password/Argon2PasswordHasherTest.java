package uk.gov.inspectorates.portal.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.security.password.Argon2PasswordHasher.Cost;

class Argon2PasswordHasherTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    /** Made by the reference implementation (libargon2 via argon2-cffi), salt "portal-test-salt". */
    private static final String REFERENCE_OWASP =
            "$argon2id$v=19$m=19456,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM";
    private static final String REFERENCE_OTHER_COST =
            "$argon2id$v=19$m=8192,t=3,p=2$cG9ydGFsLXRlc3Qtc2FsdA$n43kt/T0NFsLGq7xfAtJC4zljDcXIs7pNsqK7rrdy3U";
    /** Non-ASCII password "pässwörd" (UTF-8), 16-byte hash. */
    private static final String REFERENCE_UTF8 = "$argon2id$v=19$m=64,t=1,p=1$cG9ydGFsLXRlc3Qtc2FsdA$QtOGK0cV9ayBCJHk17eVBQ";

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void aHashMatchesItsPassword() {
        assertTrue(hasher.matches(PASSWORD, hasher.hash(PASSWORD)));
    }

    @Test
    void aHashIsInThePhcFormatWithTheOwaspCostA16ByteSaltAndA32ByteHash() {
        String hash = hasher.hash(PASSWORD);

        assertTrue(Pattern.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}", hash),
                hash);
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = hasher.hash(PASSWORD);

        assertFalse(hasher.matches("correct horse battery stapler".toCharArray(), hash));
        assertFalse(hasher.matches(new char[0], hash));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        String first = hasher.hash(PASSWORD);
        String second = hasher.hash(PASSWORD);

        assertNotEquals(first.split("\\$")[4], second.split("\\$")[4]);
        assertNotEquals(first, second);
        assertTrue(hasher.matches(PASSWORD, first));
        assertTrue(hasher.matches(PASSWORD, second));
    }

    @Test
    void hashesOfTheReferenceImplementationVerify() {
        assertTrue(hasher.matches(PASSWORD, REFERENCE_OWASP));
        assertFalse(hasher.matches("Correct horse battery staple".toCharArray(), REFERENCE_OWASP));
        assertTrue(hasher.matches("pässwörd".toCharArray(), REFERENCE_UTF8));
    }

    @Test
    void theCostIsTakenFromTheStoredHashNotFromTheHasher() {
        assertTrue(hasher.matches(PASSWORD, REFERENCE_OTHER_COST));

        Argon2PasswordHasher cheaper = new Argon2PasswordHasher(new Cost(1024, 1, 1));
        String cheapHash = cheaper.hash(PASSWORD);
        assertTrue(cheapHash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), cheapHash);
        assertTrue(hasher.matches(PASSWORD, cheapHash));
    }

    @Test
    void aChangedCostInTheStringNoLongerMatches() {
        assertFalse(hasher.matches(PASSWORD, REFERENCE_OWASP.replace("t=2", "t=3")));
    }

    @Test
    void hashesMadeWithOtherCostNeedRehashing() {
        assertFalse(hasher.needsRehash(hasher.hash(PASSWORD)));
        assertTrue(hasher.needsRehash(REFERENCE_OTHER_COST));
        assertTrue(hasher.needsRehash("not a hash"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "password",
        "$argon2i$v=19$m=19456,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=16$m=19456,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=19$t=2,m=19456,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=19$m=19456,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA",
        "$argon2id$v=19$m=19456,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM$",
        "$argon2id$v=19$m=19456,t=2,p=1$$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=19$m=19456,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQ!WJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=19$m=19456,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM0",
        "$argon2id$v=19$m=19456,t=0,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=19$m=19456,t=2,p=0$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=19$m=4,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=19$m=99999999,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM",
        "$argon2id$v=19$m=19456,t=2,p=1$cG9ydGFsLXRlc3Qtc2FsdA$zAPy5jrQPWJFFmy+EzL7ymPbowzTBG/grWrb7Sim5mM\n"
    })
    void aMalformedHashDoesNotMatchAndDoesNotThrow(String malformed) {
        assertFalse(hasher.matches(PASSWORD, malformed));
    }

    @Test
    void aNullPasswordDoesNotMatch() {
        assertFalse(hasher.matches(null, REFERENCE_OWASP));
    }

    @Test
    void unsafeCostsAreRefusedWhenConfigured() {
        assertThrows(IllegalArgumentException.class, () -> new Cost(7, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Cost(19456, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Cost(19456, 2, 0));
    }
}
