package uk.gov.inspectorates.portal.core.document;

import java.util.Objects;

/**
 * What a key-encryption key protects: every object of one report (with its letters) or of one JTAI inspection.
 * Destroying the scope's key makes all of them unreadable at once (crypto-shredding).
 */
public record KeyScope(Kind kind, String id) {

    public enum Kind { REPORT, INSPECTION }

    public KeyScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a key scope needs a non-blank id without NUL characters");
        }
    }

    public static KeyScope report(String reportId) {
        return new KeyScope(Kind.REPORT, reportId);
    }

    public static KeyScope inspection(String inspectionId) {
        return new KeyScope(Kind.INSPECTION, inspectionId);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
