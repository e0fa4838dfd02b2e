package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.OutboxMessages.Pending;
import uk.gov.inspectorates.portal.core.notification.OutgoingMessage;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.report.ShareDraft;
import uk.gov.inspectorates.portal.core.retention.AgedRecordSweep;
import uk.gov.inspectorates.portal.core.retention.AgedRecords;
import uk.gov.inspectorates.portal.core.retention.AuditEventSweep;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.retention.PolicyChange;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;
import uk.gov.inspectorates.portal.core.retention.RetentionSchedule;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.ConflictUnderRule;
import uk.gov.inspectorates.portal.core.termplan.Term;
import uk.gov.inspectorates.portal.core.termplan.TermPlanList;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * V21 and the retention sweeps on real PostgreSQL, on a clock the test moves: each category's data goes when its
 * policy says and not before, policies keep their history, and holds are set and lifted.
 */
class RetentionStorageTest {

    private static final Instant START = Instant.parse("2027-03-01T10:00:00Z");
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());

    /** The test's clock: moved by hand, never by sleeping. */
    static final class MovingClock extends Clock {
        private Instant now = START;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static DataSource dataSource;
    private static JdbcRetentionPolicies policies;
    private static JdbcAuditTrail audit;
    private static JdbcOrganisationDirectory directory;
    private final MovingClock clock = new MovingClock();

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        directory = new JdbcOrganisationDirectory(dataSource);
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("northdale", "Northdale"));
        DemoDirectory.organisations().forEach(directory::saveOrganisation);
        directory.saveUser(new UserAccount("u-owner", "jo.ofsted", "Jo", "ofsted", Set.of(Role.INSPECTOR), Set.of(),
                null));
        policies = new JdbcRetentionPolicies(dataSource);
        audit = new JdbcAuditTrail(dataSource);
    }

    private static void policy(RetentionCategory category, int amount, DurationUnit unit, EndAction action) {
        RetentionPolicy before = policies.current(category);
        assertTrue(policies.change(new PolicyChange(before, new RetentionPolicy(category, amount, unit, action,
                "test owner"), "admin-1", "ofsted", START, "storage test")));
    }

    private AgedRecordSweep sweep(AgedRecords records) {
        return new AgedRecordSweep(records, policies, CALENDAR, audit, clock);
    }

    private static RetentionSchedule schedule(Object... sweeps) {
        return new RetentionSchedule(java.util.Arrays.stream(sweeps)
                .map(s -> (uk.gov.inspectorates.portal.core.retention.RetentionSweep) s).toList(), policies,
                new JdbcLegalHolds(dataSource));
    }

    private static Optional<RemovalCandidate> dueOne(RetentionSchedule schedule, Instant at, String id) {
        return schedule.due(at).stream().map(RetentionSchedule.Entry::candidate).filter(c -> c.id().equals(id))
                .findFirst();
    }

    /** Calendar days run in UK local time: across the change to summer time a day is 23 hours. */
    private static Instant calendarDaysAfter(Instant start, int days) {
        return start.atZone(WorkingDayCalendar.UK).plusDays(days).toInstant();
    }

    private static int count(String sql, Object... parameters) {
        return new Jdbc(dataSource).query(sql, row -> row.getInt(1), parameters).get(0);
    }

    @Test
    void aPolicyChangeIsKeptWithItsHistoryAndOnlyOverThePolicyInForce() {
        RetentionPolicy defaults = policies.current(RetentionCategory.LETTERS);
        RetentionPolicy longer = new RetentionPolicy(RetentionCategory.LETTERS, 120, DurationUnit.CALENDAR_DAYS,
                EndAction.REVIEW, "Ofsted SIRO");
        assertTrue(policies.change(new PolicyChange(defaults, longer, "admin-1", "ofsted", START, "board decision")));
        assertFalse(policies.change(new PolicyChange(defaults, longer, "admin-2", "cqc", START, "stale before")),
                "a change over a policy no longer in force is refused");

        assertEquals(longer, policies.current(RetentionCategory.LETTERS));
        List<PolicyChange> history = policies.history(RetentionCategory.LETTERS);
        assertEquals(1, history.size());
        assertEquals(defaults, history.get(0).before());
        assertEquals(longer, history.get(0).after());
        assertEquals("board decision", history.get(0).reason());
    }

    @Test
    void aHoldIsSetOnceLiftedAndKept() {
        JdbcLegalHolds holds = new JdbcLegalHolds(dataSource);
        HoldTarget target = HoldTarget.inspection("i-held");
        assertTrue(holds.set(new LegalHold(target, START, "admin-1", "ofsted", "court order")));
        assertFalse(holds.set(new LegalHold(target, START, "admin-2", "cqc", "again")), "one hold in force");
        assertTrue(holds.isHeld(target));
        assertFalse(holds.isHeld(HoldTarget.report("i-held")));
        assertTrue(holds.lift(target, "admin-1", "ofsted", START.plusSeconds(60), "order discharged"));
        assertFalse(holds.isHeld(target));
        assertFalse(holds.lift(target, "admin-1", "ofsted", START.plusSeconds(60), "twice"));
        assertEquals(1, count("select count(*) from legal_hold where target_id = 'i-held' and lifted_at is not null"));
    }

    @Test
    void shareDraftsGoWhenTheirPolicySaysAndNotBefore() {
        policy(RetentionCategory.SHARE_DRAFTS, 30, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE);
        JdbcShareDrafts drafts = new JdbcShareDrafts(dataSource);
        drafts.save(new ShareDraft("d-old", "u-owner", Map.of("title", "Northdale"), START));
        drafts.save(new ShareDraft("d-edited", "u-owner", Map.of("title", "Southdale"), START));
        AgedRecordSweep sweep = sweep(new JdbcShareDraftAges(dataSource));
        RetentionSchedule schedule = schedule(sweep);
        Instant due = calendarDaysAfter(START, 30);

        assertTrue(dueOne(schedule, due.minusSeconds(1), "d-old").isEmpty(), "not a second before");
        RemovalCandidate old = dueOne(schedule, due, "d-old").orElseThrow();
        RemovalCandidate edited = dueOne(schedule, due, "d-edited").orElseThrow();
        clock.set(due);
        drafts.save(new ShareDraft("d-edited", "u-owner", Map.of("title", "Southdale JTAI"), due));

        sweep.remove(old, Remover.policy("SHARE_DRAFTS"));
        assertThrows(Conflict.class, () -> sweep.remove(edited, Remover.policy("SHARE_DRAFTS")),
                "saved again since it was listed: its period starts over");
        sweep.remove(old, Remover.policy("SHARE_DRAFTS"));

        assertTrue(drafts.find("d-old", "u-owner").isEmpty());
        assertTrue(drafts.find("d-edited", "u-owner").isPresent());
        assertEquals(0, count("select count(*) from report_share_draft_field where draft_id = 'd-old'"));
    }

    @Test
    void termPlansGoAYearAfterTheirTermEnded() {
        policy(RetentionCategory.TERM_PLANS, 365, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE);
        JdbcTermPlanRepository plans = new JdbcTermPlanRepository(dataSource);
        plans.add(new TermPlanList("tp-autumn", Inspectorate.OFSTED, Term.parse("2026-27 AUTUMN"), 1,
                List.of(new LocalAuthorityArea("northdale", "Northdale")), "u-owner", START));
        AgedRecordSweep sweep = sweep(new JdbcTermPlanAges(dataSource));
        RetentionSchedule schedule = schedule(sweep);
        // the autumn term ends when spring begins, 1 January 2027 (UK midnight); a year on
        Instant due = Instant.parse("2028-01-01T00:00:00Z");

        assertTrue(dueOne(schedule, due.minusSeconds(1), "tp-autumn").isEmpty());
        RemovalCandidate candidate = dueOne(schedule, due, "tp-autumn").orElseThrow();
        clock.set(due);
        sweep.remove(candidate, Remover.policy("TERM_PLANS"));

        assertTrue(plans.find("tp-autumn").isEmpty());
        assertEquals(0, count("select count(*) from term_plan_area where term_plan_id = 'tp-autumn'"));
    }

    @Test
    void sentNoticesGoWhenTheirPolicySaysAndWaitingOnesNever() {
        policy(RetentionCategory.NOTIFICATION_OUTBOX, 7, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE);
        JdbcNotificationOutbox outbox = new JdbcNotificationOutbox(dataSource);
        outbox.add(List.of(new OutgoingMessage(NoticeKind.NEW_REQUEST, "a@x.example", "New request", "body",
                "https://portal.example/r"), new OutgoingMessage(NoticeKind.NEW_REQUEST, "b@x.example", "New request",
                "body", "https://portal.example/r")), START);
        List<Pending> claimed = outbox.claimDue(START, START.plusSeconds(60), 1);
        String sent = String.valueOf(claimed.get(0).seq());
        outbox.sent(claimed.get(0).seq(), 1, START);
        AgedRecordSweep sweep = sweep(new JdbcNotificationOutboxAges(dataSource));
        RetentionSchedule schedule = schedule(sweep);
        Instant due = calendarDaysAfter(START, 7);

        assertTrue(dueOne(schedule, due.minusSeconds(1), sent).isEmpty());
        assertEquals(1, schedule.due(due.plus(Duration.ofDays(365))).size(), "the waiting message is no candidate");
        clock.set(due);
        sweep.remove(dueOne(schedule, due, sent).orElseThrow(), Remover.policy("NOTIFICATION_OUTBOX"));

        assertEquals(0, count("select count(*) from notification_outbox where seq = ?", Long.valueOf(sent)));
        assertEquals(1, count("select count(*) from notification_outbox where sent_at is null"));
    }

    @Test
    void unusedAccountsAreDeactivatedButNeverTheLastAdministrator() {
        policy(RetentionCategory.UNUSED_ACCOUNTS, 180, DurationUnit.CALENDAR_DAYS, EndAction.REMOVE);
        directory.saveUser(new UserAccount("u-idle", "idle.cqc", "Idle", "cqc", Set.of(Role.READER), Set.of(), null));
        directory.saveUser(new UserAccount("u-busy", "busy.cqc", "Busy", "cqc", Set.of(Role.READER), Set.of(), null));
        directory.saveUser(new UserAccount("u-admin", "admin.hmic", "Admin", "hmic", Set.of(Role.ADMINISTRATOR),
                Set.of(), null));
        new Jdbc(dataSource).update("update user_account set created_at = ? where id in ('u-idle', 'u-busy', "
                + "'u-admin')", Jdbc.timestamp(START));
        Instant signedIn = START.plus(Duration.ofDays(100));
        audit.record(new AuditEvent(signedIn, "u-busy", "cqc", AuditActions.SIGN_IN, null, null, Outcome.SUCCEEDED,
                null));
        AgedRecordSweep sweep = sweep(new JdbcUnusedAccounts(dataSource));
        RetentionSchedule schedule = schedule(sweep);
        Instant due = calendarDaysAfter(START, 180);

        assertTrue(dueOne(schedule, due.minusSeconds(1), "u-idle").isEmpty());
        RemovalCandidate idle = dueOne(schedule, due, "u-idle").orElseThrow();
        assertTrue(dueOne(schedule, due, "u-busy").isEmpty(), "counted from its last sign-in");
        assertTrue(dueOne(schedule, calendarDaysAfter(signedIn, 180), "u-busy").isPresent());
        assertTrue(dueOne(schedule, due.plus(Duration.ofDays(3650)), "u-admin").isEmpty(),
                "the only active administrator of HMIC is no candidate");
        clock.set(due);
        sweep.remove(idle, Remover.policy("UNUSED_ACCOUNTS"));
        assertFalse(directory.findUser("u-idle").orElseThrow().active());

        RemovalCandidate admin = new RemovalCandidate(RetentionCategory.UNUSED_ACCOUNTS, "USER", "u-admin", "x",
                due, null);
        ConflictUnderRule refused = assertThrows(ConflictUnderRule.class,
                () -> sweep.remove(admin, Remover.policy("UNUSED_ACCOUNTS")));
        assertEquals(AgedRecordSweep.LAST_ADMINISTRATOR_KEPT, refused.rule());
        assertTrue(directory.findUser("u-admin").orElseThrow().active());
    }

    @Test
    void auditEventsArePutUpForReviewAndNeverRemoved() {
        policy(RetentionCategory.AUDIT_EVENTS, 2557, DurationUnit.CALENDAR_DAYS, EndAction.REVIEW);
        Instant recorded = Instant.parse("2019-06-01T09:00:00Z");
        audit.record(new AuditEvent(recorded, "u-owner", "ofsted", AuditActions.REPORT_VIEW, "REPORT", "r-1",
                Outcome.SUCCEEDED, null));
        AuditEventSweep sweep = new AuditEventSweep(new JdbcAuditEventAges(dataSource), CALENDAR);
        RetentionSchedule schedule = schedule(sweep);
        Instant due = recorded.atZone(WorkingDayCalendar.UK).plusDays(2557).toInstant();

        assertTrue(schedule.dueForReview(due.minusSeconds(1)).isEmpty());
        List<RetentionSchedule.Entry> review = schedule.dueForReview(due);
        assertEquals(1, review.size());
        assertTrue(review.get(0).candidate().description().startsWith("1 audit events recorded before"),
                review.get(0).candidate().description());
        assertTrue(schedule.due(due.plus(Duration.ofDays(3650))).isEmpty(), "never removed");
        assertThrows(ConflictUnderRule.class,
                () -> sweep.remove(review.get(0).candidate(), Remover.policy("AUDIT_EVENTS")));
        assertEquals(1, count("select count(*) from audit_event where at = ?", Jdbc.timestamp(recorded)));
    }
}
