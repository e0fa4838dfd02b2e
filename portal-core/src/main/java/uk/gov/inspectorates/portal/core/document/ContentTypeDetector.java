package uk.gov.inspectorates.portal.core.document;

import java.io.IOException;
import java.io.InputStream;

/** Tells what a file is from its bytes (and, only as a hint, its declared name). */
public interface ContentTypeDetector {

    /**
     * What a detector reports for a password-protected Word, Excel or PowerPoint document (OOXML in an encrypted
     * container, MS-OFFCRYPTO), whatever its name says: its real type cannot be seen, nor its content scanned.
     * The name is Apache Tika's.
     */
    String PASSWORD_PROTECTED_OOXML = "application/x-tika-ooxml-protected";

    /**
     * The media type, e.g. {@code application/pdf}. {@code content} supports mark/reset; the detector reads only a
     * bounded prefix and leaves the stream positioned at its start.
     */
    String detect(InputStream content, String declaredName) throws IOException;
}
