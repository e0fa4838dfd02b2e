package uk.gov.inspectorates.portal.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.account.Totp.Algorithm;

class TotpTest {

    private static final byte[] SEED_20 = ascii("12345678901234567890");
    private static final byte[] SEED_32 = ascii("12345678901234567890123456789012");
    private static final byte[] SEED_64 = ascii("1234567890123456789012345678901234567890123456789012345678901234");

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:15Z");
    private static final long STEP = Totp.timeStep(NOW);

    private final Totp totp = new Totp();

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Nested
    class TestVectors {

        /** RFC 4226 Appendix D. */
        @ParameterizedTest
        @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922",
                "7, 162583", "8, 399871", "9, 520489"})
        void hotpMatchesRfc4226(long counter, String code) {
            assertEquals(code, totp.hotp(SEED_20, counter));
        }

        /** RFC 6238 Appendix B: 8 digits, each algorithm with its own seed. */
        @ParameterizedTest
        @CsvSource({
                "59,          94287082, 46119246, 90693936",
                "1111111109,  07081804, 68084774, 25091201",
                "1111111111,  14050471, 67062674, 99943326",
                "1234567890,  89005924, 91819424, 93441116",
                "2000000000,  69279037, 90698825, 38618901",
                "20000000000, 65353130, 77737706, 47863826"})
        void totpMatchesRfc6238(long epochSecond, String sha1, String sha256, String sha512) {
            Instant at = Instant.ofEpochSecond(epochSecond);

            assertEquals(sha1, new Totp(Algorithm.SHA1, 8).codeAt(SEED_20, at));
            assertEquals(sha256, new Totp(Algorithm.SHA256, 8).codeAt(SEED_32, at));
            assertEquals(sha512, new Totp(Algorithm.SHA512, 8).codeAt(SEED_64, at));
        }

        @Test
        void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
            Instant at = Instant.ofEpochSecond(1111111109);

            assertEquals("081804", totp.codeAt(SEED_20, at));
        }
    }

    @Nested
    class Verification {

        /** Fixed, so that no run can meet a chance collision between the codes of neighbouring steps. */
        private final byte[] secret = SEED_20;

        private String codeForStep(long step) {
            return totp.hotp(secret, step);
        }

        @Test
        void acceptsTheCurrentCodeAndSaysWhichStepItWas() {
            assertEquals(OptionalLong.of(STEP), totp.verify(secret, codeForStep(STEP), NOW));
        }

        @Test
        void acceptsOneStepOfSkewEitherWay() {
            assertEquals(OptionalLong.of(STEP - 1), totp.verify(secret, codeForStep(STEP - 1), NOW));
            assertEquals(OptionalLong.of(STEP + 1), totp.verify(secret, codeForStep(STEP + 1), NOW));
        }

        @Test
        void refusesTwoStepsOfSkewEitherWay() {
            assertTrue(totp.verify(secret, codeForStep(STEP - 2), NOW).isEmpty());
            assertTrue(totp.verify(secret, codeForStep(STEP + 2), NOW).isEmpty());
        }

        @Test
        void theWindowMovesAtTheStepBoundary() {
            Instant lastSecondOfStep = Instant.ofEpochSecond((STEP + 1) * Totp.STEP_SECONDS - 1);
            Instant firstSecondOfNext = lastSecondOfStep.plusSeconds(1);
            String previous = codeForStep(STEP - 1);

            assertEquals(OptionalLong.of(STEP - 1), totp.verify(secret, previous, lastSecondOfStep));
            assertTrue(totp.verify(secret, previous, firstSecondOfNext).isEmpty());
        }

        @Test
        void refusesAnotherSecretsCode() {
            assertTrue(totp.verify(secret, totp.hotp(SEED_32, STEP), NOW).isEmpty());
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "12345", "1234567", "12345a", " 12345", "12 345", "１２３４５６", "-12345"})
        void refusesCodesThatAreNotSixAsciiDigits(String code) {
            assertTrue(totp.verify(secret, code, NOW).isEmpty());
        }

        @Test
        void refusesASixDigitCodeWhenEightAreExpected() {
            Totp eight = new Totp(Algorithm.SHA1, 8);
            String code = eight.codeAt(secret, NOW);

            assertEquals(OptionalLong.of(STEP), eight.verify(secret, code, NOW));
            assertTrue(eight.verify(secret, code.substring(2), NOW).isEmpty());
        }

        @Test
        void refusesSecretsShorterThan128Bits() {
            assertThrows(IllegalArgumentException.class, () -> totp.verify(new byte[15], "123456", NOW));
        }
    }

    @Nested
    class Replay {

        private final byte[] secret = SEED_20;

        @Test
        void refusesACodeWhoseStepWasAlreadyUsed() {
            String code = totp.hotp(secret, STEP);
            long used = totp.verify(secret, code, NOW, Long.MIN_VALUE).orElseThrow();

            assertTrue(totp.verify(secret, code, NOW, used).isEmpty());
            assertTrue(totp.verify(secret, code, NOW.plusSeconds(Totp.STEP_SECONDS), used).isEmpty());
        }

        @Test
        void refusesAnEarlierStepsCodeOnceALaterOneWasUsed() {
            assertTrue(totp.verify(secret, totp.hotp(secret, STEP - 1), NOW, STEP).isEmpty());
        }

        @Test
        void acceptsTheNextStepsCode() {
            assertEquals(OptionalLong.of(STEP + 1), totp.verify(secret, totp.hotp(secret, STEP + 1), NOW, STEP));
        }
    }

    @Nested
    class Secrets {

        @Test
        void areTwentyRandomBytes() {
            SecureRandom random = new SecureRandom();
            byte[] one = Totp.newSecret(random);
            byte[] two = Totp.newSecret(random);

            assertEquals(20, one.length);
            assertFalse(Arrays.equals(one, two));
        }

        @Test
        void provisioningUriFollowsTheKeyUriFormat() {
            assertEquals("otpauth://totp/Inspectorates%20portal:jo.bloggs%40example.gov.uk"
                            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Inspectorates%20portal"
                            + "&algorithm=SHA1&digits=6&period=30",
                    totp.provisioningUri("jo.bloggs@example.gov.uk", SEED_20));
        }

        @Test
        void provisioningUriEncodesSpacesColonsAndAmpersandsInTheUsername() {
            String uri = totp.provisioningUri("a b:c&d", SEED_20);

            assertTrue(uri.startsWith("otpauth://totp/Inspectorates%20portal:a%20b%3Ac%26d?secret="), uri);
        }
    }
}
