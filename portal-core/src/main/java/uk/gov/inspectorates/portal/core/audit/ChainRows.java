package uk.gov.inspectorates.portal.core.audit;

import java.util.List;
import uk.gov.inspectorates.portal.auditverifier.ChainRow;
import uk.gov.inspectorates.portal.auditverifier.Checkpoint;

/** Stored events and checkpoints as the audit-verifier module's checks take them. */
public final class ChainRows {

    private ChainRows() {
    }

    public static ChainRow full(StoredAuditEvent stored) {
        List<String> fields = AuditEventFields.values(stored.seq(), stored.event());
        return ChainRow.full(stored.seq(), fields, stored.previousHash(), stored.hash());
    }

    public static Checkpoint checkpoint(AuditCheckpoint checkpoint) {
        return new Checkpoint(checkpoint.seq(), checkpoint.headHash(), checkpoint.at(), checkpoint.keyId(),
                checkpoint.signature());
    }

    public static boolean same(AuditCheckpoint one, AuditCheckpoint other) {
        return checkpoint(one).sameAs(checkpoint(other));
    }
}
