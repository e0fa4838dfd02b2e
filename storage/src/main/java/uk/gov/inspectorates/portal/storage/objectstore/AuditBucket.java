package uk.gov.inspectorates.portal.storage.objectstore;

import java.util.Optional;

/**
 * The write-once audit bucket that the checkpoint archive and the destroyed-scope ledger share (docs/adr/0031,
 * 0046): its name and its objects' retention, decided here for the portal and the operators' backup commands alike.
 */
public final class AuditBucket {

    /** Object-lock retention of the audit bucket's objects, where the store can lock them. */
    public static final String DEFAULT_RETENTION_DAYS = "3650";

    private AuditBucket() {
    }

    /** The configured bucket, or the document bucket's name + {@code -audit-checkpoints}. */
    public static String name(Optional<String> configured, String documentBucket) {
        return configured.map(String::strip).filter(name -> !name.isEmpty())
                .orElse(documentBucket + "-audit-checkpoints");
    }
}
