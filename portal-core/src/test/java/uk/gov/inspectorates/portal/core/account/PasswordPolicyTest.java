package uk.gov.inspectorates.portal.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.shared.FieldError;

class PasswordPolicyTest {

    private static final String USERNAME = "jo.bloggs@example.gov.uk";
    private static final String TOO_SHORT = "Your password must be 12 characters or more";
    private static final String TOO_LONG = "Your password must be 256 characters or fewer";
    private static final String TOO_COMMON = "Your password is too common. Choose another";
    private static final String HAS_USERNAME = "Your password must not contain your username";
    private static final String HAS_SERVICE = "Your password must not contain the name of this service";

    private final PasswordPolicy policy = PasswordPolicy.withCommonPasswords();

    private List<String> messages(String password) {
        return policy.check(password, USERNAME).stream().map(FieldError::message).toList();
    }

    @Nested
    class Length {

        @ParameterizedTest
        @NullAndEmptySource
        void asksForAPasswordWhenThereIsNone(String password) {
            assertEquals(List.of(new FieldError("password", "Enter a password")), policy.check(password, USERNAME));
        }

        @Test
        void elevenCharactersAreTooFewAndTwelveAreEnough() {
            assertEquals(List.of(TOO_SHORT), messages("qk7 rmx tw2"));
            assertEquals(List.of(), messages("vqk7 rmx tw2"));
        }

        @Test
        void countsCharactersNotUtf16UnitsSoEmojiAndAccentsCountOnce() {
            assertEquals(List.of(TOO_SHORT), messages("\uD83D\uDC31\uD83D\uDC31\uD83D\uDC31\uD83D\uDC31\uD83D\uDC31"
                    + "\uD83D\uDC31"));
            // e + combining acute is one character once normalised (NFKC composes it to é)
            assertEquals(List.of(TOO_SHORT), messages("cafe\u0301 cafe\u0301 q"));
            assertEquals(List.of(), messages("caf\u00e9 caf\u00e9 qz"));
        }

        @Test
        void acceptsLongPassphrasesUpTo256AndRefusesMore() {
            String longest = "correct horse battery staple ".repeat(9).substring(0, 256);

            assertEquals(List.of(), messages(longest));
            assertEquals(List.of(TOO_LONG), messages(longest + "x"));
        }
    }

    @Nested
    class NoCompositionRules {

        @ParameterizedTest
        @ValueSource(strings = {"purple monkey dishwasher", "zzqxvbnmwpoy", "849302716452", "ДЛИННЫЙ ПАРОЛЬ ДЛЯ",
                "    spaces all round    ", "!\"£$%^&*()_+{}"})
        void anyCharactersInAnyMixAreAllowed(String password) {
            assertEquals(List.of(), messages(password));
        }
    }

    @Nested
    class DenyList {

        @ParameterizedTest
        @ValueSource(strings = {"123456789012", "qwertyuiop123", "passwordpassword", "1q2w3e4r5t6y",
                "iloveyou1234", "PASSWORD1234", "Password1234", "Password123!", "password123!!!", "Qwertyuiop!!",
                "manchesterunited", "Liverpool1892", "ｐａｓｓｗｏｒｄ１２３４"})
        void refusesCommonPasswordsInAnyCaseAndWithDigitsOrSymbolsTackedOn(String password) {
            assertTrue(messages(password).contains(TOO_COMMON), password);
        }

        @Test
        void aShortCommonPasswordFailsOnBothCounts() {
            assertEquals(List.of(TOO_SHORT, TOO_COMMON), messages("password"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234password", "password is not my password", "passwordX1234"})
        void onlyStripsFromTheEndAndOnlyDigitsAndSymbols(String password) {
            assertEquals(List.of(), messages(password));
        }

        @Test
        void comparesWithAnyListIgnoringCase() {
            PasswordPolicy onlyTheList = new PasswordPolicy(Set.of("Ab3dEfgh1234"));

            assertEquals(List.of(TOO_COMMON), onlyTheList.check("aB3DeFGH1234", "x").stream()
                    .map(FieldError::message).toList());
            assertEquals(List.of(), onlyTheList.check("password1234", "x"));
        }
    }

    @Nested
    class GuessableFromContext {

        @ParameterizedTest
        @ValueSource(strings = {"my name is jo.bloggs@example.gov.uk", "JO.BLOGGS rules ok", "xx jo.bloggs xx"})
        void refusesTheUsernameOrItsLocalPartInAnyCase(String password) {
            assertEquals(List.of(HAS_USERNAME), messages(password));
        }

        @Test
        void ignoresUsernamesTooShortToMeanAnything() {
            assertEquals(List.of(), policy.check("a long enough password ok", "ok"));
            assertEquals(List.of(), policy.check("a long enough password ok", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Inspectorates portal 2030", "inspectorates-portal!", "my inspectorate rocks",
                "In-spec-tor-ate 4ever"})
        void refusesTheServicesName(String password) {
            assertEquals(List.of(HAS_SERVICE), messages(password));
        }
    }

    @Test
    void reportsEveryFailureAtOnce() {
        assertEquals(List.of(TOO_SHORT, TOO_COMMON, HAS_USERNAME),
                policy.check("admin123", "admin").stream().map(FieldError::message).toList());
        assertEquals(List.of(HAS_USERNAME, HAS_SERVICE),
                policy.check("jo.bloggs inspectorate", "jo.bloggs").stream().map(FieldError::message).toList());
    }
}
