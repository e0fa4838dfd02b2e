package uk.gov.inspectorates.portal.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * Keeps content that arrives in parts (resumable uploads) encrypted at rest, exactly like {@link DocumentStore}:
 * each part is encrypted as it arrives, under the content's own data key, and the assembled object is one envelope.
 */
@PersistencePort
public interface PartedDocuments {

    /** Starts content of {@code length} plaintext bytes in parts of {@code partSize} under the scope's key. */
    PartedContent startParts(KeyScope scope, long length, int partSize) throws IOException;

    /**
     * Encrypts and stores part {@code number}: {@code plaintext} must hold exactly
     * {@link PartedContent#partLength(int)} bytes. Returns the stored part's tag, needed to assemble.
     */
    String storePart(PartedContent content, int number, byte[] plaintext) throws IOException;

    /** Assembles the parts (tags in part order) into the stored object. */
    void assemble(PartedContent content, List<String> tags) throws IOException;

    /** The plaintext of assembled content, authenticated segment by segment as it is read. */
    InputStream open(PartedContent content) throws IOException;

    /** Removes the content, whether still in parts or assembled; removing what is gone is not an error. */
    void discard(PartedContent content) throws IOException;
}
