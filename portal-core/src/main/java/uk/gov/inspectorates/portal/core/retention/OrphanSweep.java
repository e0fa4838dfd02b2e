package uk.gov.inspectorates.portal.core.retention;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.ObjectStore;

/**
 * Removes what a crash can leave behind (docs/adr/0007): objects no record refers to, and live KEKs of report scopes
 * that have no report, both only once older than a grace period, so that an upload still in flight (object written,
 * row not yet inserted; KEK created, object still streaming) is never touched.
 *
 * <p>The bucket is listed <em>before</em> the references are read: an object whose row is inserted in between is
 * then seen as referenced. A run that removed something is audited with counts only (never keys or content).
 */
public final class OrphanSweep {

    /** What one run removed. */
    public record Result(int objectsDeleted, int keksDestroyed, int objectsKept) {
        public boolean removedAnything() {
            return objectsDeleted > 0 || keksDestroyed > 0;
        }
    }

    private final ObjectStore objects;
    private final SweepRecords records;
    private final KeyService keys;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration grace;

    public OrphanSweep(ObjectStore objects, SweepRecords records, KeyService keys, AuditTrail audit, Clock clock,
                       Duration grace) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.records = Objects.requireNonNull(records, "records");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the sweep's grace period cannot be negative");
        }
    }

    /** One sweep. A failure part-way leaves everything referenced intact; the next run carries on. */
    public Result sweep() throws IOException {
        Instant cutoff = clock.instant().minus(grace);
        List<ObjectStore.Listed> listed = objects.list();
        Set<String> referenced = records.referencedObjectKeys();
        int deleted = 0;
        int kept = 0;
        int destroyed = 0;
        try {
            for (ObjectStore.Listed object : listed) {
                if (referenced.contains(object.key()) || !object.lastModified().isBefore(cutoff)) {
                    kept++;
                    continue;
                }
                objects.delete(object.key());
                deleted++;
            }
            for (KeyScope scope : records.unreferencedLiveScopes(cutoff)) {
                if (scope.kind() == KeyScope.Kind.REPORT && keys.destroyScope(scope)) {
                    destroyed++;
                }
            }
        } catch (IOException | RuntimeException failure) {
            if (deleted > 0 || destroyed > 0) {
                record(Outcome.REFUSED, deleted, destroyed, "failed part-way: " + failure.getClass().getSimpleName());
            }
            throw failure;
        }
        if (deleted > 0 || destroyed > 0) {
            record(Outcome.SUCCEEDED, deleted, destroyed, null);
        }
        return new Result(deleted, destroyed, kept);
    }

    private void record(Outcome outcome, int deleted, int destroyed, String note) {
        audit.record(new AuditEvent(clock.instant(), null, null, AuditActions.ORPHAN_SWEEP, "BUCKET", null, outcome,
                "policy:orphan-sweep objectsDeleted=" + deleted + " keksDestroyed=" + destroyed + " graceSeconds="
                        + grace.toSeconds() + (note == null ? "" : "; " + note)));
    }
}
