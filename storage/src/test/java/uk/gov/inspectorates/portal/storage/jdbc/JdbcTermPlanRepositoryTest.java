package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.termplan.Term;
import uk.gov.inspectorates.portal.core.termplan.TermPlanList;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/** Term plans on a real PostgreSQL (V8): versions kept side by side, areas in order, nothing half-written. */
class JdbcTermPlanRepositoryTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:15:30Z");
    private static final LocalAuthorityArea NORTHDALE = new LocalAuthorityArea("northdale", "Northdale");
    private static final LocalAuthorityArea SOUTHDALE = new LocalAuthorityArea("southdale", "Southdale");
    private static final LocalAuthorityArea EAST_MOOR = new LocalAuthorityArea("east-moor", "East Moor");

    private static DataSource dataSource;
    private static JdbcTermPlanRepository plans;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        List.of(NORTHDALE, SOUTHDALE, EAST_MOOR).forEach(directory::saveLocalAuthorityArea);
        DemoDirectory.organisations().forEach(directory::saveOrganisation);
        directory.saveUser(new UserAccount("u-ofsted", "jo.ofsted", "Jo", "ofsted", Set.of(Role.INSPECTOR), Set.of(),
                null));
        directory.saveUser(new UserAccount("u-cqc", "sam.cqc", "Sam", "cqc", Set.of(Role.INSPECTOR), Set.of(), null));
        plans = new JdbcTermPlanRepository(dataSource);
    }

    private static TermPlanList plan(String id, Inspectorate inspectorate, String term, int version, String by,
                                     LocalAuthorityArea... areas) {
        return new TermPlanList(id, inspectorate, Term.parse(term), version, List.of(areas), by, AT);
    }

    @Test
    void versionsAreKeptSideBySideWithTheirAreasInOrder() {
        TermPlanList first = plan("tp-1", Inspectorate.OFSTED, "2030-31 SPRING", 1, "u-ofsted", SOUTHDALE, NORTHDALE);
        TermPlanList second = plan("tp-2", Inspectorate.OFSTED, "2030-31 SPRING", 2, "u-ofsted", EAST_MOOR);
        TermPlanList cqc = plan("tp-3", Inspectorate.CQC, "2030-31 SPRING", 1, "u-cqc", NORTHDALE, EAST_MOOR,
                SOUTHDALE);
        TermPlanList summer = plan("tp-4", Inspectorate.OFSTED, "2030-31 SUMMER", 1, "u-ofsted", NORTHDALE);
        List.of(second, cqc, first, summer).forEach(plans::add);

        assertEquals(Optional.of(first), plans.find("tp-1"));
        assertEquals(Optional.empty(), plans.find("tp-none"));
        assertEquals(List.of(cqc, first, second), plans.ofTerm(Term.parse("2030-31 SPRING")),
                "by inspectorate, then version");
        assertEquals(List.of(summer), plans.ofTerm(Term.parse("2030-31 SUMMER")));
        assertEquals(List.of(), plans.ofTerm(Term.parse("2030-31 AUTUMN")));
        assertEquals(2, plans.latestVersion(Inspectorate.OFSTED, Term.parse("2030-31 SPRING")));
        assertEquals(1, plans.latestVersion(Inspectorate.CQC, Term.parse("2030-31 SPRING")));
        assertEquals(0, plans.latestVersion(Inspectorate.HMIC, Term.parse("2030-31 SPRING")));
        assertEquals(AT, plans.find("tp-3").orElseThrow().sharedAt());
    }

    @Test
    void aVersionIsTakenOnceAndARefusedShareLeavesNoRows() throws Exception {
        plans.add(plan("tp-10", Inspectorate.HMIC, "2031-32 AUTUMN", 1, "u-ofsted", NORTHDALE));

        assertThrows(DataAccessException.class,
                () -> plans.add(plan("tp-11", Inspectorate.HMIC, "2031-32 AUTUMN", 1, "u-ofsted", SOUTHDALE)));
        assertThrows(DataAccessException.class, () -> plans.add(plan("tp-12", Inspectorate.HMIC, "2031-32 AUTUMN", 2,
                "u-ofsted", NORTHDALE, new LocalAuthorityArea("atlantis", "Atlantis"))), "only known areas");

        assertEquals(List.of("tp-10"), plans.ofTerm(Term.parse("2031-32 AUTUMN")).stream().map(TermPlanList::id)
                .toList());
        assertEquals(0, count("select count(*) from term_plan where id in ('tp-11', 'tp-12')"));
        assertEquals(0, count("select count(*) from term_plan_area where term_plan_id in ('tp-11', 'tp-12')"));
    }

    @Test
    void theSchemaHoldsOfficialSensitiveOnlyAndEachAreaOnce() throws Exception {
        assertThrows(java.sql.SQLException.class, () -> execute("insert into term_plan (id, inspectorate, "
                + "academic_year, term, version, classification_tier, shared_by, shared_at) values ('tp-20', 'CQC', "
                + "2032, 'SPRING', 1, 'OFFICIAL', 'u-cqc', now())"));
        plans.add(plan("tp-21", Inspectorate.CQC, "2032-33 SPRING", 1, "u-cqc", NORTHDALE));
        assertThrows(java.sql.SQLException.class, () -> execute("insert into term_plan_area (term_plan_id, position, "
                + "area_id) values ('tp-21', 1, 'northdale')"));
        assertEquals("OFFICIAL_SENSITIVE", text("select classification_tier from term_plan where id = 'tp-21'"));
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
