package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.inspection.InspectionDraft;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.retention.PolicyChange;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;
import uk.gov.inspectorates.portal.core.termplan.TermPlanDraft;
import uk.gov.inspectorates.portal.core.termplan.TermPlanService;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * Issue 18 on real PostgreSQL: a core service over the JDBC adapters, the {@link JdbcAuditTrail} and one
 * {@link JdbcUnitOfWork}. An action whose audit event cannot be written does not happen; an event is never written for
 * an action that rolled back. Test-only triggers make the database refuse: an audit event of a chosen action, or (at
 * commit, after the event is written) an inspection of a chosen theme.
 */
class UnitOfWorkStorageTest {

    private static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");
    private static final String FAILS_AT_COMMIT = "a theme the database refuses at commit";

    private static DataSource dataSource;
    private static InspectionService inspections;
    private static TermPlanService termPlans;

    private final Subject ofstedLead = new Subject("ofsted-lead", "ofsted.lead", "Lena Lead",
            Organisation.of(Inspectorate.OFSTED), Set.of(Role.LEAD_INSPECTOR), Set.of());

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        for (Inspectorate inspectorate : Inspectorate.values()) {
            directory.saveOrganisation(Organisation.of(inspectorate));
        }
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("northdale", "Northdale"));
        directory.saveOrganisation(Organisation.agency("northdale-police", "Northdale Police", AgencyType.POLICE_FORCE,
                "northdale"));
        directory.saveUser(new UserAccount("ofsted-lead", "ofsted.lead", "Lena Lead",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.LEAD_INSPECTOR), Set.of(), null));
        sql("create table test_refused_audit_action (action text primary key)",
                "create function test_refuse_audit_event() returns trigger language plpgsql as $$ begin"
                        + " if new.outcome = 'SUCCEEDED' and exists (select 1 from test_refused_audit_action"
                        + " where action = new.action) then raise exception 'test: audit event refused'; end if;"
                        + " return new; end $$",
                "create trigger test_refuse_audit_event before insert on audit_event for each row"
                        + " execute function test_refuse_audit_event()",
                "create function test_refuse_at_commit() returns trigger language plpgsql as $$ begin"
                        + " raise exception 'test: refused at commit'; end $$",
                "create constraint trigger test_refuse_at_commit after insert on inspection"
                        + " deferrable initially deferred for each row when (new.theme = '" + FAILS_AT_COMMIT + "')"
                        + " execute function test_refuse_at_commit()");
        PolicyGate gate = new PolicyGate(new AccessPolicy(), new JdbcAuditTrail(dataSource),
                Clock.fixed(NOW, ZoneOffset.UTC));
        JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
        inspections = new InspectionService(new JdbcInspectionRepository(dataSource),
                new JdbcInformationRequestRepository(dataSource), directory,
                new WorkingDayCalendar(GovUkBankHolidays.shipped()), gate, unitOfWork);
        termPlans = new TermPlanService(new JdbcTermPlanRepository(dataSource), directory, gate, unitOfWork);
    }

    @AfterEach
    void auditAgain() throws Exception {
        sql("delete from test_refused_audit_action");
    }

    private static InspectionDraft draft(String theme) {
        return new InspectionDraft("northdale", theme, "2027-03-09", List.of("CQC", "HMIC"), "OFSTED", Map.of());
    }

    @Test
    void anInspectionIsOpenedWithItsEventInTheSameTransaction() throws Exception {
        String id = inspections.open(ofstedLead, draft("Children missing from education")).inspection().id();

        assertEquals(1, count("select count(*) from inspection where id = '" + id + "'"));
        assertEquals(1, count("select count(*) from audit_event where action = '" + AuditActions.INSPECTION_OPEN
                + "' and outcome = 'SUCCEEDED' and resource_id = '" + id + "'"));
    }

    @Test
    void anInspectionWhoseEventCannotBeWrittenIsNotOpened() throws Exception {
        long before = count("select count(*) from inspection");
        sql("insert into test_refused_audit_action values ('" + AuditActions.INSPECTION_OPEN + "')");

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> inspections.open(ofstedLead, draft("Children living with domestic abuse")));

        assertTrue(String.valueOf(rootCause(failure).getMessage()).contains("test: audit event refused"),
                failure.toString());
        assertEquals(before, count("select count(*) from inspection"), "no inspection without its event");
        assertEquals(0, count("select count(*) from inspection_participant where inspection_id not in"
                + " (select id from inspection)"));
    }

    @Test
    void noEventIsWrittenForAnOpeningThatRolledBack() throws Exception {
        long events = count("select count(*) from audit_event where action = '" + AuditActions.INSPECTION_OPEN
                + "' and outcome = 'SUCCEEDED'");

        assertThrows(RuntimeException.class, () -> inspections.open(ofstedLead, draft(FAILS_AT_COMMIT)));

        assertEquals(0, count("select count(*) from inspection where theme = '" + FAILS_AT_COMMIT + "'"));
        assertEquals(events, count("select count(*) from audit_event where action = '"
                + AuditActions.INSPECTION_OPEN + "' and outcome = 'SUCCEEDED'"), "no event for what did not happen");
    }

    @Test
    void aTermListWhoseEventCannotBeWrittenIsNotSharedAndTheTrailCarriesOn() throws Exception {
        sql("insert into test_refused_audit_action values ('" + AuditActions.TERM_PLAN_SHARE + "')");

        assertThrows(RuntimeException.class, () -> termPlans.share(ofstedLead,
                new TermPlanDraft(null, "2027-28 AUTUMN", List.of("northdale"))));

        assertEquals(0, count("select count(*) from term_plan where academic_year = 2027 and term = 'AUTUMN'"));
        sql("delete from test_refused_audit_action");
        String id = termPlans.share(ofstedLead, new TermPlanDraft(null, "2027-28 AUTUMN", List.of("northdale")))
                .id();
        assertEquals(1, count("select count(*) from term_plan where id = '" + id + "' and version = 1"),
                "the failed share left no version behind");
        assertEquals(1, count("select count(*) from audit_event where action = '" + AuditActions.TERM_PLAN_SHARE
                + "' and outcome = 'SUCCEEDED' and resource_id = '" + id + "'"));
        assertEquals(0, count("select count(*) from audit_event e join audit_event p on p.seq = ("
                + "select max(seq) from audit_event where seq < e.seq) where e.previous_hash is distinct from p.hash"),
                "each event chains onto the one before it: the rolled-back event left no gap");
    }

    /**
     * Two administrators change a category never changed before at the same moment: the one who loses the insert's
     * race is told false, and the unit of work it runs in is not aborted (no unique violation was raised and caught).
     */
    @Test
    void aPolicyChangeThatLosesTheRaceInsideAUnitLeavesTheUnitUsable() throws Exception {
        JdbcRetentionPolicies policies = new JdbcRetentionPolicies(dataSource);
        RetentionCategory category = RetentionCategory.LETTERS;
        RetentionPolicy defaults = policies.current(category);
        RetentionPolicy longer = new RetentionPolicy(category, 120, DurationUnit.CALENDAR_DAYS, EndAction.REVIEW,
                "Ofsted SIRO");
        ExecutorService loser = Executors.newSingleThreadExecutor();
        try (Connection winner = dataSource.getConnection()) {
            winner.setAutoCommit(false);
            try (Statement statement = winner.createStatement()) {
                statement.executeUpdate("insert into retention_policy (category, amount, unit, action, owner, "
                        + "changed_at) values ('LETTERS', 90, 'CALENDAR_DAYS', 'REMOVE', 'CQC SIRO', now())");
            }
            Future<Long> lost = loser.submit(() -> new JdbcUnitOfWork(dataSource).inOne(() -> {
                boolean changed = policies.change(new PolicyChange(defaults, longer, "admin-2", "cqc", NOW, "race"));
                assertEquals(false, changed);
                // the unit's transaction still works after losing
                return new Jdbc(dataSource).query("select count(*) from retention_policy_change", row -> row.getLong(1))
                        .get(0);
            }));
            // the loser's insert waits on the winner's uncommitted row before the winner commits
            while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 0) {
                assertTrue(!lost.isDone(), "the loser did not wait for the winner");
                Thread.onSpinWait();
            }
            winner.commit();
            assertEquals(0L, lost.get(30, TimeUnit.SECONDS));
        } finally {
            loser.shutdownNow();
        }
        assertEquals(90, policies.current(category).amount(), "the winner's policy is in force");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(String query) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
