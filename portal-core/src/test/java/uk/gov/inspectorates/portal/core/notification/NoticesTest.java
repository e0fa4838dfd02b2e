package uk.gov.inspectorates.portal.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.ProtocolReaderLists;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;

class NoticesTest {

    private static final String AGENCY = DemoDirectory.CHILDRENS_SERVICES_ID;
    private static final String OFSTED = Inspectorate.OFSTED.organisationId();

    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final MailAddresses addresses = person -> person.username().contains("@")
            ? Optional.of(person.username()) : Optional.empty();
    private final Notices notices = new Notices(directory, addresses, outbox,
            new MutableClock(Instant.parse("2026-12-07T09:00:00Z")), "https://portal.example.gov.uk/");

    private void person(String id, String username, String organisation, Set<Role> roles, Set<String> teams,
                        boolean active) {
        directory.saveUser(new UserAccount(id, username, id, organisation, roles, teams, null, active));
    }

    private List<String> recipientsOf(Notice notice) {
        notices.enqueue(notice);
        return outbox.messages().stream().map(OutgoingMessage::recipient).toList();
    }

    @Test
    void anOrganisationsPeopleHoldingTheRolesAreAddressedAndNobodyElse() {
        person("uploader", "up@northdale.gov.uk", AGENCY, Set.of(Role.AGENCY_UPLOADER), Set.of(), true);
        person("chief", "dcs@northdale.gov.uk", AGENCY, Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), true);
        person("admin", "admin@northdale.gov.uk", AGENCY, Set.of(Role.ADMINISTRATOR), Set.of(), true);
        person("gone", "gone@northdale.gov.uk", AGENCY, Set.of(Role.AGENCY_UPLOADER), Set.of(), false);
        person("police", "up@northdale.police.uk", "northdale-police", Set.of(Role.AGENCY_UPLOADER), Set.of(), true);
        person("no-address", "no.address", AGENCY, Set.of(Role.AGENCY_UPLOADER), Set.of(), true);

        List<String> to = recipientsOf(Notice.of(NoticeKind.NEW_REQUEST, "Key case documents", "/inspections/i/requests/r",
                Recipients.withRoles(AGENCY, Role.AGENCY_UPLOADER, Role.AGENCY_CHIEF_OFFICER)));

        assertEquals(Set.of("up@northdale.gov.uk", "dcs@northdale.gov.uk"), Set.copyOf(to));
    }

    @Test
    void anInspectoratesReaderListMeansTheMembersOfItsReaderListTeamsOnly() {
        String readerTeam = ProtocolReaderLists.teamsOf(Inspectorate.OFSTED).get(0).id();
        person("reader", "reader@ofsted.gov.uk", OFSTED, Set.of(Role.READER), Set.of(readerTeam), true);
        person("inspector", "inspector@ofsted.gov.uk", OFSTED, Set.of(Role.INSPECTOR),
                Set.of(OFSTED + "/inspection-team"), true);
        person("cqc", "reader@cqc.org.uk", Inspectorate.CQC.organisationId(), Set.of(Role.READER),
                Set.of(ProtocolReaderLists.teamsOf(Inspectorate.CQC).get(0).id()), true);

        assertEquals(List.of("reader@ofsted.gov.uk"), recipientsOf(Notice.of(NoticeKind.REPORT_SHARED,
                "Northdale JTAI findings", "/reports/r1", Recipients.readerListOf(OFSTED))));
    }

    @Test
    void onePersonReachedSeveralWaysGetsOneMessage() {
        person("chief", "DCS@northdale.gov.uk", AGENCY, Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), true);

        assertEquals(List.of("DCS@northdale.gov.uk"), recipientsOf(Notice.of(NoticeKind.REFERRAL_CATEGORY_1, "",
                "/inspections/i/referrals/f", Recipients.person("chief"),
                Recipients.withRoles(AGENCY, Role.AGENCY_CHIEF_OFFICER), Recipients.address("dcs@northdale.gov.uk"))));
    }

    @Test
    void aNoticeNobodyCanReceiveQueuesNothing() {
        notices.enqueue(Notice.of(NoticeKind.NEW_REQUEST, "t", "/x", Recipients.withRoles(AGENCY, Role.AGENCY_UPLOADER),
                Recipients.address("not an address"), Recipients.person("nobody")));

        assertTrue(outbox.rows.isEmpty());
    }

    @Test
    void linksAreMadeAbsoluteWithTheConfiguredPortalAddress() {
        notices.enqueue(Notice.of(NoticeKind.PASSWORD_RESET, "", "/password-reset/tok_en-1",
                Recipients.address("pat@northdale.gov.uk")));

        OutgoingMessage message = outbox.messages().get(0);
        assertEquals("https://portal.example.gov.uk/password-reset/tok_en-1", message.link());
        assertTrue(message.body().contains(message.link()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/x", "//evil.example/x", "/reports?child=1234", "/reports#1234",
            "/a/../b", "relative/path", "/line\nbreak"})
    void aLinkIsAPathInsideThePortalWithNoQueryOrFragment(String link) {
        assertThrows(IllegalArgumentException.class, () -> Notice.of(NoticeKind.NEW_REQUEST, "t", link,
                Recipients.person("p")));
    }

    @Test
    void thePortalAddressMustBeAPlainHttpAddress() {
        assertThrows(IllegalArgumentException.class, () -> new Notices(directory, addresses, outbox,
                new MutableClock(Instant.EPOCH), "https://portal.example/?x=1"));
        assertThrows(IllegalArgumentException.class, () -> new Notices(directory, addresses, outbox,
                new MutableClock(Instant.EPOCH), null));
    }

    /**
     * Whatever the caller puts in the title, each kind's e-mail is its fixed wording, the cleaned title (where the
     * kind shows one) and the link: take those two out and every message of a kind is the same text.
     */
    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void anEmailIsTheKindsFixedWordingTheCleanedTitleAndTheLinkOnly(NoticeKind kind) {
        String link = "https://portal.example.gov.uk/things/abc";
        OutgoingMessage one = NoticeTemplates.render(kind, "a@b.example", "Case files for child 7654321\nBcc: x", link);
        OutgoingMessage two = NoticeTemplates.render(kind, "a@b.example", "Northdale request", link);

        for (OutgoingMessage message : List.of(one, two)) {
            assertFalse(message.body().contains("7654321"), message.body());
            assertFalse(message.subject().contains("7654321") || message.subject().contains("\n"));
            assertTrue(message.body().contains(link));
        }
        String cleanedOne = NoticeTitle.clean("Case files for child 7654321\nBcc: x");
        assertEquals(one.body().replace(cleanedOne, "TITLE"), two.body().replace("Northdale request", "TITLE"));
        assertEquals(one.subject(), two.subject());
    }

    @Test
    void aReferralsEmailShowsNoTitleAtAll() {
        OutgoingMessage message = NoticeTemplates.render(NoticeKind.REFERRAL_CATEGORY_1, "a@b.example",
                "Concern about the child at Elm Street", "https://portal.example.gov.uk/r");

        assertFalse(message.body().contains("Elm Street"), message.body());
    }
}
