package uk.gov.inspectorates.portal.core.testdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.shared.Ids;

/** Keeps plaintext in memory; like the real store, keeps nothing when reading the plaintext fails. */
public final class FakeDocumentStore implements DocumentStore {

    private final Map<String, byte[]> objects = new HashMap<>();
    private final List<IOException> readFailures = new ArrayList<>();
    private int storeCalls;

    @Override
    public StoredContent store(KeyScope scope, InputStream plaintext) throws IOException {
        storeCalls++;
        byte[] bytes;
        try {
            bytes = plaintext.readAllBytes();
        } catch (IOException e) {
            readFailures.add(e);
            throw e;
        }
        String key = Ids.newId();
        objects.put(key, bytes);
        return new StoredContent(scope, key, new WrappedKey("fake-kek", new byte[] {7}), bytes.length, bytes.length,
                "fake-sha256");
    }

    @Override
    public InputStream open(StoredContent content) throws IOException {
        byte[] bytes = objects.get(content.objectKey());
        if (bytes == null) {
            throw new IOException("no such object: " + content.objectKey());
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void delete(StoredContent content) {
        objects.remove(content.objectKey());
    }

    public Map<String, byte[]> objects() {
        return objects;
    }

    public byte[] bytesOf(StoredContent content) {
        return objects.get(content.objectKey());
    }

    public List<IOException> readFailures() {
        return readFailures;
    }

    public int storeCalls() {
        return storeCalls;
    }
}
