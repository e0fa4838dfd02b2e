package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.ADMINISTRATOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.AGENCY_UPLOADER;
import static uk.gov.inspectorates.portal.core.organisation.Role.DATA_ANALYST;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTION_SUPPORT;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.SIRO;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/** The letter rules of the policy (docs/adr/0015); each test fails when its rule is removed or loosened. */
class LetterAccessPolicyTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private final AccessPolicy policy = new AccessPolicy();

    private final Subject ofstedInspector = aSubject().of(OFSTED).withRoles(INSPECTOR).build();
    private final Subject cqcReader = aSubject().of(CQC).onReaderList().build();
    private final Subject hmicReader = aSubject().of(HMIC).onReaderList().build();

    /** An Ofsted report's letter addressed to CQC only (the report itself goes to CQC and HMIC). */
    private static Resource letterToCqc(Resource.Lifecycle stage) {
        return Resource.letter("letter-1", OFSTED, Set.of(CQC), stage);
    }

    private static Resource newLetter(Resource.Lifecycle stage) {
        return Resource.letter(null, OFSTED, Set.of(CQC, HMIC), stage);
    }

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "INSPECTION_SUPPORT"})
    void theOriginatorsSharingStaffAddLettersWhileTheReportIsUnderEmbargo(Role role) {
        Subject sharer = aSubject().of(OFSTED).withRoles(role).build();

        assertEquals(Decision.permit(AccessPolicy.LETTER_ADD_BY_ORIGINATOR_STAFF),
                decide(sharer, Action.UPLOAD, newLetter(Resource.Lifecycle.UNDER_EMBARGO)));
    }

    @Test
    void noOneElseAddsLetters() {
        for (Subject other : new Subject[] {
                aSubject().of(OFSTED).withRoles(DATA_ANALYST, SIRO, ADMINISTRATOR).onReaderList().build(),
                aSubject().of(CQC).withRoles(INSPECTOR, INSPECTION_SUPPORT).onReaderList().build(), cqcReader,
                aSubject().ofAgency().withRoles(AGENCY_UPLOADER, INSPECTOR).build()}) {
            assertEquals(Decision.deny(AccessPolicy.LETTER_ADD_ORIGINATOR_STAFF_ONLY),
                    decide(other, Action.UPLOAD, newLetter(Resource.Lifecycle.UNDER_EMBARGO)), other.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Resource.Lifecycle.class, names = {"PUBLISHED", "WITHDRAWN"})
    void noLetterIsAddedOnceTheEmbargoIsOver(Resource.Lifecycle stage) {
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADD_UNDER_EMBARGO_ONLY),
                decide(ofstedInspector, Action.UPLOAD, newLetter(stage)));
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
    void theOriginatorsSharingStaffReadLetters(Action action) {
        assertEquals(Decision.permit(AccessPolicy.LETTER_ORIGINATOR_STAFF),
                decide(ofstedInspector, action, letterToCqc(Resource.Lifecycle.UNDER_EMBARGO)));
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
    void theReaderListOfAPartyTheLetterIsAddressedToReadsIt(Action action) {
        assertEquals(Decision.permit(AccessPolicy.LETTER_ADDRESSEE_READER_LIST),
                decide(cqcReader, action, letterToCqc(Resource.Lifecycle.UNDER_EMBARGO)));
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
    void noOneElseReadsALetterNotEvenAReaderOfTheReportItIsNotAddressedTo(Action action) {
        for (Subject other : new Subject[] {hmicReader,
                aSubject().of(CQC).withRoles(INSPECTOR, INSPECTION_SUPPORT, SIRO).inTeamNotOnReaderList().build(),
                aSubject().of(OFSTED).withRoles(DATA_ANALYST, SIRO, ADMINISTRATOR).onReaderList().build(),
                aSubject().of(Inspectorate.HMI_PRISONS).onReaderListOf(CQC).build(),
                aSubject().ofAgency().withRoles(AGENCY_UPLOADER).build()}) {
            assertEquals(Decision.deny(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY),
                    decide(other, action, letterToCqc(Resource.Lifecycle.UNDER_EMBARGO)), other.toString());
        }
    }

    /** Letters are never published: the report's publication widens nothing and every copy stays stamped. */
    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"LIST", "VIEW_METADATA", "DOWNLOAD"})
    void afterPublicationTheSameReadersAndNoOthers(Action action) {
        Resource published = letterToCqc(Resource.Lifecycle.PUBLISHED);
        Subject cqcStaff = aSubject().of(CQC).withRoles(INSPECTOR).inTeamNotOnReaderList().build();
        Subject hmicStaff = aSubject().of(HMIC).withRoles(INSPECTOR).inTeamNotOnReaderList().build();

        assertEquals(Decision.permit(AccessPolicy.LETTER_ADDRESSEE_READER_LIST), decide(cqcReader, action, published));
        assertEquals(Decision.permit(AccessPolicy.LETTER_ORIGINATOR_STAFF), decide(ofstedInspector, action, published));
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY), decide(cqcStaff, action, published));
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY), decide(hmicStaff, action, published));
    }

    @Test
    void aWithdrawnReportsLettersAreListedToTheirReadersButNotServed() {
        Resource withdrawn = letterToCqc(Resource.Lifecycle.WITHDRAWN);

        assertEquals(Decision.permit(AccessPolicy.LETTER_ADDRESSEE_READER_LIST),
                decide(cqcReader, Action.VIEW_METADATA, withdrawn));
        assertEquals(Decision.deny(AccessPolicy.LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED),
                decide(cqcReader, Action.DOWNLOAD, withdrawn));
        assertEquals(Decision.deny(AccessPolicy.LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED),
                decide(ofstedInspector, Action.DOWNLOAD, withdrawn));
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY),
                decide(hmicReader, Action.DOWNLOAD, withdrawn));
    }

    @Test
    void anAdvanceLetterIsSentAheadOfItsReportByTheSendersSharingStaffOnlyAndReadByItsAddressees() {
        Resource ahead = Resource.letter("letter-2", OFSTED, Set.of(CQC), Resource.Lifecycle.NONE);

        assertEquals(Decision.permit(AccessPolicy.LETTER_ADD_BY_ORIGINATOR_STAFF),
                decide(ofstedInspector, Action.UPLOAD, Resource.letter(null, OFSTED, Set.of(CQC),
                        Resource.Lifecycle.NONE)));
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADD_ORIGINATOR_STAFF_ONLY),
                decide(cqcReader, Action.UPLOAD, Resource.letter(null, CQC, Set.of(HMIC), Resource.Lifecycle.NONE)));
        assertEquals(Decision.permit(AccessPolicy.LETTER_ADDRESSEE_READER_LIST), decide(cqcReader, Action.DOWNLOAD,
                ahead));
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY), decide(hmicReader,
                Action.DOWNLOAD, ahead));
    }

    @Test
    void anAdvanceLetterSentAheadIsRemovedOnItsOwnByAnAdministratorOfItsSenderOnly() {
        Resource ahead = Resource.letter("letter-2", OFSTED, Set.of(CQC), Resource.Lifecycle.NONE);
        Subject ofstedAdmin = aSubject().of(OFSTED).withRoles(ADMINISTRATOR).build();

        assertEquals(Decision.permit(AccessPolicy.LETTER_AHEAD_REMOVE_BY_ORIGINATOR_ADMINISTRATOR),
                decide(ofstedAdmin, Action.DELETE, ahead));
        for (Subject other : new Subject[] {ofstedInspector, cqcReader,
                aSubject().of(CQC).withRoles(ADMINISTRATOR).build()}) {
            assertEquals(Decision.deny(AccessPolicy.LETTER_AHEAD_REMOVE_ORIGINATOR_ADMINISTRATOR_ONLY),
                    decide(other, Action.DELETE, ahead));
        }
        assertEquals(Decision.deny(AccessPolicy.LETTER_CHANGES_WITH_ITS_REPORT),
                decide(ofstedAdmin, Action.DELETE, letterToCqc(Resource.Lifecycle.UNDER_EMBARGO)),
                "a letter of a report goes with it");
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"DELETE", "AUDIT_VIEW"})
    void aLetterIsChangedOrRemovedOnlyWithItsReport(Action action) {
        Subject everything = aSubject().of(OFSTED).withRoles(Role.values()).onReaderList().build();

        assertEquals(Decision.deny(AccessPolicy.LETTER_CHANGES_WITH_ITS_REPORT),
                decide(everything, action, letterToCqc(Resource.Lifecycle.UNDER_EMBARGO)));
        assertEquals(Decision.deny(AccessPolicy.LETTER_CHANGES_WITH_ITS_REPORT),
                decide(cqcReader, action, letterToCqc(Resource.Lifecycle.PUBLISHED)));
    }

    // ---- onward sharing of letters (ISP ¶14, docs/adr/0027) ----

    @ParameterizedTest
    @EnumSource(value = Resource.Lifecycle.class, names = {"UNDER_EMBARGO", "PUBLISHED", "NONE"})
    void theReaderListOfAPartyTheLetterIsAddressedToRecordsOnwardSharing(Resource.Lifecycle stage) {
        assertEquals(Decision.permit(AccessPolicy.LETTER_ONWARD_SHARING_BY_RECEIVING_PARTY),
                decide(cqcReader, Action.EXPORT, letterToCqc(stage)));
    }

    @Test
    void theSenderIsNoReceivingPartyAndNeedsNoBasisForItsOwnLetter() {
        for (Subject sender : new Subject[] {ofstedInspector,
                aSubject().of(OFSTED).withRoles(Role.values()).onReaderList().build()}) {
            assertEquals(Decision.deny(AccessPolicy.LETTER_ONWARD_SHARING_RECEIVING_PARTIES_ONLY),
                    decide(sender, Action.EXPORT, letterToCqc(Resource.Lifecycle.UNDER_EMBARGO)));
        }
        Resource toOfstedToo = Resource.letter("letter-2", OFSTED, Set.of(OFSTED, CQC),
                Resource.Lifecycle.UNDER_EMBARGO);
        assertEquals(Decision.deny(AccessPolicy.LETTER_ONWARD_SHARING_RECEIVING_PARTIES_ONLY),
                decide(aSubject().of(OFSTED).onReaderList().build(), Action.EXPORT, toOfstedToo),
                "the sender's own reader list is not a receiving party");
    }

    @Test
    void whoMayNotReadTheLetterRecordsNoOnwardSharingOfIt() {
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY),
                decide(hmicReader, Action.EXPORT, letterToCqc(Resource.Lifecycle.PUBLISHED)),
                "a reader of the report the letter is not addressed to");
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY),
                decide(aSubject().of(CQC).withRoles(INSPECTOR, ADMINISTRATOR, SIRO).build(), Action.EXPORT,
                        letterToCqc(Resource.Lifecycle.PUBLISHED)), "the addressee's staff off its reader list");
        assertEquals(Decision.deny(AccessPolicy.LETTER_ADDRESSEE_READER_LISTS_ONLY),
                decide(aSubject().ofAgency().withRoles(AGENCY_UPLOADER).build(), Action.EXPORT,
                        letterToCqc(Resource.Lifecycle.UNDER_EMBARGO)));
    }

    @Test
    void aWithdrawnReportsLetterIsNotSharedOnward() {
        assertEquals(Decision.deny(AccessPolicy.LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED),
                decide(cqcReader, Action.EXPORT, letterToCqc(Resource.Lifecycle.WITHDRAWN)));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INSPECTOR", "INSPECTION_SUPPORT"})
    void theSendersSharingStaffAnswerRequestsForWrittenConsent(Role role) {
        Subject sharer = aSubject().of(OFSTED).withRoles(role).build();

        assertEquals(Decision.permit(AccessPolicy.LETTER_CONSENT_BY_ORIGINATOR_STAFF),
                decide(sharer, Action.CHANGE, letterToCqc(Resource.Lifecycle.PUBLISHED)));
        assertEquals(Decision.permit(AccessPolicy.LETTER_CONSENT_BY_ORIGINATOR_STAFF),
                decide(sharer, Action.CHANGE, Resource.letter("ahead", OFSTED, Set.of(CQC), Resource.Lifecycle.NONE)));
        assertEquals(Decision.deny(AccessPolicy.LETTER_OF_WITHDRAWN_REPORT_NOT_SERVED),
                decide(sharer, Action.CHANGE, letterToCqc(Resource.Lifecycle.WITHDRAWN)));
    }

    @Test
    void noOneElseAnswersForTheSender() {
        for (Subject other : new Subject[] {cqcReader, hmicReader,
                aSubject().of(OFSTED).withRoles(DATA_ANALYST, SIRO, ADMINISTRATOR).onReaderList().build(),
                aSubject().of(CQC).withRoles(INSPECTOR).onReaderList().build(),
                aSubject().ofAgency().withRoles(AGENCY_UPLOADER).build()}) {
            assertEquals(Decision.deny(AccessPolicy.LETTER_CONSENT_ORIGINATOR_STAFF_ONLY),
                    decide(other, Action.CHANGE, letterToCqc(Resource.Lifecycle.UNDER_EMBARGO)), other.toString());
        }
    }
}
