package uk.gov.inspectorates.portal.storage.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/**
 * The key hierarchy (docs/adr/0006): data key → wrapped by its scope's key-encryption key (KEK) → KEK wrapped by the
 * current master key of the {@link MasterKeyRing}. KEKs live in PostgreSQL ({@code key_encryption_key}) in wrapped
 * form only; a scope's KEK is created on first use (race-safe through the unique scope constraint) and destroyed for
 * crypto-shredding, leaving a tombstone row.
 *
 * <p>Both wrappings are AES-256-GCM (JDK), stored as {@code nonce (12) || ciphertext and tag}. Associated data binds
 * a KEK to its scope and id ({@code "iep-kek-v1" 0 kind 0 scopeId 0 kekId}) and a data key to its KEK and object
 * ({@code "iep-dek-v1" 0 kekId 0 objectId}). Unwrapped KEKs are not cached: each use reads and unwraps the row, so
 * a destroyed scope is unreadable at once in every process.
 */
public final class JdbcKeyService implements KeyService {

    static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    /** Reports stored before the hierarchy (V2) have their data key wrapped directly under a master key. */
    private static final String LEGACY_MASTER_PREFIX = "master-";
    private static final int CREATE_ATTEMPTS = 5;

    private record Kek(String id, byte[] key) {
    }

    private record KekRow(String id, String kind, String scopeId, byte[] wrapped, String masterAlias,
                          Instant destroyedAt) {
    }

    private final Jdbc jdbc;
    private final MasterKeyRing master;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcKeyService(DataSource dataSource, MasterKeyRing master, Clock clock) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
        this.master = Objects.requireNonNull(master, "master");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WrappedKey wrap(KeyScope scope, byte[] dataKey, String objectId) {
        Kek kek = liveKek(scope);
        try {
            return new WrappedKey(kek.id(), seal(kek.key(), dataKey, dekAad(kek.id(), objectId)));
        } finally {
            Arrays.fill(kek.key(), (byte) 0);
        }
    }

    @Override
    public byte[] unwrap(KeyScope scope, WrappedKey wrappedKey, String objectId) {
        if (wrappedKey.wrappingKeyId().startsWith(LEGACY_MASTER_PREFIX)) {
            return master.unwrap(wrappedKey, objectId.getBytes(StandardCharsets.UTF_8));
        }
        KekRow row = find(wrappedKey.wrappingKeyId());
        if (row == null || !row.kind().equals(scope.kind().name()) || !row.scopeId().equals(scope.id())) {
            throw new IllegalStateException("no key-encryption key " + wrappedKey.wrappingKeyId() + " for scope "
                    + scope);
        }
        if (row.destroyedAt() != null) {
            throw new IllegalStateException("the key-encryption key of scope " + scope + " was destroyed at "
                    + row.destroyedAt() + ": its content cannot be decrypted");
        }
        byte[] kek = unwrapKek(row);
        try {
            return open(kek, wrappedKey.ciphertext(), dekAad(row.id(), objectId));
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    @Override
    public boolean destroyScope(KeyScope scope) {
        for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
            Boolean destroyed = jdbc.inTransaction(connection -> {
                List<Boolean> live = Jdbc.query(connection, "select destroyed_at is null as live from key_encryption_key "
                        + "where scope_kind = ? and scope_id = ? for update", row -> row.getBoolean("live"),
                        scope.kind().name(), scope.id());
                if (live.isEmpty()) {
                    // never used: a tombstone still makes sure the scope is never given a key again
                    int inserted = Jdbc.update(connection, "insert into key_encryption_key (kek_id, scope_kind, "
                                    + "scope_id, created_at, destroyed_at) values (?, ?, ?, ?, ?) "
                                    + "on conflict (scope_kind, scope_id) do nothing",
                            newKekId(), scope.kind().name(), scope.id(), Jdbc.timestamp(clock.instant()),
                            Jdbc.timestamp(clock.instant()));
                    return inserted == 1 ? Boolean.FALSE : null;
                }
                if (!live.get(0)) {
                    return Boolean.FALSE;
                }
                // the key material is overwritten in the row (no copy kept); the row stays as a tombstone
                Jdbc.update(connection, "update key_encryption_key set wrapped_kek = null, master_key_alias = null, "
                                + "destroyed_at = ? where scope_kind = ? and scope_id = ?",
                        Jdbc.timestamp(clock.instant()), scope.kind().name(), scope.id());
                return Boolean.TRUE;
            });
            if (destroyed != null) {
                return destroyed;
            }
        }
        throw new IllegalStateException("could not destroy the key-encryption key of " + scope);
    }

    /** The scope's KEK, unwrapped; created (and wrapped under the current master key) on first use. */
    private Kek liveKek(KeyScope scope) {
        for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
            List<KekRow> rows = jdbc.query("select * from key_encryption_key where scope_kind = ? and scope_id = ?",
                    JdbcKeyService::row, scope.kind().name(), scope.id());
            if (!rows.isEmpty()) {
                KekRow row = rows.get(0);
                if (row.destroyedAt() != null) {
                    throw new IllegalStateException("the key scope " + scope + " was destroyed at "
                            + row.destroyedAt() + " and cannot be used again");
                }
                return new Kek(row.id(), unwrapKek(row));
            }
            String kekId = newKekId();
            byte[] kek = new byte[KEY_LENGTH];
            random.nextBytes(kek);
            WrappedKey wrapped = master.wrap(kek, kekAad(scope.kind().name(), scope.id(), kekId));
            // a concurrent first use of the same scope wins or loses on the unique constraint; the loser reads the
            // winner's KEK on the next turn of the loop
            int inserted = jdbc.update("insert into key_encryption_key (kek_id, scope_kind, scope_id, wrapped_kek, "
                            + "master_key_alias, created_at) values (?, ?, ?, ?, ?, ?) "
                            + "on conflict (scope_kind, scope_id) do nothing",
                    kekId, scope.kind().name(), scope.id(), wrapped.ciphertext(), wrapped.wrappingKeyId(),
                    Jdbc.timestamp(clock.instant()));
            if (inserted == 1) {
                return new Kek(kekId, kek);
            }
            Arrays.fill(kek, (byte) 0);
        }
        throw new IllegalStateException("could not create or read the key-encryption key of " + scope);
    }

