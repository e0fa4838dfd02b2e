package uk.gov.inspectorates.portal.security.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import uk.gov.inspectorates.portal.core.document.ContentTypeDetector;

/**
 * Detects the media type with Apache Tika from the first bytes of the content only.
 *
 * <p>The declared name is deliberately <em>not</em> given to Tika. Tika lets the name win whenever the bytes are
 * not recognised: random bytes or an empty file named {@code x.pdf} come back as {@code application/pdf}, a plain
 * ZIP named {@code x.docx} as DOCX. Intake checks the name against the detected type separately.
 *
 * <p>A password-protected Word, Excel or PowerPoint document (an OLE2 container holding {@code EncryptionInfo} and
 * {@code EncryptedPackage}) is reported as {@link ContentTypeDetector#PASSWORD_PROTECTED_OOXML}, as Tika's container
 * detector would; other OLE2 files stay {@code application/x-tika-msoffice}.
 *
 * <p>Text whose declared name ends {@code .csv} is {@code text/csv}: CSV cannot be told from other text by its
 * bytes, and both are inert text.
 *
 * <p>Not guaranteed: data appended after a recognised format (a PDF or PNG polyglot) is not seen; OOXML
 * documents are reported as {@code application/x-tika-ooxml} or {@code application/zip}, not by sub-type.
 */
public final class TikaContentTypeDetector implements ContentTypeDetector {

    /** Tika's longest magic offset (MimeTypes' minimum length); no more is read. */
    static final int PREFIX_BYTES = 64 * 1024;

    private final Detector detector;

    public TikaContentTypeDetector() {
        this(TikaConfig.getDefaultConfig().getDetector());
    }

    TikaContentTypeDetector(Detector detector) {
        this.detector = detector;
    }

    @Override
    public String detect(InputStream content, String declaredName) throws IOException {
        if (!content.markSupported()) {
            throw new IllegalArgumentException("detection needs a stream that supports mark/reset");
        }
        content.mark(PREFIX_BYTES);
        byte[] prefix = content.readNBytes(PREFIX_BYTES);
        content.reset();
        // tika-core alone calls every OLE2 container application/x-tika-msoffice; telling a protected OOXML one
        // apart takes its directory, which Tika reads only with its (POI-based) parser modules
        if (Ole2Directory.isPasswordProtectedOoxml(prefix, prefix.length)) {
            return PASSWORD_PROTECTED_OOXML;
        }
        String detected = detector.detect(new ByteArrayInputStream(prefix), new Metadata()).getBaseType().toString();
        return TEXT.equals(detected) && isCsvName(declaredName) ? CSV : detected;
    }

    private static final String TEXT = "text/plain";
    private static final String CSV = "text/csv";

    /**
     * CSV has no magic bytes: Tika calls it text. Text named {@code .csv} is CSV; anything that is not text stays
     * what it is, whatever its name, so the name only tells one kind of text from another.
     */
    private static boolean isCsvName(String declaredName) {
        return declaredName != null && declaredName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }
}
