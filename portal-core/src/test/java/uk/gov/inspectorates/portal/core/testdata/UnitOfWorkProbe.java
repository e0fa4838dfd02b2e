package uk.gov.inspectorates.portal.core.testdata;

import java.util.function.Supplier;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * A unit of work for unit tests that knows, on this thread, whether work runs inside a unit: what a {@link Journal}
 * notes for every call through a port, so that a test can tell whether a write and the audit event recording it were
 * made in one transaction. Nested units join the outer one, as the real one's do.
 */
public final class UnitOfWorkProbe implements UnitOfWork {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private int opened;

    /** Whether a unit of work (of any probe) is open on this thread. */
    public static boolean inside() {
        return DEPTH.get() > 0;
    }

    @Override
    public <T> T inOne(Supplier<T> work) {
        if (!inside()) {
            opened++;
        }
        DEPTH.set(DEPTH.get() + 1);
        try {
            return work.get();
        } finally {
            DEPTH.set(DEPTH.get() - 1);
        }
    }

    /** Outermost units opened so far. */
    public int opened() {
        return opened;
    }
}
