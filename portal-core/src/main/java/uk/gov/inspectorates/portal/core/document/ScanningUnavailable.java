package uk.gov.inspectorates.portal.core.document;

/**
 * The malware scanner could not give a verdict (not reachable, connection lost or timed out mid-stream, an error
 * reply). The upload is refused and nothing of it is kept: a file is never accepted unscanned.
 */
public class ScanningUnavailable extends RuntimeException {

    public ScanningUnavailable(String message) {
        super(message);
    }

    public ScanningUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
