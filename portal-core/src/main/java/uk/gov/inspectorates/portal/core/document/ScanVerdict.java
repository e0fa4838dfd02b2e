package uk.gov.inspectorates.portal.core.document;

import java.util.Objects;
import java.util.Optional;

/** What the scanner said of a whole file: clean, or infected with a named signature. */
public record ScanVerdict(Optional<String> signature) {

    public static final ScanVerdict CLEAN = new ScanVerdict(Optional.empty());

    public ScanVerdict {
        Objects.requireNonNull(signature, "signature");
    }

    public static ScanVerdict infected(String signature) {
        if (signature == null || signature.isBlank()) {
            throw new IllegalArgumentException("an infected verdict names its signature");
        }
        return new ScanVerdict(Optional.of(signature.strip()));
    }

    public boolean infected() {
        return signature.isPresent();
    }
}
