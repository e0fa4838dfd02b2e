package uk.gov.inspectorates.portal.core.testdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.WrappedKey;

/** No real cryptography: remembers destroyed scopes and refuses to unwrap for them, as the real service does. */
public final class FakeKeyService implements KeyService {

    private final Set<KeyScope> destroyed = new HashSet<>();
    private final List<String> log;
    private RuntimeException failOnDestroy;

    public FakeKeyService() {
        this(new ArrayList<>());
    }

    /** Appends "kek-destroyed:&lt;scope&gt;" to the shared log when a scope is destroyed. */
    public FakeKeyService(List<String> log) {
        this.log = log;
    }

    public void failOnDestroy(RuntimeException failure) {
        this.failOnDestroy = failure;
    }

    @Override
    public WrappedKey wrap(KeyScope scope, byte[] dataKey, String objectId) {
        if (destroyed.contains(scope)) {
            throw new IllegalStateException("scope destroyed: " + scope);
        }
        return new WrappedKey("kek-" + scope, dataKey);
    }

    @Override
    public byte[] unwrap(KeyScope scope, WrappedKey wrappedKey, String objectId) {
        if (destroyed.contains(scope)) {
            throw new IllegalStateException("scope destroyed: " + scope);
        }
        return wrappedKey.ciphertext();
    }

    @Override
    public boolean destroyScope(KeyScope scope) {
        if (failOnDestroy != null) {
            throw failOnDestroy;
        }
        log.add("kek-destroyed:" + scope);
        return destroyed.add(scope);
    }

    public boolean isDestroyed(KeyScope scope) {
        return destroyed.contains(scope);
    }
}
