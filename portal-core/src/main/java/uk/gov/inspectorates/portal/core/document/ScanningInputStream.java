package uk.gov.inspectorates.portal.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Tees what is read into a scan session, so that the bytes flowing to encryption and storage are scanned in the
 * same pass (no copy, no temp file). A scanner failure fails the read with {@link ScanFailed}, which storage
 * treats like any failed read: the upload is aborted and nothing is left stored.
 */
final class ScanningInputStream {

    /** A read failed because the scanner did; carries the {@link ScanningUnavailable}. */
    static final class ScanFailed extends IOException {
        ScanFailed(ScanningUnavailable cause) {
            super("malware scanning failed mid-stream", cause);
        }

        ScanningUnavailable unavailable() {
            return (ScanningUnavailable) getCause();
        }
    }

    private ScanningInputStream() {
    }

    /** The stream, every byte of which (skipped ones included) the session sees once, in order. */
    static InputStream of(InputStream in, ContentScanner.ScanSession session) {
        return new TeeInputStream(in, List.of((bytes, offset, length) -> {
            try {
                session.feed(bytes, offset, length);
            } catch (ScanningUnavailable e) {
                throw new ScanFailed(e);
            }
        }));
    }
}
