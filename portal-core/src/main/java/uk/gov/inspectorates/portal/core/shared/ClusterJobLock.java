package uk.gov.inspectorates.portal.core.shared;

import java.time.Duration;

/**
 * Makes a scheduled job run once across every portal instance that shares the database: a run happens only while no
 * other instance runs the same job and when none started it within the last {@code minimumGap}.
 */
@PersistencePort
public interface ClusterJobLock {

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Runs the work if it is this instance's turn; returns whether it ran. The work's failure is thrown. */
    boolean runIfDue(String job, Duration minimumGap, Work work) throws Exception;
}
