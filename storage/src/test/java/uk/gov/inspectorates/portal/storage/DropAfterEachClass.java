package uk.gov.inspectorates.portal.storage;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Drops the databases a test class made ({@link TestDatabases}) when the class ends, so that the one server per JVM
 * does not pile up a database per class (and the JVM's exit does not spend its time deleting them). Classes run one
 * after the other in a JVM here. Registered in {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class DropAfterEachClass implements TestExecutionListener {

    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (plan != null && identifier.getSource().filter(ClassSource.class::isInstance).isPresent()
                && topLevel(identifier)) {
            TestDatabases.dropCreated();
        }
    }

    private boolean topLevel(TestIdentifier identifier) {
        Optional<TestIdentifier> parent = plan.getParent(identifier);
        return parent.isEmpty() || parent.get().getSource().isEmpty();
    }
}
