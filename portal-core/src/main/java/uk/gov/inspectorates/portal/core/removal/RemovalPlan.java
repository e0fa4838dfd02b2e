package uk.gov.inspectorates.portal.core.removal;

import java.util.Objects;
import java.util.function.Supplier;
import uk.gov.inspectorates.portal.core.document.KeyScope;

/**
 * How one target is removed: its key scope, how its rows are deleted (idempotent), and, for a removal that is
 * certified, what is tallied for the certificate before anything is deleted (null: no certificate).
 */
public record RemovalPlan(KeyScope scope, Runnable deleteRows, Supplier<InspectionTally> tally) {

    public RemovalPlan {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(deleteRows, "deleteRows");
    }

    public boolean certified() {
        return tally != null;
    }
}
