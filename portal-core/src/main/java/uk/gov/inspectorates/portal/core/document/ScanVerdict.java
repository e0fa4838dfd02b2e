package uk.gov.inspectorates.portal.core.document;

import java.util.Objects;
import java.util.Optional;

/**
 * What the scanner said of a whole file: clean, or a finding with the scanner's signature name. A finding is
 * malware, or a file the scanner could not check: encrypted (password-protected), or too complex (nested or
 * expanding beyond the scanner's limits). Every finding is a refusal, except {@link Finding#TIMED_OUT}: the
 * scanner ran out of wall-clock time, which says how busy the machine was, not what the file is (docs/adr/0036);
 * intake scans such a file once more and otherwise answers busy, never "too complex". The scanner adapter decides
 * which finding a signature is.
 */
public record ScanVerdict(Finding finding, Optional<String> signature) {

    public enum Finding { CLEAN, MALWARE, ENCRYPTED, TOO_COMPLEX, TIMED_OUT }

    public static final ScanVerdict CLEAN = new ScanVerdict(Finding.CLEAN, Optional.empty());

    public ScanVerdict {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(signature, "signature");
        if ((finding == Finding.CLEAN) != signature.isEmpty()) {
            throw new IllegalArgumentException("a finding, and only a finding, names its signature");
        }
    }

    /** Malware, named by its signature. */
    public static ScanVerdict infected(String signature) {
        return found(Finding.MALWARE, signature);
    }

    /** A finding other than clean, named by the scanner's signature (e.g. {@code Heuristics.Encrypted.PDF}). */
    public static ScanVerdict found(Finding finding, String signature) {
        if (finding == null || finding == Finding.CLEAN) {
            throw new IllegalArgumentException("not a finding: " + finding);
        }
        if (signature == null || signature.isBlank()) {
            throw new IllegalArgumentException("a finding names its signature");
        }
        return new ScanVerdict(finding, Optional.of(signature.strip()));
    }

    public boolean clean() {
        return finding == Finding.CLEAN;
    }

    /** Whether the scanner ran out of time: no verdict on the file either way. */
    public boolean timedOut() {
        return finding == Finding.TIMED_OUT;
    }

    /** Whether the finding is malware (not merely a file that could not be checked). */
    public boolean infected() {
        return finding == Finding.MALWARE;
    }
}