    private KekRow find(String kekId) {
        return jdbc.query("select * from key_encryption_key where kek_id = ?", JdbcKeyService::row, kekId).stream()
                .findFirst().orElse(null);
    }

    private byte[] unwrapKek(KekRow row) {
        return master.unwrap(new WrappedKey(row.masterAlias(), row.wrapped()),
                kekAad(row.kind(), row.scopeId(), row.id()));
    }

    /** Re-wraps one live KEK row under the ring's current master key (master-key rotation), in the given connection. */
    static boolean rewrap(Connection connection, MasterKeyRing ring, String kekId, String targetAlias, Instant now)
            throws SQLException {
        List<KekRow> rows = Jdbc.query(connection, "select * from key_encryption_key where kek_id = ? "
                + "and destroyed_at is null for update", JdbcKeyService::row, kekId);
        if (rows.isEmpty() || rows.get(0).masterAlias().equals(targetAlias)) {
            return false;
        }
        KekRow row = rows.get(0);
        byte[] aad = kekAad(row.kind(), row.scopeId(), row.id());
        byte[] kek = ring.unwrap(new WrappedKey(row.masterAlias(), row.wrapped()), aad);
        try {
            WrappedKey rewrapped = ring.wrap(kek, aad);
            if (!rewrapped.wrappingKeyId().equals(targetAlias)) {
                throw new IllegalStateException("the current master key changed during rotation (now "
                        + rewrapped.wrappingKeyId() + ", rotating to " + targetAlias + ")");
            }
            Jdbc.update(connection, "update key_encryption_key set wrapped_kek = ?, master_key_alias = ?, "
                    + "rewrapped_at = ? where kek_id = ?", rewrapped.ciphertext(), targetAlias, Jdbc.timestamp(now),
                    kekId);
            return true;
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    static byte[] kekAad(String kind, String scopeId, String kekId) {
        return ("iep-kek-v1\0" + kind + "\0" + scopeId + "\0" + kekId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] dekAad(String kekId, String objectId) {
        return ("iep-dek-v1\0" + kekId + "\0" + objectId).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] seal(byte[] key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, key, nonce, aad);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_LENGTH + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a data key failed", e);
        }
    }

    private static byte[] open(byte[] key, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IllegalStateException("wrapped data key is too short");
        }
        try {
            Cipher cipher = gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, NONCE_LENGTH), aad);
            return cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("data key does not unwrap (tampered, or wrapped for another object or "
                    + "key-encryption key)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrapping a data key failed", e);
        }
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }

    private String newKekId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return "kek-" + HexFormat.of().formatHex(id);
    }

    private static KekRow row(java.sql.ResultSet row) throws SQLException {
        return new KekRow(row.getString("kek_id"), row.getString("scope_kind"), row.getString("scope_id"),
                row.getBytes("wrapped_kek"), row.getString("master_key_alias"), Jdbc.instant(row, "destroyed_at"));
    }
}
