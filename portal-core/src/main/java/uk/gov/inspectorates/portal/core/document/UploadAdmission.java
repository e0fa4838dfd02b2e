package uk.gov.inspectorates.portal.core.document;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.shared.Busy;

/**
 * The per-user limits on uploads (docs/adr/0039), in one place: how many upload requests one person may have in
 * flight at once (a one-request upload, a resumable upload's part), and how many resumable uploads they may have
 * unfinished. Over a limit the request is refused as {@link Busy} of the caller's own ({@code 429} with
 * {@code Retry-After}) before any byte of it is stored, and the refusal is audited with the rule's id. A place is
 * held until the request ends ({@link Place#close()}, in a finally); an unfinished upload's place is freed when it is
 * completed, abandoned or expires (it is counted from the uploads recorded, so nothing has to remember to free it).
 * The limits hold per portal node.
 */
public final class UploadAdmission {

    public static final String CONCURRENT_PER_USER = "upload.concurrent-per-user";
    public static final String UNFINISHED_PER_USER = "upload.unfinished-per-user";
    private static final int LOCK_STRIPES = 64;

    /** The limits and the {@code Retry-After} told to whoever reaches one. */
    public record Limits(int concurrentPerUser, int unfinishedPerUser, Duration retryAfter) {
        public Limits {
            if (concurrentPerUser < 1 || unfinishedPerUser < 1) {
                throw new IllegalArgumentException("each person must be allowed at least one upload at a time");
            }
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.toMillis() < 1000) {
                throw new IllegalArgumentException("Retry-After must be at least one second");
            }
        }
    }

    /** A place taken for one upload request; closing it (once or more) frees it. */
    public interface Place extends AutoCloseable {
        @Override
        void close();
    }

    private final Limits limits;
    private final ResumableUploadRepository uploads;
    private final PolicyGate gate;
    private final Clock clock;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final Object[] startLocks = new Object[LOCK_STRIPES];

    public UploadAdmission(Limits limits, ResumableUploadRepository uploads, PolicyGate gate) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.clock = gate.clock();
        for (int i = 0; i < startLocks.length; i++) {
            startLocks[i] = new Object();
        }
    }

    public Limits limits() {
        return limits;
    }

    /**
     * A place for one upload request of the subject's (the file of a one-request upload, one part of a resumable
     * upload), or {@link Busy} ({@value #CONCURRENT_PER_USER}) when they already have as many in flight as allowed.
     */
    public Place admitUpload(Subject subject) {
        String user = subject.userId();
        AtomicBoolean admitted = new AtomicBoolean();
        inFlight.compute(user, (key, held) -> {
            int now = held == null ? 0 : held;
            if (now >= limits.concurrentPerUser()) {
                return held;
            }
            admitted.set(true);
            return now + 1;
        });
        if (!admitted.get()) {
            throw refused(subject, CONCURRENT_PER_USER, "You are already sending " + limits.concurrentPerUser()
                    + " files or parts at once, as many as one person may");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.computeIfPresent(user, (key, held) -> held <= 1 ? null : held - 1);
            }
        };
    }

    /**
     * Starts a resumable upload through {@code start} unless the subject already has as many unfinished as allowed
     * ({@link Busy}, {@value #UNFINISHED_PER_USER}). One person's starts are taken one at a time, so two at once
     * cannot both take the last place.
     */
    public <T> T startUnfinished(Subject subject, Supplier<T> start) {
        synchronized (startLocks[Math.floorMod(subject.userId().hashCode(), LOCK_STRIPES)]) {
            if (uploads.countUnfinished(subject.userId(), clock.instant()) >= limits.unfinishedPerUser()) {
                throw refused(subject, UNFINISHED_PER_USER, "You have " + limits.unfinishedPerUser()
                        + " unfinished uploads, as many as one person may: finish or cancel one first");
            }
            return start.get();
        }
    }

    /** How many upload requests the user has in flight now (for tests and monitoring). */
    public int inFlight(String userId) {
        return inFlight.getOrDefault(userId, 0);
    }

    private Busy refused(Subject subject, String rule, String message) {
        gate.record(subject, Act.of(AuditActions.UPLOAD_ADMISSION, "UPLOAD", null), Outcome.REFUSED, rule);
        return new Busy(rule, Busy.Scope.YOURS, limits.retryAfter(), message);
    }
}
