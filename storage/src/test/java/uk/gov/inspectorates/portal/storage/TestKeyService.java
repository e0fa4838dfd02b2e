package uk.gov.inspectorates.portal.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/** An in-memory AES-GCM key service for storage tests (the BCFKS one lives in the security module). */
final class TestKeyService implements KeyService {

    private final SecretKeySpec master;
    private final SecureRandom random = new SecureRandom();

    TestKeyService() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        master = new SecretKeySpec(key, "AES");
    }

    @Override
    public WrappedKey wrap(KeyScope scope, byte[] dataKey, String objectId) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(objectId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(dataKey);
            return new WrappedKey("test-master",
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] unwrap(KeyScope scope, WrappedKey wrappedKey, String objectId) {
        byte[] bytes = wrappedKey.ciphertext();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, Arrays.copyOf(bytes, 12)));
            cipher.updateAAD(objectId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, 12, bytes.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap data key", e);
        }
    }

    @Override
    public boolean destroyScope(KeyScope scope) {
        throw new UnsupportedOperationException("see JdbcKeyServiceTest for destroying scopes");
    }
}
