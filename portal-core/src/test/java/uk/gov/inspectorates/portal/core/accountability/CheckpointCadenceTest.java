package uk.gov.inspectorates.portal.core.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpointing;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/** When a scheduled checkpoint is due: the head moved, and the interval passed or enough seqs were appended. */
class CheckpointCadenceTest {

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final AuditCsvExportTest.Chain chain = new AuditCsvExportTest.Chain();
    private final AuditCsvExportTest.Checkpoints checkpoints = new AuditCsvExportTest.Checkpoints();
    private final MovingClock clock = new MovingClock();

    private AuditCheckpointing every(Duration interval, long events) {
        return new AuditCheckpointing(chain, checkpoints, checkpoints, new AuditCsvExportTest.TestSigner(),
                UnitOfWork.NONE, clock, new AuditCheckpointing.Cadence(interval, events));
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            chain.record(new AuditEvent(clock.now, "u", "ofsted", "SIGN_IN", null, null, Outcome.SUCCEEDED, null));
        }
    }

    @Test
    void theIntervalSinceTheLastCheckpointMakesOneDue() {
        AuditCheckpointing checkpointing = every(Duration.ofSeconds(60), 0);
        append(1);
        assertEquals(1, checkpointing.takeIfDue().orElseThrow().seq(), "the first one at once");
        append(500);
        clock.now = T0.plusSeconds(59);
        assertTrue(checkpointing.takeIfDue().isEmpty(), "not before the interval, however many events");
        clock.now = T0.plusSeconds(60);
        assertEquals(501, checkpointing.takeIfDue().orElseThrow().seq());
        clock.now = T0.plusSeconds(600);
        assertTrue(checkpointing.takeIfDue().isEmpty(), "the head has not moved");
    }

    @Test
    void enoughEventsMakeOneDueBeforeTheInterval() {
        AuditCheckpointing checkpointing = every(Duration.ofSeconds(60), 10);
        append(1);
        checkpointing.takeIfDue().orElseThrow();
        append(9);
        clock.now = T0.plusSeconds(1);
        assertTrue(checkpointing.takeIfDue().isEmpty(), "9 events, 1 second");
        append(1);
        assertEquals(11, checkpointing.takeIfDue().orElseThrow().seq(), "10 events since the last one");
    }
}
