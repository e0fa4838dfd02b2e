package uk.gov.inspectorates.portal.core.document;

import java.time.Duration;
import uk.gov.inspectorates.portal.core.shared.Busy;

/**
 * The malware scanner is too busy for this upload just now (503 with Retry-After, docs/adr/0036): its queue is full,
 * or the file's scan ran out of clamd's wall-clock time twice. Nothing of the upload is kept; the file itself was not
 * found wanting.
 */
public final class ScanningBusy extends Busy {

    /** Every place in the scanner's queue was taken for longer than a new upload may wait. */
    public static final String QUEUE_FULL = "scanning.queue-full";
    /** The scan reached clamd's {@code MaxScanTime}, and again when scanned once more from the stored copy. */
    public static final String OUT_OF_TIME = "scanning.out-of-time";

    /** The Retry-After when the scanner did not say (a scan of an assembled resumable upload that timed out). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private ScanningBusy(String rule, Duration retryAfter, String message) {
        super(rule, Scope.PORTAL, retryAfter, message);
    }

    public static ScanningBusy queueFull(Duration retryAfter) {
        return new ScanningBusy(QUEUE_FULL, retryAfter, "The portal is checking many files for viruses just now");
    }

    public static ScanningBusy outOfTime(Duration retryAfter) {
        return new ScanningBusy(OUT_OF_TIME, retryAfter, "The portal was too busy to finish checking your file for"
                + " viruses (your file was not found wanting)");
    }
}
