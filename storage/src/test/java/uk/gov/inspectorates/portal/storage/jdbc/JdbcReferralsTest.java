package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.referral.Referral;
import uk.gov.inspectorates.portal.core.referral.ReferralCategory;
import uk.gov.inspectorates.portal.core.referral.ReferralEntry;
import uk.gov.inspectorates.portal.core.referral.ReferralStage;
import uk.gov.inspectorates.portal.core.referral.ReferralStep;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/** Referrals on a real PostgreSQL (V13): kept whole, steps taken once each and only in order. */
class JdbcReferralsTest {

    private static final Instant AT = Instant.parse("2030-03-05T10:15:30Z");

    private static DataSource dataSource;
    private static JdbcReferrals referrals;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        DemoDirectory.localAuthorityAreas().forEach(directory::saveLocalAuthorityArea);
        DemoDirectory.organisations().forEach(directory::saveOrganisation);
        directory.saveUser(new UserAccount("u-cqc", "sam.cqc", "Sam Inspector", "cqc", Set.of(Role.INSPECTOR),
                Set.of(), null));
        directory.saveUser(new UserAccount("u-lead", "jo.ofsted", "Jo Lead", "ofsted", Set.of(Role.LEAD_INSPECTOR),
                Set.of(), null));
        directory.saveUser(new UserAccount("u-chief", "chief.police", "Chief Constable", "northdale-police",
                Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), null));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String inspection : List.of("insp-a", "insp-b", "insp-c", "insp-d", "insp-e")) {
                statement.executeUpdate("insert into inspection (id, local_authority_area_id, theme, notified_on, "
                        + "lead_inspectorate, status, opened_by, opened_at) values ('" + inspection + "', "
                        + "'northdale', 'Theme', date '2030-03-04', 'OFSTED', 'OPEN', 'u-lead', now())");
            }
        }
        referrals = new JdbcReferrals(dataSource);
    }

    private static Referral raised(String id, String inspectionId, String agencyId, ReferralCategory category) {
        return new Referral(id, inspectionId, agencyId, new ReferralEntry(null, "u-cqc", "Sam Inspector", AT),
                List.of("CS-2030-001", "CS-2030-002"), category, "No strategy discussion after the second incident.",
                AT.plusSeconds(86_400), Map.of());
    }

    private static ReferralEntry by(String userId, String text, long secondsLater) {
        return new ReferralEntry(text, userId, userId + " name", AT.plusSeconds(secondsLater));
    }

    @Test
    void aReferralIsKeptWholeAndFoundByInspectionAndByAgency() {
        Referral first = raised("r-1", "insp-a", "northdale-police", ReferralCategory.CATEGORY_1);
        Referral second = raised("r-2", "insp-a", "northdale-icb", ReferralCategory.CATEGORY_2);
        Referral elsewhere = raised("r-3", "insp-b", "northdale-police", ReferralCategory.CATEGORY_2);
        List.of(first, second, elsewhere).forEach(referrals::add);

        assertEquals(Optional.of(first), referrals.find("r-1"));
        assertEquals(Optional.empty(), referrals.find("r-none"));
        assertEquals(List.of(first, second), referrals.ofInspection("insp-a"));
        assertEquals(List.of(first, elsewhere), referrals.toAgency("northdale-police"));
    }

    @Test
    void eachStepIsTakenOnceAndOnlyWhenTheReferralWaitsForIt() {
        referrals.add(raised("r-steps", "insp-c", "northdale-probation", ReferralCategory.CATEGORY_1));

        assertFalse(referrals.take("r-steps", ReferralStep.EVALUATION, by("u-cqc", "Too early", 1)),
                "no evaluation before the response");
        assertFalse(referrals.take("r-steps", ReferralStep.LEAD_INSPECTOR_SIGN_OFF, by("u-lead", null, 1)));
        assertTrue(referrals.take("r-steps", ReferralStep.RESPONSE, by("u-chief", "Strategy meeting held today.", 2)));
        assertFalse(referrals.take("r-steps", ReferralStep.RESPONSE, by("u-chief", "Overwritten", 3)),
                "a response is never overwritten");
        assertTrue(referrals.take("r-steps", ReferralStep.EVALUATION, by("u-cqc", "Adequate.", 4)));
        assertTrue(referrals.take("r-steps", ReferralStep.CHIEF_OFFICER_SIGN_OFF, by("u-chief", null, 5)));
        assertTrue(referrals.take("r-steps", ReferralStep.LEAD_INSPECTOR_SIGN_OFF, by("u-lead", null, 6)));
        assertFalse(referrals.take("r-steps", ReferralStep.LEAD_INSPECTOR_SIGN_OFF, by("u-lead", null, 7)));
        assertFalse(referrals.take("r-none", ReferralStep.RESPONSE, by("u-chief", "Nobody", 1)));

        Referral done = referrals.find("r-steps").orElseThrow();
        assertEquals(ReferralStage.SIGNED_OFF, done.stage());
        assertEquals(Optional.of(by("u-chief", "Strategy meeting held today.", 2)),
                done.step(ReferralStep.RESPONSE));
        assertEquals(Optional.of(by("u-cqc", "Adequate.", 4)), done.step(ReferralStep.EVALUATION));
        assertEquals(Optional.of(by("u-lead", null, 6)), done.step(ReferralStep.LEAD_INSPECTOR_SIGN_OFF));
    }

    @Test
    void aReferralGoesWithItsInspection() throws Exception {
        referrals.add(raised("r-gone", "insp-e", "northdale-yos", ReferralCategory.CATEGORY_2));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate("insert into referral (id, "
                    + "inspection_id, agency_id, case_numbers, category, issues, response_required_by, referred_by, "
                    + "referred_by_name, referred_at) values ('r-x', 'insp-none', 'northdale-yos', '{CS-1}', 2, 'x', "
                    + "now(), 'u-cqc', 'Sam', now())"), "no referral without its inspection");
            statement.executeUpdate("delete from inspection where id = 'insp-e'");
        }
        assertEquals(Optional.empty(), referrals.find("r-gone"));
    }

    @Test
    void theDatabaseItselfRefusesAStepOutOfOrder() throws Exception {
        referrals.add(raised("r-raw", "insp-d", "northdale-probation", ReferralCategory.CATEGORY_2));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate("update referral set "
                    + "chief_officer_signed_by = 'u-chief', chief_officer_signed_name = 'x', chief_officer_signed_at "
                    + "= now() where id = 'r-raw'"));
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate("update referral set "
                    + "response = 'half', responded_by = 'u-chief' where id = 'r-raw'"));
        }
    }
}
