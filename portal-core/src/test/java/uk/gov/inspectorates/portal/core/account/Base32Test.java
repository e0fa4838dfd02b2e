package uk.gov.inspectorates.portal.core.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    /** RFC 4648 §10, with the padding left off as authenticator apps expect. */
    @ParameterizedTest
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI"})
    void encodesTheRfc4648TestVectorsWithoutPadding(String plain, String encoded) {
        assertEquals(encoded, Base32.encode(plain.getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @CsvSource({"'', ''", "f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=", "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI======", "foobar, MZXW6YTBOI", "foobar, mzxw6ytboi"})
    void decodesTheRfc4648TestVectorsPaddedOrNotInEitherCase(String plain, String encoded) {
        assertEquals(plain, new String(Base32.decode(encoded), StandardCharsets.US_ASCII));
    }

    @Test
    void roundTripsRandomSecretsOfEveryLength() {
        SecureRandom random = new SecureRandom();
        for (int length = 0; length <= 64; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, Base32.decode(Base32.encode(bytes)), "length " + length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW6YT1", "MZXW 6YTB", "MZ-XW6YTB", "M", "MZX", "MZXW6Y"})
    void refusesCharactersOutsideTheAlphabetAndImpossibleLengths(String text) {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode(text));
    }
}
