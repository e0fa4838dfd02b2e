package uk.gov.inspectorates.portal.security.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/**
 * Wraps data keys under one AES-256 master key held in a Bouncy Castle BCFKS keystore file. A wrapped key is
 * {@code nonce (12 bytes) || AES-GCM ciphertext and tag}, with the object id as associated data, so it only
 * unwraps for the object it was made for. The wrapping key id is the master key's alias.
 */
public final class BcfksKeyService implements KeyService {

    static final String ALIAS_PREFIX = "master-";
    private static final String KEYSTORE_TYPE = "BCFKS";
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            Collections.unmodifiableSet(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = Collections.unmodifiableSet(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private final String alias;
    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();

    private BcfksKeyService(String alias, SecretKey masterKey) {
        this.alias = alias;
        this.masterKey = masterKey;
    }

    /**
     * Opens the keystore, or creates it with a new master key when it is missing and {@code createIfMissing}.
     * A created file is owner read/write only (parent directories it creates: owner only); an existing file that
     * group or others can access is refused.
     */
    public static BcfksKeyService openOrCreate(Path keystore, char[] password, boolean createIfMissing)
            throws IOException {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("a keystore password is required");
        }
        if (Files.exists(keystore)) {
            return open(keystore, password);
        }
        if (!createIfMissing) {
            throw new NoSuchFileException(keystore.toString(), null,
                    "master keystore not found (and creating one was not allowed)");
        }
        return create(keystore, password);
    }

    public String masterKeyAlias() {
        return alias;
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, String objectId) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, nonce, objectId);
            byte[] sealed = cipher.doFinal(dataKey);
            return new WrappedKey(alias, ByteBuffer.allocate(NONCE_LENGTH + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a data key failed", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrappedKey, String objectId) {
        if (!alias.equals(wrappedKey.wrappingKeyId())) {
            throw new IllegalStateException("data key is wrapped under " + wrappedKey.wrappingKeyId()
                    + ", not under this keystore's master key " + alias);
        }
        byte[] bytes = wrappedKey.ciphertext();
        if (bytes.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IllegalStateException("wrapped data key is too short");
        }
        try {
            Cipher cipher = gcm(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_LENGTH), objectId);
            return cipher.doFinal(bytes, NONCE_LENGTH, bytes.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("data key does not unwrap for object " + objectId
                    + " (tampered, or wrapped for another object)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrapping a data key failed", e);
        }
    }

    // The JDK's AES-GCM for wrapping too (Bouncy Castle is used for the keystore format only).
    private Cipher gcm(int mode, byte[] nonce, String objectId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        cipher.init(mode, masterKey, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(objectId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static BcfksKeyService open(Path keystore, char[] password) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keystore);
        if (!OWNER_READ_WRITE.containsAll(permissions)) {
            throw new IOException("refusing to use master keystore " + keystore + ": its permissions "
                    + PosixFilePermissions.toString(permissions) + " let others read it; make it rw-------");
        }
        KeyStore store = newKeyStore();
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("cannot open master keystore " + keystore
                    + ": wrong password or damaged file (" + e.getMessage() + ")", e);
        }
        try {
            List<String> masters = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (alias.startsWith(ALIAS_PREFIX) && store.isKeyEntry(alias)) {
                    masters.add(alias);
                }
            }
            if (masters.size() != 1) {
                throw new IOException("master keystore " + keystore + " must hold exactly one " + ALIAS_PREFIX
                        + "* key, found " + masters);
            }
            Key key = store.getKey(masters.get(0), password);
            if (!(key instanceof SecretKey) || key.getEncoded() == null || key.getEncoded().length != 32) {
                throw new IOException("entry " + masters.get(0) + " in " + keystore + " is not an AES-256 key");
            }
            return new BcfksKeyService(masters.get(0), new SecretKeySpec(key.getEncoded(), "AES"));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the master key from " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static BcfksKeyService create(Path keystore, char[] password) throws IOException {
        Path parent = keystore.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[4];
        random.nextBytes(id);
        String alias = ALIAS_PREFIX + HexFormat.of().formatHex(id);
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            KeyStore store = newKeyStore();
            store.load(null, null);
            store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            // Created empty with owner-only permissions first, so the key material is never in a readable file.
            Files.createFile(keystore, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            try (OutputStream out = Files.newOutputStream(keystore, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                store.store(out, password);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                Files.deleteIfExists(keystore);
                throw e;
            }
            return new BcfksKeyService(alias, new SecretKeySpec(key.getEncoded(), "AES"));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create master keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore newKeyStore() throws IOException {
        try {
            return KeyStore.getInstance(KEYSTORE_TYPE, new BouncyCastleProvider());
        } catch (GeneralSecurityException e) {
            throw new IOException("the Bouncy Castle " + KEYSTORE_TYPE + " keystore type is not available", e);
        }
    }
}
