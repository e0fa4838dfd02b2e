package uk.gov.inspectorates.portal.core.account.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class StaffSignInTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String SOCIAL_CARE_POLICY = "Social care policy team";

    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final FakeIdentityProvider idp = new FakeIdentityProvider();
    private final StaffSignIn signIn = new StaffSignIn(idp, directory, AttributeMapping.DEFAULT, audit,
            new MutableClock(NOW));

    @Test
    void anOfstedInspectorOnTheInspectionTeamGetsAnAccountWithThoseRolesAndTeams() {
        idp.next = ofsted("jo.inspector", Map.of("organisation", List.of("ofsted"),
                "team", List.of("Inspection team"), "role", List.of("inspector", "offline_access"),
                "displayName", List.of("Jo Inspector")));

        Subject subject = signIn.complete("response", "browser-1");

        assertEquals(Set.of(Role.INSPECTOR), subject.roles());
        assertEquals(Set.of("ofsted/inspection-team"), ids(subject.teams()));
        assertEquals("ofsted", subject.organisation().id());
        assertEquals("Jo Inspector", subject.displayName());
        UserAccount account = directory.findUser(subject.userId()).orElseThrow();
        assertNull(account.passwordHash(), "an account signed in through its identity provider has no password");
        assertEquals(Set.of(Role.INSPECTOR), account.roles());
        AuditEvent event = audit.events().get(0);
        assertEquals(AuditActions.SIGN_IN, event.action());
        assertEquals(Outcome.SUCCEEDED, event.outcome());
        assertEquals("saml", event.detail());
        assertEquals(subject.userId(), event.actorId());
        assertEquals("ofsted", event.actorOrganisationId());
    }

    @Test
    void teamsMatchByNameOrIdAndRoleNamesIgnoreCase() {
        idp.next = ofsted("rosa", Map.of("organisation", List.of("OFSTED"),
                "team", List.of("social care POLICY team", "ofsted/inspection-team", "No such team"),
                "role", List.of("Reader", "data analyst", "LEAD-INSPECTOR")));

        Subject subject = signIn.complete("response", "browser-1");

        assertEquals(Set.of("ofsted/social-care-policy-team", "ofsted/inspection-team"), ids(subject.teams()));
        assertEquals(Set.of(Role.READER, Role.DATA_ANALYST, Role.LEAD_INSPECTOR), subject.roles());
        assertTrue(subject.onReaderListOf(Inspectorate.OFSTED));
        assertEquals("rosa", subject.displayName(), "without a display name attribute, the NameID");
    }

    @Test
    void teamsOfAnotherInspectorateAreNotGivenEvenByTheirId() {
        idp.next = ofsted("rosa", Map.of("organisation", List.of("ofsted"),
                "team", List.of("cqc/inspection-team", "Children's, Health and Justice Team")));

        assertEquals(Set.of(), signIn.complete("response", "browser-1").teams());
    }

    @Test
    void rolesOnlyAgencyStaffMayHoldAreIgnored() {
        idp.next = ofsted("sly", Map.of("organisation", List.of("ofsted"),
                "role", List.of("agency_uploader", "AGENCY_CHIEF_OFFICER", "administrator")));

        assertEquals(Set.of(Role.ADMINISTRATOR), signIn.complete("response", "browser-1").roles());
    }

    @Test
    void anIdentityProviderCannotVouchForAnotherInspectoratesStaff() {
        idp.next = ofsted("mallory", Map.of("organisation", List.of("cqc"), "role", List.of("inspector")));

        SsoRefused refused = assertThrows(SsoRefused.class, () -> signIn.complete("response", "browser-1"));

        assertEquals("organisation-mismatch", refused.reason());
        assertRefusalAudited("saml:organisation-mismatch", "ofsted");
        assertTrue(directory.users.isEmpty(), "no account is created for a refused person");
    }

    @Test
    void anyOtherOrganisationAmongSeveralValuesIsRefusedToo() {
        idp.next = ofsted("mallory", Map.of("organisation", List.of("ofsted", "hmic")));

        assertEquals("organisation-mismatch",
                assertThrows(SsoRefused.class, () -> signIn.complete("response", "browser-1")).reason());
    }

    @Test
    void aPersonWithoutAnOrganisationAttributeIsRefused() {
        idp.next = ofsted("nobody", Map.of("role", List.of("inspector")));

        assertEquals("organisation-missing",
                assertThrows(SsoRefused.class, () -> signIn.complete("response", "browser-1")).reason());
        assertRefusalAudited("saml:organisation-missing", "ofsted");
    }

    @Test
    void theBrowsersBindingGoesToTheIdentityProviderAndAnotherBrowsersResponseIsRefusedAudited() {
        idp.refusal = new SsoRefused(SsoRefused.BROWSER_MISMATCH, "no sign-in cookie");

        SsoRefused refused = assertThrows(SsoRefused.class, () -> signIn.complete("someone else's", null));

        assertEquals(java.util.Arrays.asList((String) null), idp.browserBindings, "the binding is passed as brought");
        assertEquals(SsoRefused.BROWSER_MISMATCH, refused.reason());
        assertEquals("saml:browser-mismatch", audit.events().get(0).detail());
        assertEquals(Outcome.REFUSED, audit.events().get(0).outcome());
    }

    @Test
    void aRefusalOfTheIdentityProviderAdapterIsAuditedWithItsReason() {
        idp.refusal = new SsoRefused("signature-invalid", "digest mismatch");

        SsoRefused refused = assertThrows(SsoRefused.class, () -> signIn.complete("tampered", "browser-1"));

        assertEquals("signature-invalid", refused.reason());
        AuditEvent event = audit.events().get(0);
        assertEquals(Outcome.REFUSED, event.outcome());
        assertEquals("saml:signature-invalid", event.detail());
        assertEquals(AuditActions.SIGN_IN, event.action());
    }

    @Test
    void aPostWithoutAResponseIsRefusedAndAudited() {
        assertEquals("response-missing", assertThrows(SsoRefused.class, () -> signIn.complete(" ", "browser-1")).reason());
        assertEquals("saml:response-missing", audit.events().get(0).detail());
    }

    @Test
    void signingInAgainBringsRolesAndTeamsUpToDateUnderTheSameAccount() {
        idp.next = ofsted("jo", Map.of("organisation", List.of("ofsted"), "role", List.of("inspector"),
                "team", List.of("Inspection team")));
        Subject first = signIn.complete("response", "browser-1");
        idp.next = ofsted("jo", Map.of("organisation", List.of("ofsted"), "role", List.of("reader"),
                "team", List.of(SOCIAL_CARE_POLICY)));

        Subject second = signIn.complete("response", "browser-1");

        assertEquals(first.userId(), second.userId());
        assertEquals(1, directory.users.size());
        UserAccount account = directory.findUser(second.userId()).orElseThrow();
        assertEquals(Set.of(Role.READER), account.roles());
        assertEquals(Set.of("ofsted/social-care-policy-team"), account.teamIds());
    }

    @Test
    void aPersonDeactivatedInThePortalIsRefusedAndStaysDeactivatedWhateverTheIdentityProviderSays() {
        idp.next = ofsted("jo", Map.of("organisation", List.of("ofsted"), "role", List.of("inspector")));
        Subject first = signIn.complete("response", "browser-1");
        directory.saveUser(directory.findUser(first.userId()).orElseThrow().withActive(false));
        idp.next = ofsted("jo", Map.of("organisation", List.of("ofsted"), "role", List.of("inspector")));

        assertEquals("account-deactivated",
                assertThrows(SsoRefused.class, () -> signIn.complete("response", "browser-1")).reason());

        assertRefusalAudited("saml:account-deactivated", "ofsted");
        assertTrue(!directory.findUser(first.userId()).orElseThrow().active());
    }

    @Test
    void theSameNameIdAtAnotherInspectorateIsAnotherPerson() {
        assertTrue(!StaffSignIn.userId(Inspectorate.OFSTED, "jo").equals(StaffSignIn.userId(Inspectorate.CQC, "jo")));
        assertEquals(StaffSignIn.userId(Inspectorate.OFSTED, "jo"), StaffSignIn.userId(Inspectorate.OFSTED, "jo"));
    }

    @Test
    void configuredAttributeNamesAreTheOnesRead() {
        StaffSignIn custom = new StaffSignIn(idp, directory, new AttributeMapping("urn:org", "urn:groups",
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "urn:name"), audit,
                new MutableClock(NOW));
        idp.next = ofsted("jo", Map.of("urn:org", List.of("ofsted"), "urn:groups", List.of("Inspection team"),
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", List.of("SIRO"),
                "urn:name", List.of("Jo Bloggs"), "role", List.of("administrator")));

        Subject subject = custom.complete("response", "browser-1");

        assertEquals(Set.of(Role.SIRO), subject.roles());
        assertEquals("Jo Bloggs", subject.displayName());
        assertEquals(Set.of("ofsted/inspection-team"), ids(subject.teams()));
    }

    private void assertRefusalAudited(String detail, String organisationId) {
        AuditEvent event = audit.events().get(audit.events().size() - 1);
        assertEquals(AuditActions.SIGN_IN, event.action());
        assertEquals(Outcome.REFUSED, event.outcome());
        assertEquals(detail, event.detail());
        assertEquals(organisationId, event.actorOrganisationId());
    }

    private static SsoIdentity ofsted(String nameId, Map<String, List<String>> attributes) {
        return new SsoIdentity(Inspectorate.OFSTED, nameId, "session-1", NOW, attributes);
    }

    private static Set<String> ids(Set<Team> teams) {
        return teams.stream().map(Team::id).collect(Collectors.toSet());
    }

    private static final class FakeIdentityProvider implements IdentityProvider {
        SsoIdentity next;
        SsoRefused refusal;
        final java.util.List<String> browserBindings = new java.util.ArrayList<>();

        @Override
        public Set<Inspectorate> configured() {
            return Set.of(Inspectorate.OFSTED);
        }

        @Override
        public SignInRedirect startSignIn(Inspectorate inspectorate, String relayState) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SsoIdentity completeSignIn(String samlResponseBase64, String browserBinding) {
            browserBindings.add(browserBinding);
            if (refusal != null) {
                throw refusal;
            }
            return next;
        }

        @Override
        public String serviceProviderMetadata() {
            return "<EntityDescriptor/>";
        }
    }

    /** The demo directory's organisations and teams, and the accounts saved during a test. */
    private static final class InMemoryDirectory implements OrganisationDirectory {
        final Map<String, UserAccount> users = new HashMap<>();

        @Override
        public Optional<Organisation> findOrganisation(String id) {
            return organisations().stream().filter(o -> o.id().equals(id)).findFirst();
        }

        @Override
        public List<Organisation> organisations() {
            return DemoDirectory.organisations();
        }

        @Override
        public List<Team> teamsOf(String organisationId) {
            return DemoDirectory.teams().stream().filter(t -> t.organisationId().equals(organisationId)).toList();
        }

        @Override
        public Optional<UserAccount> findUserByUsername(String username) {
            return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public Optional<UserAccount> findUser(String id) {
            return Optional.ofNullable(users.get(id));
        }

        @Override
        public void saveOrganisation(Organisation organisation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveTeam(Team team) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveUser(UserAccount user) {
            users.put(user.id(), user);
        }
    }
}
