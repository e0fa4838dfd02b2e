package uk.gov.inspectorates.portal.core.shared;

import java.util.function.Supplier;

/**
 * One transaction across the persistence ports: everything the work writes through them (the action and the audit
 * event that records it) is committed together, or nothing is when it throws. Nested calls join the outer one.
 * Object-store writes are not part of it (an unreferenced object is the orphan sweep's).
 */
@PersistencePort
public interface UnitOfWork {

    <T> T inOne(Supplier<T> work);

    default void run(Runnable work) {
        inOne(() -> {
            work.run();
            return null;
        });
    }

    /** For unit tests of one service: runs the work, with no transaction. */
    UnitOfWork NONE = new UnitOfWork() {
        @Override
        public <T> T inOne(Supplier<T> work) {
            return work.get();
        }
    };
}
