package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** A deactivated person cannot sign in, and the sessions they have end at their next request. */
class SignInServiceDeactivationTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final SignInService signIn = new SignInService(directory, new PlainHasher(), audit,
            new MutableClock(Instant.parse("2030-01-10T10:00:00Z")));

    @BeforeEach
    void aPerson() {
        directory.saveUser(new UserAccount("u1", "agency.chief", "Charlotte Chief", DemoDirectory.CHILDRENS_SERVICES_ID,
                Set.of(Role.AGENCY_CHIEF_OFFICER), Set.of(), "hash:" + new String(PASSWORD)));
    }

    @Test
    void anActivePersonSignsInAndStaysSignedIn() {
        assertEquals("u1", signIn.signIn("agency.chief", PASSWORD).userId());
        assertTrue(signIn.current("u1").isPresent());
    }

    @Test
    void aDeactivatedPersonIsRefusedWithTheSameMessageAndTheReasonIsAudited() {
        directory.saveUser(directory.findUser("u1").orElseThrow().withActive(false));

        SignInRefused refused = assertThrows(SignInRefused.class, () -> signIn.signIn("agency.chief", PASSWORD));

        assertEquals(new SignInRefused().getMessage(), refused.getMessage());
        assertEquals(Outcome.REFUSED, audit.recent(1).get(0).outcome());
        assertEquals("deactivated account", audit.recent(1).get(0).detail());
    }

    @Test
    void aDeactivatedPersonsOpenSessionEndsAtTheNextRequest() {
        signIn.signIn("agency.chief", PASSWORD);
        directory.saveUser(directory.findUser("u1").orElseThrow().withActive(false));

        assertTrue(signIn.current("u1").isEmpty());
    }

    private static final class PlainHasher implements PasswordHasher {
        @Override
        public String hash(char[] password) {
            return "hash:" + new String(password);
        }

        @Override
        public boolean matches(char[] password, String hash) {
            return hash.equals(hash(password));
        }
    }
}
