package uk.gov.inspectorates.portal.web.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RedactedFailureTest {

    @Test
    void keepsClassesAndFramesOfTheFailureAndItsCausesButNoMessage() {
        SQLException driver = new SQLException("Key (file_name)=(Child-Zed.pdf) already exists", "23505");
        IllegalStateException failure = new IllegalStateException("could not store Child-Zed.pdf", driver);

        RedactedFailure redacted = RedactedFailure.of(failure);

        assertEquals(IllegalStateException.class.getName(), redacted.getMessage());
        assertArrayEquals(failure.getStackTrace(), redacted.getStackTrace());
        assertEquals(SQLException.class.getName(), redacted.getCause().getMessage());
        assertArrayEquals(driver.getStackTrace(), redacted.getCause().getStackTrace());
        assertNull(redacted.getCause().getCause());
        StringWriter printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));
        assertFalse(printed.toString().contains("Child-Zed"), printed.toString());
    }

    @Test
    void aCycleOfCausesEnds() {
        IllegalStateException first = new IllegalStateException("a");
        RuntimeException second = new RuntimeException("b", first);
        first.initCause(second);
        RedactedFailure redacted = RedactedFailure.of(first);
        int depth = 0;
        for (Throwable t = redacted; t != null; t = t.getCause()) {
            depth++;
        }
        assertEquals(true, depth <= 23, "depth " + depth);
    }
}
