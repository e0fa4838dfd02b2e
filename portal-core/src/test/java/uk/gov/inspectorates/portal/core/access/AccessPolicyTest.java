package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.AGENCY_UPLOADER;
import static uk.gov.inspectorates.portal.core.organisation.Role.ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.DATA_ANALYST;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTION_SUPPORT;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.SIRO;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

class AccessPolicyTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private final AccessPolicy policy = new AccessPolicy();

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    private static void assertPermitted(String rule, Decision decision) {
        assertEquals(Decision.permit(rule), decision);
    }

    private static void assertDenied(String rule, Decision decision) {
        assertEquals(Decision.deny(rule), decision);
    }

    @Nested
    class Sharing {

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"INSPECTOR", "INSPECTION_SUPPORT"})
        void originatorStaffWithASharingRoleMayShare(Role role) {
            Subject sharer = aSubject().of(OFSTED).withRoles(role).build();

            assertPermitted(AccessPolicy.SHARE_BY_ORIGINATOR_STAFF,
                    decide(sharer, Action.UPLOAD, Resource.newReport(OFSTED)));
        }

        @Test
        void agencyStaffMayNotShare() {
            Subject agency = aSubject().ofAgency().withRoles(AGENCY_UPLOADER, INSPECTOR).build();

            assertDenied(AccessPolicy.SHARE_INSPECTORATES_ONLY, decide(agency, Action.UPLOAD, Resource.newReport(null)));
            assertDenied(AccessPolicy.SHARE_INSPECTORATES_ONLY,
                    decide(agency, Action.UPLOAD, Resource.newReport(OFSTED)));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"DATA_ANALYST", "SIRO", "ADMINISTRATOR", "AGENCY_UPLOADER"})
        void inspectorateStaffWithoutASharingRoleMayNotShare(Role role) {
            Subject staff = aSubject().of(OFSTED).withRoles(role).onReaderList().build();

            assertDenied(AccessPolicy.SHARE_NEEDS_SHARING_ROLE,
                    decide(staff, Action.UPLOAD, Resource.newReport(OFSTED)));
        }

        @Test
        void inspectorateStaffWithNoRoleAtAllMayNotShare() {
            Subject staff = aSubject().of(OFSTED).build();

            assertDenied(AccessPolicy.SHARE_NEEDS_SHARING_ROLE,
                    decide(staff, Action.UPLOAD, Resource.newReport(OFSTED)));
        }

        @Test
        void noOneSharesForAnotherInspectorate() {
            Subject cqcInspector = aSubject().of(CQC).withRoles(INSPECTOR, INSPECTION_SUPPORT).build();

            assertDenied(AccessPolicy.SHARE_NEEDS_SHARING_ROLE,
                    decide(cqcInspector, Action.UPLOAD, Resource.newReport(OFSTED)));
        }
    }

    @Nested
    class OpeningEmbargoedReports {

        private final Resource ofstedReportToCqcAndHmic = aReport().from(OFSTED).addressedTo(CQC, HMIC).build()
                .asResourceAt(NOW);

        @ParameterizedTest
        @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
        void originatorSharingStaffMayOpen(Action action) {
            Subject sharer = aSubject().of(OFSTED).withRoles(INSPECTION_SUPPORT).build();

            assertPermitted(AccessPolicy.EMBARGO_ORIGINATOR_STAFF, decide(sharer, action, ofstedReportToCqcAndHmic));
        }

        @ParameterizedTest
        @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
        void originatorStaffWithoutASharingRoleMayNotOpen(Action action) {
            Subject analyst = aSubject().of(OFSTED).withRoles(DATA_ANALYST, SIRO, ADMINISTRATOR).build();

            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(analyst, action, ofstedReportToCqcAndHmic));
        }

        @ParameterizedTest
        @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
        void addresseeReaderListMemberMayOpen(Action action) {
            Subject reader = aSubject().of(CQC).onReaderList().build();

            assertPermitted(AccessPolicy.EMBARGO_READER_LIST, decide(reader, action, ofstedReportToCqcAndHmic));
        }

        @ParameterizedTest
        @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
        void addresseeStaffNotOnAReaderListMayNotOpen(Action action) {
            Subject inspector = aSubject().of(CQC).withRoles(INSPECTOR, INSPECTION_SUPPORT).inTeamNotOnReaderList()
                    .build();

            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(inspector, action, ofstedReportToCqcAndHmic));
        }

        @ParameterizedTest
        @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
        void readerListMemberOfAnInspectorateThatIsNotAnAddresseeMayNotOpen(Action action) {
            Subject prisonsReader = aSubject().of(Inspectorate.HMI_PRISONS).onReaderList().build();

            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY,
                    decide(prisonsReader, action, ofstedReportToCqcAndHmic));
        }

        @ParameterizedTest
        @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
        void readerListTeamOfAnotherInspectorateDoesNotQualify(Action action) {
            // an HMI Prisons user somehow in a CQC reader-list team: CQC is an addressee, HMI Prisons is not
            Subject prisonsUserInCqcTeam = aSubject().of(Inspectorate.HMI_PRISONS).onReaderListOf(CQC).build();
            // a CQC user in an HMI Prisons reader-list team: CQC is an addressee, but the team is not CQC's
            Subject cqcUserInPrisonsTeam = aSubject().of(CQC).onReaderListOf(Inspectorate.HMI_PRISONS).build();

            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY,
                    decide(prisonsUserInCqcTeam, action, ofstedReportToCqcAndHmic));
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY,
                    decide(cqcUserInPrisonsTeam, action, ofstedReportToCqcAndHmic));
        }

        @ParameterizedTest
        @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
        void agenciesNeverOpen(Action action) {
            Subject agency = aSubject().ofAgency().withRoles(Role.values()).onReaderListOf(CQC).build();

            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(agency, action, ofstedReportToCqcAndHmic));
        }
    }

    @Nested
    class Removing {

        private final Resource ofstedReport = aReport().from(OFSTED).build().asResourceAt(NOW);

        @Test
        void anAdministratorOfTheOriginatorMayRemove() {
            Subject admin = aSubject().of(OFSTED).withRoles(ADMINISTRATOR).build();

            assertPermitted(AccessPolicy.REMOVE_BY_ORIGINATOR_ADMINISTRATOR, decide(admin, Action.DELETE, ofstedReport));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"INSPECTOR", "INSPECTION_SUPPORT", "DATA_ANALYST", "SIRO",
                "AGENCY_UPLOADER"})
        void originatorStaffWithoutTheAdministratorRoleMayNotRemove(Role role) {
            Subject staff = aSubject().of(OFSTED).withRoles(role).onReaderList().build();

            assertDenied(AccessPolicy.REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY, decide(staff, Action.DELETE, ofstedReport));
        }

        @Test
        void anAdministratorOfAnotherInspectorateOrAnAgencyMayNotRemove() {
            Subject cqcAdmin = aSubject().of(CQC).withRoles(Role.values()).onReaderList().build();
            Subject agency = aSubject().ofAgency().withRoles(Role.values()).build();

            assertDenied(AccessPolicy.REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY, decide(cqcAdmin, Action.DELETE, ofstedReport));
            assertDenied(AccessPolicy.REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY, decide(agency, Action.DELETE, ofstedReport));
        }
    }

    @Nested
    class ResumableUploads {

        @ParameterizedTest
        @EnumSource(Action.class)
        void onlyTheUploaderMayTouchTheirUpload(Action action) {
            Resource upload = Resource.upload("upload-1", "owner");
            Subject owner = aSubject().withId("owner").of(OFSTED).withRoles(INSPECTOR).build();
            Subject colleague = aSubject().withId("colleague").of(OFSTED).withRoles(Role.values()).onReaderList()
                    .build();

            assertPermitted(AccessPolicy.UPLOAD_BY_OWNER, decide(owner, action, upload));
            assertDenied(AccessPolicy.UPLOAD_OWNER_ONLY, decide(colleague, action, upload));
        }
    }

    @Nested
    class AfterSharing {

        private final Subject ofstedInspector = aSubject().of(OFSTED).withRoles(INSPECTOR).build();
        private final Subject ofstedAnalyst = aSubject().of(OFSTED).withRoles(DATA_ANALYST).build();
        private final Subject cqcReader = aSubject().of(CQC).onReaderList().build();
        private final Subject cqcInspector = aSubject().of(CQC).withRoles(INSPECTOR).inTeamNotOnReaderList().build();
        private final Subject prisonsInspector = aSubject().of(Inspectorate.HMI_PRISONS).withRoles(INSPECTOR).build();
        private final Subject agency = aSubject().ofAgency().withRoles(Role.values()).onReaderListOf(CQC).build();

        private Resource report(ReportBuilderState state) {
            var builder = aReport().from(OFSTED).addressedTo(CQC, HMIC);
            var report = switch (state) {
                case EMBARGO -> builder.build();
                case SCHEDULED -> builder.publishedAt(NOW.plusSeconds(1)).build();
                case PUBLISHED -> builder.publishedAt(NOW).build();
                case WITHDRAWN -> builder.published().withdrawn().build();
            };
            return report.asResourceAt(NOW);
        }

        @Test
        void aScheduledPublicationKeepsTheEmbargoUntilItsMomentAndEndsItThen() {
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(cqcInspector, Action.VIEW_METADATA,
                    report(ReportBuilderState.SCHEDULED)));
            assertPermitted(AccessPolicy.PUBLISHED_PARTY_STAFF, decide(cqcInspector, Action.VIEW_METADATA,
                    report(ReportBuilderState.PUBLISHED)));
        }

        @ParameterizedTest
        @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
        void oncePublishedEveryStaffMemberOfTheOriginatorAndTheAddresseesMayOpenIt(Action action) {
            Resource published = report(ReportBuilderState.PUBLISHED);

            assertPermitted(AccessPolicy.PUBLISHED_PARTY_STAFF, decide(cqcInspector, action, published));
            assertPermitted(AccessPolicy.PUBLISHED_PARTY_STAFF, decide(ofstedAnalyst, action, published));
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(prisonsInspector, action, published));
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(agency, action, published));
        }

        @Test
        void aWithdrawnReportIsSeenOnlyAsUnderEmbargoAndIsNeverServed() {
            Resource withdrawn = report(ReportBuilderState.WITHDRAWN);

            assertPermitted(AccessPolicy.EMBARGO_READER_LIST, decide(cqcReader, Action.VIEW_METADATA, withdrawn));
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(cqcInspector, Action.VIEW_METADATA, withdrawn));
            assertDenied(AccessPolicy.WITHDRAWN_NOT_SERVED, decide(cqcReader, Action.DOWNLOAD, withdrawn));
            assertDenied(AccessPolicy.WITHDRAWN_NOT_SERVED, decide(ofstedInspector, Action.DOWNLOAD, withdrawn));
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(cqcInspector, Action.DOWNLOAD, withdrawn));
        }

        @ParameterizedTest
        @EnumSource(ReportBuilderState.class)
        void onlyTheOriginatorsSharingStaffChangeAReport(ReportBuilderState state) {
            Resource report = report(state);
            Subject ofstedAdmin = aSubject().of(OFSTED).withRoles(ADMINISTRATOR, SIRO, DATA_ANALYST).onReaderList()
                    .build();
            Subject cqcEverything = aSubject().of(CQC).withRoles(Role.values()).onReaderList().build();

            assertPermitted(AccessPolicy.CHANGE_BY_ORIGINATOR_STAFF, decide(ofstedInspector, Action.CHANGE, report));
            assertDenied(AccessPolicy.CHANGE_ORIGINATOR_STAFF_ONLY, decide(ofstedAdmin, Action.CHANGE, report));
            assertDenied(AccessPolicy.CHANGE_ORIGINATOR_STAFF_ONLY, decide(cqcEverything, Action.CHANGE, report));
            assertDenied(AccessPolicy.CHANGE_ORIGINATOR_STAFF_ONLY, decide(agency, Action.CHANGE, report));
        }

        @ParameterizedTest
        @EnumSource(value = ReportBuilderState.class, names = "WITHDRAWN", mode = EnumSource.Mode.EXCLUDE)
        void onwardSharingIsForReceivingPartiesWhoMayOpenTheReport(ReportBuilderState state) {
            Resource report = report(state);

            assertPermitted(AccessPolicy.ONWARD_SHARING_BY_RECEIVING_PARTY, decide(cqcReader, Action.EXPORT, report));
            assertDenied(AccessPolicy.ONWARD_SHARING_RECEIVING_PARTIES_ONLY,
                    decide(ofstedInspector, Action.EXPORT, report));
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(agency, Action.EXPORT, report));
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(prisonsInspector, Action.EXPORT, report));
        }

        @Test
        void aWithdrawnReportIsNotSharedOnward() {
            Resource withdrawn = report(ReportBuilderState.WITHDRAWN);

            assertDenied(AccessPolicy.WITHDRAWN_NOT_SERVED, decide(cqcReader, Action.EXPORT, withdrawn));
            assertDenied(AccessPolicy.EMBARGO_READER_LIST_ONLY, decide(cqcInspector, Action.EXPORT, withdrawn));
        }
    }

    enum ReportBuilderState { EMBARGO, SCHEDULED, PUBLISHED, WITHDRAWN }

    /** Issue 18, "who has seen this report?": its originator's SIRO, nobody else (not even with every other role). */
    @Test
    void auditViewOfAReportIsItsOriginatorsSiros() {
        Resource report = aReport().from(OFSTED).addressedTo(CQC).build().asResourceAt(NOW);
        Subject ofstedSiro = aSubject().of(OFSTED).withRoles(Role.SIRO).build();
        Role[] allButSiro = java.util.Arrays.stream(Role.values()).filter(role -> role != Role.SIRO)
                .toArray(Role[]::new);
        Subject sharer = aSubject().of(OFSTED).withRoles(allButSiro).onReaderList().build();
        Subject addresseeSiro = aSubject().of(CQC).withRoles(Role.values()).onReaderList().build();

        assertPermitted(AuditRules.REPORT_ORIGINATOR_SIRO, decide(ofstedSiro, Action.AUDIT_VIEW, report));
        assertDenied(AuditRules.REPORT_ORIGINATOR_SIRO, decide(sharer, Action.AUDIT_VIEW, report));
        assertDenied(AuditRules.REPORT_ORIGINATOR_SIRO, decide(addresseeSiro, Action.AUDIT_VIEW, report));
    }

    /** Guards the tests above: a new action must be given a rule and a test, not fall through unnoticed. */
    @Test
    void everyActionIsCoveredByTheseTests() {
        assertEquals(8, Action.values().length);
    }
}
