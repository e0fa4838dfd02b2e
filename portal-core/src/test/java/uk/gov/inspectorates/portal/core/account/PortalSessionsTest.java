package uk.gov.inspectorates.portal.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class PortalSessionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-10T08:00:00Z"));
    private final AccountFakes.Sessions registry = new AccountFakes.Sessions();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final PortalSessions sessions = new PortalSessions(registry, audit, clock,
            new PortalSessions.Timeouts(Duration.ofMinutes(30), Duration.ofHours(12)));

    @Test
    void onlyTheHashOfTheSessionIdIsKept() {
        String id = sessions.start("u1");

        assertFalse(registry.entries.containsKey(id));
        assertTrue(registry.entries.containsKey(PortalSessions.hash(id)));
        assertEquals(Optional.of("u1"), sessions.check(id));
        assertEquals(Optional.empty(), sessions.check(PortalSessions.hash(id)), "the stored hash is not a session id");
    }

    @Test
    void aSessionUnusedForTheIdleTimeOutEnds() {
        String id = sessions.start("u1");
        clock.advance(Duration.ofMinutes(29));
        assertEquals(Optional.of("u1"), sessions.check(id));
        clock.advance(Duration.ofMinutes(29));
        assertEquals(Optional.of("u1"), sessions.check(id), "use keeps it alive");

        clock.advance(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), sessions.check(id));
        assertTrue(registry.entries.isEmpty());
        assertEquals("idle time-out", audit.events().get(audit.events().size() - 1).detail());
    }

    @Test
    void aBusySessionStillEndsAtTheAbsoluteTimeOut() {
        String id = sessions.start("u1");
        for (int i = 0; i < 12 * 4 - 1; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertEquals(Optional.of("u1"), sessions.check(id));
        }
        clock.advance(Duration.ofMinutes(15));

        assertEquals(Optional.empty(), sessions.check(id));
        assertEquals("absolute time-out", audit.events().get(audit.events().size() - 1).detail());
    }

    @Test
    void signOutEverywhereEndsEverySessionOfThePersonOnly() {
        String laptop = sessions.start("u1");
        String phone = sessions.start("u1");
        String someoneElse = sessions.start("u2");

        assertEquals(2, sessions.endAll("u1", "signed out everywhere"));

        assertEquals(Optional.empty(), sessions.check(laptop));
        assertEquals(Optional.empty(), sessions.check(phone));
        assertEquals(Optional.of("u2"), sessions.check(someoneElse));
    }
}
