package uk.gov.inspectorates.portal.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class NoticeDeliveryTest {

    /** A relay that fails with the queued failures first, then takes every message. */
    private static final class ScriptedRelay implements MailRelay {
        final Deque<DeliveryFailed> failures = new ArrayDeque<>();
        final List<OutgoingMessage> taken = new ArrayList<>();

        @Override
        public void send(OutgoingMessage message) throws DeliveryFailed {
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            taken.add(message);
        }

        @Override
        public String description() {
            return "the test relay";
        }

        void failTimes(int times, boolean permanent) {
            for (int i = 0; i < times; i++) {
                failures.add(new DeliveryFailed("relay said no\r\n(try " + i + ")", permanent, null));
            }
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final ScriptedRelay relay = new ScriptedRelay();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final NoticeDelivery delivery = new NoticeDelivery(outbox, relay, audit, clock,
            new NoticeDelivery.Settings(4, Duration.ofMinutes(1), Duration.ofMinutes(3), 10, Duration.ofMinutes(5)));

    private InMemoryOutbox.Row queueOne() {
        outbox.add(List.of(NoticeTemplates.render(NoticeKind.NEW_REQUEST, "up@northdale.gov.uk", "Key documents",
                "https://portal.example/r")), clock.instant());
        return outbox.rows.values().iterator().next();
    }

    private List<AuditEvent> sends() {
        return audit.events().stream().filter(e -> e.action().equals(AuditActions.NOTIFICATION_SEND)).toList();
    }

    @Test
    void aMessageIsSentOnceAndTheSendIsAudited() {
        InMemoryOutbox.Row row = queueOne();

        assertEquals(new NoticeDelivery.Result(1, 0, 0), delivery.deliverDue());
        assertEquals(new NoticeDelivery.Result(0, 0, 0), delivery.deliverDue());

        assertEquals(1, relay.taken.size());
        assertNotNull(row.sentAt);
        assertEquals(1, row.attempts);
        AuditEvent event = sends().get(0);
        assertEquals(AuditEvent.Outcome.SUCCEEDED, event.outcome());
        assertEquals(Long.toString(row.seq), event.resourceId());
        assertTrue(event.detail().startsWith("NEW_REQUEST to up@northdale.gov.uk"), event.detail());
    }

    @Test
    void aFailedSendIsTriedAgainAfterABackOffThatDoublesUpToItsCeiling() {
        InMemoryOutbox.Row row = queueOne();
        relay.failTimes(3, false);

        assertEquals(new NoticeDelivery.Result(0, 1, 0), delivery.deliverDue());
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), row.nextAttemptAt);
        assertEquals("relay said no (try 0)", row.lastFailure, "kept, on one line");
        assertEquals(new NoticeDelivery.Result(0, 0, 0), delivery.deliverDue(), "not before its time");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(new NoticeDelivery.Result(0, 1, 0), delivery.deliverDue());
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), row.nextAttemptAt);

        clock.advance(Duration.ofMinutes(2));
        assertEquals(new NoticeDelivery.Result(0, 1, 0), delivery.deliverDue());
        assertEquals(clock.instant().plus(Duration.ofMinutes(3)), row.nextAttemptAt, "capped at the ceiling");

        clock.advance(Duration.ofMinutes(3));
        assertEquals(new NoticeDelivery.Result(1, 0, 0), delivery.deliverDue());
        assertEquals(4, row.attempts);
        assertTrue(sends().get(0).detail().endsWith("handed to the test relay on attempt 4"), "retries are not audited, the send is");
        assertEquals(1, sends().size());
    }

    @Test
    void afterTheLastAttemptTheMessageIsGivenUpWithItsFailureKeptAndAudited() {
        InMemoryOutbox.Row row = queueOne();
        relay.failTimes(4, false);

        for (int i = 0; i < 4; i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofHours(1));
        }

        assertNotNull(row.givenUpAt);
        assertNull(row.sentAt);
        assertEquals(4, row.attempts);
        assertEquals("relay said no (try 3)", row.lastFailure);
        assertEquals(AuditEvent.Outcome.REFUSED, sends().get(0).outcome());
        assertTrue(sends().get(0).detail().contains("given up after 4 attempts: relay said no"), sends().get(0).detail());
        assertEquals(new NoticeDelivery.Result(0, 0, 0), delivery.deliverDue(), "never tried again");
    }

    @Test
    void aPermanentFailureIsGivenUpAtOnce() {
        InMemoryOutbox.Row row = queueOne();
        relay.failTimes(1, true);

        assertEquals(new NoticeDelivery.Result(0, 0, 1), delivery.deliverDue());
        assertEquals(1, row.attempts);
        assertNotNull(row.givenUpAt);
    }

    @Test
    void aOneTimeLinkIsErasedFromTheOutboxOnceHandedOverOrGivenUpAndAnOrdinaryLinkIsKept() {
        outbox.add(List.of(NoticeTemplates.render(NoticeKind.PASSWORD_RESET, "pat@northdale.gov.uk", "",
                        "https://portal.example/password-reset/TOKEN1"),
                NoticeTemplates.render(NoticeKind.ACCOUNT_INVITATION, "new@northdale.gov.uk", "Northdale",
                        "https://portal.example/invitations/TOKEN2"),
                NoticeTemplates.render(NoticeKind.NEW_REQUEST, "up@northdale.gov.uk", "Request",
                        "https://portal.example/r")), clock.instant());
        relay.failures.add(new MailRelay.DeliveryFailed("550 no such user", true, null));

        delivery.deliverDue();

        List<InMemoryOutbox.Row> rows = List.copyOf(outbox.rows.values());
        assertNotNull(rows.get(0).givenUpAt);
        assertNotNull(rows.get(1).sentAt);
        for (InMemoryOutbox.Row row : rows.subList(0, 2)) {
            assertEquals("", row.message.link());
            assertFalse(row.message.body().contains("TOKEN"), row.message.body());
        }
        assertEquals("https://portal.example/r", rows.get(2).message.link());
        assertTrue(relay.taken.get(0).body().contains("TOKEN2"), "the e-mail itself carries the link");
    }

    @Test
    void aSlowRelayThatUsesUpTheLeaseLeavesTheRestOfTheBatchToBeClaimedAgain() {
        MailRelay slow = new MailRelay() {
            @Override
            public void send(OutgoingMessage message) {
                clock.advance(Duration.ofMinutes(3));
            }

            @Override
            public String description() {
                return "a slow relay";
            }
        };
        for (int i = 0; i < 3; i++) {
            queueOne();
        }
        NoticeDelivery slowly = new NoticeDelivery(outbox, slow, audit, clock,
                new NoticeDelivery.Settings(4, Duration.ofMinutes(1), Duration.ofMinutes(3), 10, Duration.ofMinutes(5)));

        assertEquals(new NoticeDelivery.Result(2, 0, 0), slowly.deliverDue(), "the third waits for the lease to end");
        assertEquals(new NoticeDelivery.Result(1, 0, 0), slowly.deliverDue());
    }

    @Test
    void theBackOffDoublesFromTheFirstWait() {
        NoticeDelivery defaults = new NoticeDelivery(outbox, relay, audit, clock, NoticeDelivery.Settings.defaults());

        assertEquals(Duration.ofMinutes(1), defaults.waitAfter(1));
        assertEquals(Duration.ofMinutes(2), defaults.waitAfter(2));
        assertEquals(Duration.ofMinutes(32), defaults.waitAfter(6));
        assertEquals(Duration.ofHours(1), defaults.waitAfter(7));
        assertEquals(Duration.ofHours(1), defaults.waitAfter(100));
    }
}
