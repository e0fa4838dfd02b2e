package uk.gov.inspectorates.portal.core.removal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.retention.LegalHolds;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Removes one target in the crypto-shredding order of {@code ScopeRemoval} (KEK, objects, rows, tombstone), recording
 * each step so that a rerun carries on where a failure or a kill -9 stopped it, under a lock that lets one runner at a
 * time work on the target. A legal hold stops a removal until its key is destroyed; from then on the content is
 * unreadable and the removal is always completed. A failure is recorded (step and error class), audited and rethrown:
 * nothing reports success it did not achieve.
 */
public final class ProvableRemoval {

    /** What became of one call. */
    public enum Outcome { REMOVED, HELD, BUSY, DONE_ALREADY }

    private final Removals removals;
    private final ScopeInventory inventory;
    private final KeyService keys;
    private final ObjectStore objects;
    private final LegalHolds holds;
    private final RemovalCertifier certifier;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ProvableRemoval(Removals removals, ScopeInventory inventory, KeyService keys, ObjectStore objects,
                           LegalHolds holds, RemovalCertifier certifier, AuditTrail audit, Clock clock) {
        this(removals, inventory, keys, objects, holds, certifier, audit, clock, UnitOfWork.NONE);
    }

    public ProvableRemoval(Removals removals, ScopeInventory inventory, KeyService keys, ObjectStore objects,
                           LegalHolds holds, RemovalCertifier certifier, AuditTrail audit, Clock clock,
                           UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.removals = Objects.requireNonNull(removals, "removals");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.holds = Objects.requireNonNull(holds, "holds");
        this.certifier = Objects.requireNonNull(certifier, "certifier");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Outcome remove(RemovalCandidate candidate, RetentionPolicy policy, Remover remover, RemovalPlan plan) {
        Outcome[] outcome = {Outcome.BUSY};
        boolean ran = removals.exclusively(candidate.category(), candidate.kind(), candidate.id(),
                () -> outcome[0] = removeHoldingTheLock(candidate, policy, remover, plan));
        return ran ? outcome[0] : Outcome.BUSY;
    }

    private Outcome removeHoldingTheLock(RemovalCandidate candidate, RetentionPolicy policy, Remover remover,
                                         RemovalPlan plan) {
        var existing = removals.find(candidate.category(), candidate.kind(), candidate.id());
        if (existing.isPresent() && existing.get().completed()) {
            return Outcome.DONE_ALREADY;
        }
        // a kill -9 between destroying the key and recording it leaves only the key's tombstone to say so
        boolean keyGone = existing.isPresent() && (existing.get().step().reached(RemovalStep.KEK_DESTROYED)
                || inventory.kekDestroyedAt(plan.scope()).isPresent());
        if (!keyGone && candidate.holdTarget() != null && holds.isHeld(candidate.holdTarget())) {
            return Outcome.HELD;
        }
        RemovalRecord record = removals.begin(candidate, policy, describe(remover), clock.instant());
        RemovalStep at = record.step();
        boolean tombstoned = false;
        try {
            if (!record.step().reached(RemovalStep.KEK_DESTROYED)) {
                // the inventory is read once before the key goes: what it cannot read stops the removal while the
                // content is still intact
                inventory.objects(plan.scope());
                keys.destroyScope(plan.scope());
                removals.kekDestroyed(record.id(), inventory.kekDestroyedAt(plan.scope()).orElse(clock.instant()),
                        clock.instant());
                at = RemovalStep.KEK_DESTROYED;
            }
            if (!record.step().reached(RemovalStep.OBJECTS_DELETED)) {
                List<StoredObject> stored = inventory.objects(plan.scope());
                if (!record.tallied()) {
                    removals.tallied(record.id(), stored.size(),
                            stored.stream().mapToLong(StoredObject::plaintextBytes).sum(),
                            stored.stream().mapToLong(StoredObject::storedBytes).sum(),
                            plan.certified() ? plan.tally().get() : null, clock.instant());
                }
                for (StoredObject object : stored) {
                    objects.delete(object.objectKey());
                }
                removals.reached(record.id(), RemovalStep.OBJECTS_DELETED, false, clock.instant());
                at = RemovalStep.OBJECTS_DELETED;
            }
            // the last step, its record and the tombstone commit together: a removal is never complete without its
            // tombstone, nor tombstoned without being complete (the key and objects, gone before, are not undone)
            if (!record.step().reached(RemovalStep.ROWS_DELETED)) {
                boolean last = !plan.certified();
                unitOfWork.run(() -> {
                    plan.deleteRows().run();
                    removals.reached(record.id(), RemovalStep.ROWS_DELETED, last, clock.instant());
                    if (last) {
                        succeeded(candidate, remover, record);
                    }
                });
                tombstoned = last;
                at = RemovalStep.ROWS_DELETED;
            }
            if (plan.certified() && !record.step().reached(RemovalStep.CERTIFIED)) {
                unitOfWork.run(() -> {
                    certifier.certify(removals.find(candidate.category(), candidate.kind(), candidate.id())
                            .orElseThrow());
                    removals.reached(record.id(), RemovalStep.CERTIFIED, true, clock.instant());
                    succeeded(candidate, remover, record);
                });
                tombstoned = true;
            }
        } catch (IOException | RuntimeException failure) {
            String failureClass = failure.getClass().getSimpleName();
            removals.failed(record.id(), at, failureClass, clock.instant());
            tombstone(candidate, remover, AuditEvent.Outcome.REFUSED, "removal=" + record.id() + " failed after step="
                    + at + " error=" + failureClass + "; retried on the next run");
            throw failure instanceof IOException io
                    ? new UncheckedIOException("removing " + candidate.kind() + " " + candidate.id() + " failed", io)
                    : (RuntimeException) failure;
        }
        if (!tombstoned) {
            succeeded(candidate, remover, record);
        }
        return Outcome.REMOVED;
    }

    private void succeeded(RemovalCandidate candidate, Remover remover, RemovalRecord record) {
        RemovalRecord done = removals.find(candidate.category(), candidate.kind(), candidate.id()).orElseThrow();
        tombstone(candidate, remover, AuditEvent.Outcome.SUCCEEDED, "tombstone removal=" + record.id()
                + " category=" + candidate.category() + " kek=destroyed objects=" + done.objects() + " plaintextBytes="
                + done.plaintextBytes() + " storedBytes=" + done.storedBytes() + " by=" + describe(remover)
                + " attempts=" + done.attempts());
    }

    private void tombstone(RemovalCandidate candidate, Remover remover, AuditEvent.Outcome outcome, String detail) {
        audit.record(new AuditEvent(clock.instant(), remover.actorId(), remover.organisationId(),
                AuditActions.RETENTION_REMOVE, candidate.kind(), candidate.id(), outcome, detail));
    }

    static String describe(Remover remover) {
        return remover.actorId() != null ? "user:" + remover.actorId() : "policy:" + remover.policy();
    }
}
