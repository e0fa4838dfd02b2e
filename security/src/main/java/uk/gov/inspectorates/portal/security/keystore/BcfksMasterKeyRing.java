package uk.gov.inspectorates.portal.security.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/**
 * The master keys, AES-256, held in a Bouncy Castle BCFKS keystore file under aliases {@code master-<8 hex>}. They
 * wrap key-encryption keys only (never data keys or documents). A wrapped key is {@code nonce (12 bytes) || AES-GCM
 * ciphertext and tag} (the JDK's AES-GCM), with caller-given associated data; its wrapping key id is the alias.
 *
 * <p>The keystore may hold several master keys: the newest (by the keystore's creation date) is current and wraps
 * new keys; older ones only unwrap, until master-key rotation has re-wrapped everything under the current one and
 * they are removed ({@link #removeMasterKey}). Rotation adds a key with {@link #addMasterKey}, possibly from another
 * process (the rotation command): a running portal re-reads the file when it changes, so it starts wrapping under the
 * new key and can unwrap what the rotation re-wrapped. Every write replaces the file atomically and owner-only.
 */
public final class BcfksMasterKeyRing implements MasterKeyRing {

    static final String ALIAS_PREFIX = "master-";
    private static final String KEYSTORE_TYPE = "BCFKS";
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            Collections.unmodifiableSet(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = Collections.unmodifiableSet(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    /** The keys as last read from the file; replaced whole, never changed in place. */
    private record Keys(Map<String, SecretKey> byAlias, String current, FileTime modified, long size) {
    }

    private final Path keystore;
    private final char[] password;
    private final SecureRandom random = new SecureRandom();
    private volatile Keys keys;

    private BcfksMasterKeyRing(Path keystore, char[] password, Keys keys) {
        this.keystore = keystore;
        this.password = password.clone();
        this.keys = keys;
    }

    /**
     * Opens the keystore, or creates it with a new master key when it is missing and {@code createIfMissing}.
     * A created file is owner read/write only (parent directories it creates: owner only); an existing file that
     * group or others can access is refused.
     */
    public static BcfksMasterKeyRing openOrCreate(Path keystore, char[] password, boolean createIfMissing)
            throws IOException {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("a keystore password is required");
        }
        if (!Files.exists(keystore)) {
            if (!createIfMissing) {
                throw new NoSuchFileException(keystore.toString(), null,
                        "master keystore not found (and creating one was not allowed)");
            }
            create(keystore, password);
        }
        return new BcfksMasterKeyRing(keystore, password, read(keystore, password));
    }

    /** The alias of the current master key (same as {@link #currentAlias()}). */
    public String masterKeyAlias() {
        return currentAlias();
    }

    @Override
    public String currentAlias() {
        return fresh().current();
    }

    @Override
    public Set<String> aliases() {
        return Set.copyOf(fresh().byAlias().keySet());
    }

    @Override
    public WrappedKey wrap(byte[] key, byte[] associatedData) {
        Keys now = fresh();
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, now.byAlias().get(now.current()), nonce, associatedData);
            byte[] sealed = cipher.doFinal(key);
            return new WrappedKey(now.current(),
                    ByteBuffer.allocate(NONCE_LENGTH + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping under the master key failed", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) {
        SecretKey master = keys.byAlias().get(wrapped.wrappingKeyId());
        if (master == null) {
            master = fresh().byAlias().get(wrapped.wrappingKeyId());
        }
        if (master == null) {
            throw new IllegalStateException("key is wrapped under master key " + wrapped.wrappingKeyId()
                    + ", which the keystore does not hold");
        }
        byte[] bytes = wrapped.ciphertext();
        if (bytes.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IllegalStateException("wrapped key is too short");
        }
        try {
            Cipher cipher = gcm(Cipher.DECRYPT_MODE, master, Arrays.copyOf(bytes, NONCE_LENGTH), associatedData);
            return cipher.doFinal(bytes, NONCE_LENGTH, bytes.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("key does not unwrap under master key " + wrapped.wrappingKeyId()
                    + " (tampered, or wrapped for something else)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrapping under the master key failed", e);
        }
    }

    /**
     * Generates a new master key into the keystore file, which becomes current (for this process at once, for
     * others when they notice the file changed). Run one rotation at a time.
     *
     * @return the new key's alias
     */
    public synchronized String addMasterKey() throws IOException {
        KeyStore store = load(keystore, password);
        Date newest = newestCreationDate(store);
        // "current" is the newest by creation date, which the keystore may keep to the second only: make sure the
        // new key's date falls in a later second, or a tie would leave the choice to the aliases
        while (newest != null && System.currentTimeMillis() / 1000 <= newest.getTime() / 1000) {
            sleepBriefly();
        }
        String alias;
        try {
            alias = newAlias(store);
            store.setEntry(alias, new KeyStore.SecretKeyEntry(generate()), new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot add a master key to " + keystore + ": " + e.getMessage(), e);
        }
        keys = keysOf(keystore, store, password, replace(keystore, store, password));
        if (!alias.equals(keys.current())) {
            throw new IOException("the new master key " + alias + " did not become current (" + keys.current()
                    + "): check the clock");
        }
        return alias;
    }

    /**
     * Removes an old master key from the keystore file. The caller makes sure that nothing is wrapped under it any
     * more; the current key cannot be removed.
     */
    public synchronized void removeMasterKey(String alias) throws IOException {
        KeyStore store = load(keystore, password);
        Keys now = keysOf(keystore, store, password, Files.getLastModifiedTime(keystore));
        if (alias.equals(now.current())) {
            throw new IllegalArgumentException(alias + " is the current master key and cannot be removed");
        }
        if (!now.byAlias().containsKey(alias)) {
            throw new IllegalArgumentException("the keystore holds no master key " + alias);
        }
        try {
            store.deleteEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot remove " + alias + " from " + keystore + ": " + e.getMessage(), e);
        }
        keys = keysOf(keystore, store, password, replace(keystore, store, password));
    }

    // The JDK's AES-GCM for wrapping too (Bouncy Castle is used for the keystore format only).
    private static Cipher gcm(int mode, SecretKey key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }

    /** The keys, re-read if the file changed since (a rotation from another process added or removed one). */
    private Keys fresh() {
        Keys known = keys;
        try {
            if (!Files.getLastModifiedTime(keystore).equals(known.modified()) || Files.size(keystore) != known.size()) {
                synchronized (this) {
                    keys = read(keystore, password);
                    return keys;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the master keystore changed and could not be re-read", e);
        }
        return known;
    }

    private static Keys read(Path keystore, char[] password) throws IOException {
        FileTime modified = Files.getLastModifiedTime(keystore);
        return keysOf(keystore, load(keystore, password), password, modified);
    }

    /** The master keys of a loaded keystore; {@code modified} is the file's time from before it was read. */
    private static Keys keysOf(Path keystore, KeyStore store, char[] password, FileTime modified) throws IOException {
        long size = Files.size(keystore);
        try {
            Map<String, SecretKey> byAlias = new LinkedHashMap<>();
            String current = null;
            Date currentDate = null;
            for (String alias : Collections.list(store.aliases())) {
                if (!alias.startsWith(ALIAS_PREFIX) || !store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                if (!(key instanceof SecretKey) || key.getEncoded() == null || key.getEncoded().length != 32) {
                    throw new IOException("entry " + alias + " in " + keystore + " is not an AES-256 key");
                }
                byAlias.put(alias, new SecretKeySpec(key.getEncoded(), "AES"));
                Date created = store.getCreationDate(alias);
                if (current == null || created.after(currentDate)
                        || (created.equals(currentDate) && alias.compareTo(current) > 0)) {
                    current = alias;
                    currentDate = created;
                }
            }
            if (current == null) {
                throw new IOException("master keystore " + keystore + " holds no " + ALIAS_PREFIX + "* key");
            }
            return new Keys(Map.copyOf(byAlias), current, modified, size);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the master keys from " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path keystore, char[] password) throws IOException {
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
        return store;
    }

    private static void create(Path keystore, char[] password) throws IOException {
        Path parent = keystore.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        try {
            KeyStore store = newKeyStore();
            store.load(null, null);
            store.setEntry(newAlias(store), new KeyStore.SecretKeyEntry(generate()),
                    new KeyStore.PasswordProtection(password));
            // Created empty with owner-only permissions first, so the key material is never in a readable file.
            Files.createFile(keystore, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            try (OutputStream out = Files.newOutputStream(keystore, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                store.store(out, password);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                Files.deleteIfExists(keystore);
                throw e;
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create master keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes an owner-only sibling file, syncs it, then moves it over the keystore atomically.
     *
     * @return the modification time of the written file
     */
    private static FileTime replace(Path keystore, KeyStore store, char[] password) throws IOException {
        Path parent = keystore.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, ".master-keystore-", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                store.store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write master keystore: " + e.getMessage(), e);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            FileTime written = Files.getLastModifiedTime(temporary);
            Files.move(temporary, keystore, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Date newestCreationDate(KeyStore store) throws IOException {
        try {
            Date newest = null;
            for (String alias : Collections.list(store.aliases())) {
                Date created = store.getCreationDate(alias);
                if (alias.startsWith(ALIAS_PREFIX) && (newest == null || created.after(newest))) {
                    newest = created;
                }
            }
            return newest;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String newAlias(KeyStore store) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] id = new byte[4];
            random.nextBytes(id);
            String alias = ALIAS_PREFIX + HexFormat.of().formatHex(id);
            if (!store.containsAlias(alias)) {
                return alias;
            }
        }
    }

    private static SecretKey generate() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, new SecureRandom());
        return generator.generateKey();
    }

    private static void sleepBriefly() throws IOException {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
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
