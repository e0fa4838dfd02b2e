package uk.gov.inspectorates.portal.core.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.shared.ConflictUnderRule;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Removes everything of a key scope, in an order that fails safe: (1) the scope's key-encryption key is destroyed,
 * so from then on no copy of any of its objects (object-store backups included) can be decrypted; (2) the objects
 * are deleted; (3) the records are deleted; (4) an audit tombstone says what was removed, by whom or by which
 * policy, and how many objects and bytes (never content, names or titles).
 *
 * <p>Every step is idempotent, so a removal that fails part-way (recorded as a REFUSED tombstone naming the step)
 * is completed by running it again; the content is unreadable from the first step on.
 */
public final class ScopeRemoval {

    /** Deletes the scope's records (e.g. the report's rows) once the content is gone. */
    @FunctionalInterface
    public interface Records {
        void delete();
    }

    private final KeyService keys;
    private final DocumentStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final LegalHolds holds;
    private final UnitOfWork unitOfWork;

    /** {@code holds}: a scope whose inspection or report is on legal hold is never removed (409, audited). */
    public ScopeRemoval(KeyService keys, DocumentStore store, AuditTrail audit, Clock clock, LegalHolds holds) {
        this(keys, store, audit, clock, holds, UnitOfWork.NONE);
    }

    public ScopeRemoval(KeyService keys, DocumentStore store, AuditTrail audit, Clock clock, LegalHolds holds,
                        UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.holds = Objects.requireNonNull(holds, "holds");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param contents every stored object of the scope
     * @param records  deletes the scope's records; called after the objects are gone
     */
    public Removal remove(KeyScope scope, List<StoredContent> contents, Records records, Remover remover,
                          String reason) {
        for (StoredContent content : contents) {
            if (!content.scope().equals(scope)) {
                throw new IllegalArgumentException("an object of scope " + content.scope()
                        + " was given for removing scope " + scope);
            }
        }
        HoldTarget held = holdTargetOf(scope);
        if (holds.isHeld(held)) {
            tombstone(scope, remover, Outcome.REFUSED, "refused: on legal hold; nothing removed; by="
                    + remover.describe());
            throw new ConflictUnderRule(LegalHold.RULE, "This " + held.kind().name().toLowerCase(Locale.ROOT)
                    + " is on legal hold: nothing of it can be removed until an administrator lifts the hold");
        }
        long plaintextBytes = contents.stream().mapToLong(StoredContent::plaintextBytes).sum();
        long storedBytes = contents.stream().mapToLong(StoredContent::storedBytes).sum();
        String counts = " objects=" + contents.size() + " plaintextBytes=" + plaintextBytes + " storedBytes="
                + storedBytes + " by=" + remover.describe() + (reason == null ? "" : " reason=" + reason);

        boolean destroyed;
        try {
            destroyed = keys.destroyScope(scope);
        } catch (RuntimeException failure) {
            tombstone(scope, remover, Outcome.REFUSED, "failed at step=kek-destroy; nothing removed;" + counts);
            throw failure;
        }
        int deleted = 0;
        try {
            for (StoredContent content : contents) {
                store.delete(content);
                deleted++;
            }
        } catch (IOException | RuntimeException failure) {
            tombstone(scope, remover, Outcome.REFUSED, "failed at step=objects-delete; kek=destroyed objectsDeleted="
                    + deleted + "; content unreadable, run the removal again;" + counts);
            throw failure instanceof IOException io ? new UncheckedIOException("removing " + scope + " failed", io)
                    : (RuntimeException) failure;
        }
        // the records and the tombstone that says they are gone commit together; the key and the objects, gone
        // already, cannot come back, so a rollback leaves a REFUSED tombstone and a removal to run again
        try {
            unitOfWork.run(() -> {
                records.delete();
                tombstone(scope, remover, Outcome.SUCCEEDED, "tombstone kek=destroyed" + counts);
            });
        } catch (RuntimeException failure) {
            tombstone(scope, remover, Outcome.REFUSED, "failed at step=records-delete; kek=destroyed objectsDeleted="
                    + deleted + "; content unreadable, run the removal again;" + counts);
            throw failure;
        }
        return new Removal(scope, contents.size(), plaintextBytes, storedBytes, destroyed);
    }

    private void tombstone(KeyScope scope, Remover remover, Outcome outcome, String detail) {
        audit.record(new AuditEvent(clock.instant(), remover.actorId(), remover.organisationId(),
                AuditActions.SCOPE_REMOVE, scope.kind().name(), scope.id(), outcome, detail));
    }

    static HoldTarget holdTargetOf(KeyScope scope) {
        return scope.kind() == KeyScope.Kind.INSPECTION ? HoldTarget.inspection(scope.id())
                : HoldTarget.report(scope.id());
    }
}
