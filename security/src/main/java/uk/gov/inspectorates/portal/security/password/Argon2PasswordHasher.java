package uk.gov.inspectorates.portal.security.password;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.PasswordConverter;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;

/**
 * Argon2id password hashes in the PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}.
 * Verification takes the cost parameters from the stored string, so the parameters of new hashes can be raised
 * without invalidating existing ones.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    /** OWASP's first recommended Argon2id configuration: 19 MiB, 2 iterations, 1 lane. */
    public static final Cost OWASP_MINIMUM = new Cost(19 * 1024, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** Bounds on what a stored hash may ask for, so that a corrupted or planted string cannot exhaust memory. */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,256})");

    /** Argon2 cost parameters: memory in KiB, iterations (passes), parallelism (lanes). */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public Cost {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                    || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("unsupported Argon2 cost: m=" + memoryKiB + ", t=" + iterations
                        + ", p=" + parallelism);
            }
        }
    }

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();

    public Argon2PasswordHasher() {
        this(OWASP_MINIMUM);
    }

    public Argon2PasswordHasher(Cost cost) {
        this.cost = cost;
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(password, salt, cost, HASH_BYTES);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public boolean matches(char[] password, String encoded) {
        Optional<Stored> stored = parse(encoded);
        if (stored.isEmpty() || password == null) {
            return false;
        }
        byte[] expected = stored.get().hash();
        byte[] actual = argon2id(password, stored.get().salt(), stored.get().cost(), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** True when the hash was made with other cost parameters than this hasher's, or cannot be read. */
    public boolean needsRehash(String encoded) {
        return parse(encoded).map(stored -> !stored.cost().equals(cost)).orElse(true);
    }

    private record Stored(Cost cost, byte[] salt, byte[] hash) {
    }

    private static Optional<Stored> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher phc = PHC.matcher(encoded);
        if (!phc.matches()) {
            return Optional.empty();
        }
        try {
            Cost cost = new Cost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                    Integer.parseInt(phc.group(3)));
            Base64.Decoder base64 = Base64.getDecoder();
            return Optional.of(new Stored(cost, base64.decode(phc.group(4)), base64.decode(phc.group(5))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static byte[] argon2id(char[] password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] passwordBytes = PasswordConverter.UTF8.convert(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return out;
    }
}
