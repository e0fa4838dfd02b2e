package uk.gov.inspectorates.portal.core.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import uk.gov.inspectorates.portal.core.document.ContentTypeDetector;

/**
 * Detects PDF and PNG by their magic bytes, a zip as an Office package (tika-core's
 * {@code application/x-tika-ooxml}), an OLE2 container as a password-protected OOXML document (the only kind
 * the tests need), anything else as text/plain; ignores the name. Keeps the contract of
 * the port (bounded read, stream left at its start) and records the prefix it saw.
 */
public final class FakeContentTypeDetector implements ContentTypeDetector {

    private static final int PREFIX = 8;
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    public static final byte[] ZIP = {'P', 'K', 3, 4};
    public static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    private int calls;
    private byte[] lastPrefix;
    private String lastDeclaredName;

    @Override
    public String detect(InputStream content, String declaredName) throws IOException {
        calls++;
        lastDeclaredName = declaredName;
        if (!content.markSupported()) {
            throw new IllegalArgumentException("the port promises a stream that supports mark/reset");
        }
        content.mark(PREFIX);
        lastPrefix = content.readNBytes(PREFIX);
        content.reset();
        if (startsWith(lastPrefix, PDF)) {
            return "application/pdf";
        }
        if (startsWith(lastPrefix, ZIP)) {
            return "application/x-tika-ooxml";
        }
        if (startsWith(lastPrefix, OLE2)) {
            return ContentTypeDetector.PASSWORD_PROTECTED_OOXML;
        }
        return startsWith(lastPrefix, PNG) ? "image/png" : "text/plain";
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    public int calls() {
        return calls;
    }

    public byte[] lastPrefix() {
        return lastPrefix;
    }

    public String lastDeclaredName() {
        return lastDeclaredName;
    }
}
