package uk.gov.inspectorates.portal.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;

class RecoveryCodesTest {

    /** Reversible on purpose, so that tests can see exactly what was hashed. */
    static final class FakeHasher implements PasswordHasher {
        int matchesCalls;

        @Override
        public String hash(char[] password) {
            return "fake$" + new String(password);
        }

        @Override
        public boolean matches(char[] password, String hash) {
            matchesCalls++;
            return hash.equals(hash(password));
        }
    }

    private final FakeHasher hasher = new FakeHasher();
    private final RecoveryCodes recoveryCodes = new RecoveryCodes(hasher, new SecureRandom());

    @Test
    void issuesTenDistinctGroupedCodesFromTheUnambiguousAlphabet() {
        RecoveryCodes.Issued issued = recoveryCodes.issue();

        assertEquals(RecoveryCodes.COUNT, issued.codes().size());
        assertEquals(RecoveryCodes.COUNT, new HashSet<>(issued.codes()).size());
        for (String code : issued.codes()) {
            assertTrue(code.matches("[23456789abcdefghjkmnpqrstuvwxyz]{5}-[23456789abcdefghjkmnpqrstuvwxyz]{5}"),
                    code);
        }
    }

    @Test
    void storesOnlyHashesOfTheCodesWithoutTheirDash() {
        RecoveryCodes.Issued issued = recoveryCodes.issue();

        for (int i = 0; i < RecoveryCodes.COUNT; i++) {
            String code = issued.codes().get(i);
            assertEquals("fake$" + code.replace("-", ""), issued.hashes().get(i));
            assertFalse(issued.hashes().get(i).contains(code));
        }
    }

    @Test
    void anIssuedCodeMatchesItsOwnHash() {
        RecoveryCodes.Issued issued = recoveryCodes.issue();

        for (int i = 0; i < RecoveryCodes.COUNT; i++) {
            assertEquals(OptionalInt.of(i), recoveryCodes.match(issued.codes().get(i), issued.hashes()));
        }
    }

    @Test
    void aCodeWorksOnceWhenTheCallerDeletesTheHashItMatched() {
        RecoveryCodes.Issued issued = recoveryCodes.issue();
        List<String> stored = new ArrayList<>(issued.hashes());
        String code = issued.codes().get(3);

        stored.remove(recoveryCodes.match(code, stored).orElseThrow());

        assertTrue(recoveryCodes.match(code, stored).isEmpty());
        assertEquals(RecoveryCodes.COUNT - 1, stored.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcde-fghjk", "ABCDE-FGHJK", "abcdefghjk", " abcde fghjk ", "ab-cd-ef-gh-jk",
            "ABCDE\u2013FGHJK"})
    void toleratesCaseSpacesAndDashes(String entered) {
        List<String> hashes = List.of("fake$2222222222", "fake$abcdefghjk");

        assertEquals(OptionalInt.of(1), recoveryCodes.match(entered, hashes));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abcde-fghj", "abcde-fghjkm", "abcde-fghj0", "abcde_fghjk", "abcde-fghj\u0131"})
    void refusesWhatCannotBeACodeWithoutHashingIt(String entered) {
        assertTrue(recoveryCodes.match(entered, List.of("fake$abcdefghjk")).isEmpty());
        assertEquals(0, hasher.matchesCalls);
    }

    @Test
    void refusesAWellFormedCodeThatWasNotIssued() {
        assertTrue(recoveryCodes.match("zzzzz-zzzzz", List.of("fake$abcdefghjk", "fake$2222222222")).isEmpty());
    }

    @Test
    void skipsHashesAlreadySetToNull() {
        List<String> hashes = new ArrayList<>();
        hashes.add(null);
        hashes.add("fake$abcdefghjk");

        assertEquals(OptionalInt.of(1), recoveryCodes.match("abcde-fghjk", hashes));
    }
}
