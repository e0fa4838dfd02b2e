package uk.gov.inspectorates.portal.core.account;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 4648 base 32, as authenticator apps expect TOTP secrets: encoded without padding, decoded with or without. */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Case-insensitive; trailing '=' padding is ignored. Throws IllegalArgumentException on anything else. */
    public static byte[] decode(String text) {
        String digits = text.toUpperCase(Locale.ROOT).replaceFirst("=+$", "");
        int remainder = digits.length() % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("not base 32: impossible length " + digits.length());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < digits.length(); i++) {
            int value = ALPHABET.indexOf(digits.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not base 32: character at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
