package uk.gov.inspectorates.portal.core.testdata;

import java.io.ByteArrayOutputStream;
import uk.gov.inspectorates.portal.core.document.ContentInspector;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/**
 * Keeps what it is fed and concludes with the detected type, or with the type or refusal a test gives it (the real
 * one, PDFBox and zip based, is tested in the security module).
 */
public final class FakeContentInspector implements ContentInspector {

    private String concludedType;
    private UploadRejected refusal;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private int inspections;

    /** The next inspections conclude with this type instead of the detected one. */
    public FakeContentInspector concluding(String mediaType) {
        this.concludedType = mediaType;
        return this;
    }

    /** The next inspections refuse the file. */
    public FakeContentInspector refusing(UploadRejected rejected) {
        this.refusal = rejected;
        return this;
    }

    @Override
    public Inspection start(String detectedType, long length) {
        inspections++;
        seen.reset();
        return new Inspection() {
            @Override
            public void feed(byte[] bytes, int offset, int length) {
                seen.write(bytes, offset, length);
            }

            @Override
            public String conclude() {
                if (refusal != null) {
                    throw refusal;
                }
                return concludedType != null ? concludedType : detectedType;
            }
        };
    }

    public byte[] lastSeen() {
        return seen.toByteArray();
    }

    public int inspections() {
        return inspections;
    }
}
