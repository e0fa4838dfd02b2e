package uk.gov.inspectorates.portal.core.document;

import java.io.InputStream;
import java.util.Objects;

/** A file as it arrives: the name the sender gave it and its bytes, not yet read. */
public record IncomingDocument(String declaredName, InputStream content) {
    public IncomingDocument {
        Objects.requireNonNull(content, "content");
        declaredName = declaredName == null ? "" : declaredName.strip();
    }
}
