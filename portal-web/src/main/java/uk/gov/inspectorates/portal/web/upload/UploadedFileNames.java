package uk.gov.inspectorates.portal.web.upload;

import java.nio.file.InvalidPathException;
import org.apache.commons.fileupload2.core.FileItemInput;

/** The file name a multipart part declares, exactly as sent: intake normalises it (FileNames), not the parser. */
final class UploadedFileNames {

    private UploadedFileNames() {
    }

    /**
     * commons-fileupload refuses a name holding a NUL with an {@link InvalidPathException} (it checks names as if
     * they were paths on this server), which no caller expected: that was the 503 for one control character. The
     * exception carries the name as sent, which intake then cleans like any other.
     */
    static String declared(FileItemInput part) {
        try {
            return part.getName();
        } catch (InvalidPathException nulInName) {
            return nulInName.getInput();
        }
    }
}
