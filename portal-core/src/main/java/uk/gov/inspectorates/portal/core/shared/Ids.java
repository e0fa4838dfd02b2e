package uk.gov.inspectorates.portal.core.shared;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Opaque, unguessable identifiers: 128 random bits, hex. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
