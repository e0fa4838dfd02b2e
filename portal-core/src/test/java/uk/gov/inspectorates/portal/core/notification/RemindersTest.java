package uk.gov.inspectorates.portal.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;

class RemindersTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String AGENCY = DemoDirectory.CHILDRENS_SERVICES_ID;

    /** Items held in memory; open until answered. */
    private static final class Items implements DueItems {
        final List<DueItem> open = new ArrayList<>();

        @Override
        public List<DueItem> dueBetween(Instant from, Instant to) {
            return open.stream().filter(i -> !i.dueAt().isBefore(from) && i.dueAt().isBefore(to)).toList();
        }

        @Override
        public List<DueItem> overdueAt(Instant at) {
            return open.stream().filter(i -> i.dueAt().isBefore(at)).toList();
        }
    }

    // Monday 30 March 2026, 20:30 BST (19:30 UTC): "tomorrow" is Tuesday 31 March in London
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-30T19:30:00Z"));
    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final Items items = new Items();
    private final Reminders reminders = new Reminders(items, new Notices(directory,
            person -> Optional.of(person.username()), outbox, clock, "https://portal.example"), clock, LONDON);

    @BeforeEach
    void people() {
        directory.saveUser(new UserAccount("u", "up@northdale.gov.uk", "U", AGENCY, Set.of(Role.AGENCY_UPLOADER),
                Set.of(), null));
        directory.saveUser(new UserAccount("c", "dcs@northdale.gov.uk", "C", AGENCY,
                Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), null));
        directory.saveUser(new UserAccount("a", "admin@northdale.gov.uk", "A", AGENCY, Set.of(Role.ADMINISTRATOR),
                Set.of(), null));
    }

    private DueItems.DueItem item(String id, String dueAt) {
        DueItems.DueItem item = new DueItems.DueItem(id, AGENCY, "Request " + id, "/requests/" + id,
                Instant.parse(dueAt));
        items.open.add(item);
        return item;
    }

    @Test
    void itemsDueOnTomorrowsLondonDateAreRemindedOnceToTheAgencysUploadersAndChiefOfficer() {
        item("early", "2026-03-30T23:00:00Z");  // 00:00 BST on the 31st: tomorrow in London
        item("late", "2026-03-31T22:59:00Z");   // 23:59 BST on the 31st
        item("after", "2026-03-31T23:00:00Z");  // the 1st of April in London

        assertEquals(new Reminders.Result(2, 0), reminders.queueDue());
        assertEquals(new Reminders.Result(0, 0), reminders.queueDue(), "never twice for the same item and kind");

        assertEquals(4, outbox.rows.size());
        assertEquals(Set.of("up@northdale.gov.uk", "dcs@northdale.gov.uk"),
                Set.copyOf(outbox.messages().stream().map(OutgoingMessage::recipient).toList()));
        assertEquals(Set.of(NoticeKind.DUE_TOMORROW),
                Set.copyOf(outbox.messages().stream().map(OutgoingMessage::kind).toList()));
    }

    @Test
    void anItemPastItsDueTimeIsRemindedOnceAsOverdue() {
        item("r1", "2026-04-01T16:00:00Z");
        assertEquals(new Reminders.Result(0, 0), reminders.queueDue());

        clock.advance(Duration.ofDays(1));
        assertEquals(new Reminders.Result(1, 0), reminders.queueDue());
        clock.advance(Duration.ofDays(1));
        assertEquals(new Reminders.Result(0, 1), reminders.queueDue());
        clock.advance(Duration.ofDays(1));
        assertEquals(new Reminders.Result(0, 0), reminders.queueDue());

        assertEquals(List.of(NoticeKind.DUE_TOMORROW, NoticeKind.DUE_TOMORROW, NoticeKind.OVERDUE,
                NoticeKind.OVERDUE), outbox.messages().stream().map(OutgoingMessage::kind).toList());
    }

    /** An item owed by named people (an inspectorate's lead inspector, issue 17) goes to them, as a deadline. */
    @Test
    void anItemThatNamesItsRecipientsIsRemindedToThemAsADeadlineNotToTheAgency() {
        directory.saveUser(new UserAccount("lead", "lead@ofsted.gov.uk", "L", "ofsted", Set.of(Role.LEAD_INSPECTOR),
                Set.of(), null));
        items.open.add(new DueItems.DueItem("challenge-acknowledgement:c1", "ofsted", "Acknowledge a challenge",
                "/inspections/i/after-publication", Instant.parse("2026-03-31T22:59:59Z"), Recipients.person("lead")));

        assertEquals(new Reminders.Result(1, 0), reminders.queueDue());
        clock.advance(Duration.ofDays(2));
        assertEquals(new Reminders.Result(0, 1), reminders.queueDue());
        assertEquals(new Reminders.Result(0, 0), reminders.queueDue());

        assertEquals(List.of("lead@ofsted.gov.uk", "lead@ofsted.gov.uk"),
                outbox.messages().stream().map(OutgoingMessage::recipient).toList());
        assertEquals(List.of(NoticeKind.DEADLINE_TOMORROW, NoticeKind.DEADLINE_PASSED),
                outbox.messages().stream().map(OutgoingMessage::kind).toList());
    }
}
