package uk.gov.inspectorates.portal.core.testdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.PartedContent;
import uk.gov.inspectorates.portal.core.document.PartedDocuments;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.shared.Ids;

/**
 * Keeps plaintext in memory; like the real store, keeps nothing when reading the plaintext fails. Content in parts
 * (resumable uploads) is kept per object key until assembled into one object, as an S3 multipart upload is.
 */
public final class FakeDocumentStore implements DocumentStore, PartedDocuments {

    private record Part(String tag, byte[] bytes) {
    }

    private final Map<String, byte[]> objects = new HashMap<>();
    private final Map<String, Map<Integer, Part>> parts = new HashMap<>();
    private final List<IOException> readFailures = new ArrayList<>();
    private final List<String> log;
    private int storeCalls;
    private int tags;
    private int unclosed;

    public FakeDocumentStore() {
        this(new ArrayList<>());
    }

    /** Appends "object-discarded:&lt;object key&gt;" to the shared log when parted content is discarded. */
    public FakeDocumentStore(List<String> log) {
        this.log = log;
    }

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
        unclosed++;
        return new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    unclosed--;
                }
                super.close();
            }
        };
    }

    /** Contents opened (whole) and not yet closed: a store connection each in the real store. */
    public int unclosedReads() {
        return unclosed;
    }

    @Override
    public void delete(StoredContent content) {
        objects.remove(content.objectKey());
    }

    @Override
    public PartedContent startParts(KeyScope scope, long length, int partSize) {
        String key = Ids.newId();
        parts.put(key, new TreeMap<>());
        return new PartedContent(scope, key, "parts-" + key, new WrappedKey("fake-kek", new byte[] {7}),
                new byte[] {1}, length, partSize, length);
    }

    @Override
    public String storePart(PartedContent content, int number, byte[] plaintext) throws IOException {
        Map<Integer, Part> received = parts.get(content.objectKey());
        if (received == null) {
            throw new IOException("no parts being received under " + content.objectKey());
        }
        if (plaintext.length != content.partLength(number)) {
            throw new IllegalArgumentException("part " + number + " must be " + content.partLength(number) + " bytes");
        }
        String tag = "tag-" + number + "-" + ++tags;
        // a copy: the caller wipes its buffer once the part is stored
        received.put(number, new Part(tag, plaintext.clone()));
        return tag;
    }

    /** Like S3: every part must be there under the tag given, or the object is not made. */
    @Override
    public void assemble(PartedContent content, List<String> partTags) throws IOException {
        Map<Integer, Part> received = parts.get(content.objectKey());
        if (received == null) {
            throw new IOException("no parts being received under " + content.objectKey());
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (int number = 1; number <= content.partCount(); number++) {
            Part part = received.get(number);
            if (part == null || partTags.size() < number || !part.tag().equals(partTags.get(number - 1))) {
                throw new IOException("part " + number + " is missing or its tag does not match");
            }
            whole.write(part.bytes());
        }
        if (partTags.size() != content.partCount()) {
            throw new IOException(partTags.size() + " tags for " + content.partCount() + " parts");
        }
        parts.remove(content.objectKey());
        objects.put(content.objectKey(), whole.toByteArray());
    }

    @Override
    public InputStream open(PartedContent content) throws IOException {
        byte[] bytes = objects.get(content.objectKey());
        if (bytes == null) {
            throw new IOException("not assembled: " + content.objectKey());
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void discard(PartedContent content) {
        log.add("object-discarded:" + content.objectKey());
        parts.remove(content.objectKey());
        objects.remove(content.objectKey());
    }

    /** The parts received so far (number to plaintext), or null when there are none being received. */
    public Map<Integer, byte[]> partsOf(PartedContent content) {
        Map<Integer, Part> received = parts.get(content.objectKey());
        if (received == null) {
            return null;
        }
        Map<Integer, byte[]> copy = new TreeMap<>();
        received.forEach((number, part) -> copy.put(number, part.bytes().clone()));
        return copy;
    }

    /** Object keys of content still in parts, not yet assembled or discarded. */
    public Set<String> inParts() {
        return parts.keySet();
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
