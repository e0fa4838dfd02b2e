package uk.gov.inspectorates.portal.core.document;

import java.io.IOException;
import java.io.InputStream;

/** Tells what a file is from its bytes (and, only as a hint, its declared name). */
public interface ContentTypeDetector {

    /**
     * The media type, e.g. {@code application/pdf}. {@code content} supports mark/reset; the detector reads only a
     * bounded prefix and leaves the stream positioned at its start.
     */
    String detect(InputStream content, String declaredName) throws IOException;
}
