package uk.gov.inspectorates.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.account.SignInLocked;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.storage.jdbc.DataAccessException;

class ProblemsTest {

    private static final String PREFIX = "urn:inspectorates-portal:problem:";

    /** As Payara's pool reports a refused connection: no SQL state outside, the driver's 08001 inside. */
    private static DataAccessException poolCouldNotConnect() {
        SQLException driver = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        return new DataAccessException(new SQLException("Error in allocating a connection",
                new IllegalStateException("Connection could not be allocated", driver)));
    }

    @Test
    void aLostOrRefusedDatabaseConnectionIsDatabaseUnavailable() {
        assertEquals(PREFIX + "database-unavailable", Problems.from(poolCouldNotConnect()).type());
        assertEquals(503, Problems.from(poolCouldNotConnect()).status());
        assertEquals(PREFIX + "database-unavailable", Problems.from(new DataAccessException(
                new SQLException("terminating connection due to administrator command", "57P01"))).type());
        assertEquals(PREFIX + "database-unavailable", Problems.from(new java.io.UncheckedIOException(
                new java.io.IOException("the file could not be stored", poolCouldNotConnect()))).type());
    }

    /** The Retry-After header itself is set by ProblemMapper (AgencyAccountIT checks it on the real server). */
    @Test
    void aLockedSignInIs429SayingWhenToTryAgainWithRetryAfterInWholeSecondsRoundedUp() {
        SignInLocked locked = new SignInLocked(java.time.Instant.parse("2030-01-10T10:01:00Z"),
                java.time.Duration.ofMillis(59_200));

        Problem problem = Problems.from(locked);

        assertEquals(429, problem.status());
        assertEquals(PREFIX + "sign-in-locked", problem.type());
        assertEquals("There have been too many failed attempts to sign in with this username. Try again in 1 minute.",
                problem.detail());
        assertEquals(60, locked.retryAfterSeconds());
    }

    @Test
    void aFormWithoutItsCsrfTokenSaysTheSessionMayHaveExpiredNamingTheRule() {
        Problem problem = Problems.from(new AccessDenied(Problems.CSRF_RULE));

        assertEquals(403, problem.status());
        assertEquals("Your session may have expired", problem.title());
        assertEquals(Problems.CSRF_RULE, problem.rule());
        assertEquals(PREFIX + "forbidden", Problems.from(new AccessDenied("report.some-other-rule")).type());
    }

    @Test
    void otherDatabaseErrorsStayTheGenericProblem() {
        Problem problem = Problems.from(new DataAccessException(
                new SQLException("duplicate key value violates unique constraint", "23505")));
        assertEquals(PREFIX + "unavailable", problem.type());
    }

    /** No refusal of a file is a 5xx: each reason has its own 4xx problem naming the field. */
    @Test
    void everyRefusalOfAFileIsA4xxNamingTheFile() {
        for (UploadRejected.Reason reason : UploadRejected.Reason.values()) {
            Problem problem = Problems.from(new UploadRejected(reason, "why"));
            assertTrue(problem.status() >= 400 && problem.status() < 500, reason + ": " + problem.status());
            assertEquals("file", problem.errors().get(0).field(), reason.name());
        }
        assertEquals(PREFIX + "file-name-not-usable",
                Problems.from(new UploadRejected(UploadRejected.Reason.FILE_NAME, "x")).type());
        assertEquals(PREFIX + "active-content",
                Problems.from(new UploadRejected(UploadRejected.Reason.ACTIVE_CONTENT, "x")).type());
        assertEquals(422, Problems.from(new UploadRejected(UploadRejected.Reason.CONTENT_NOT_ALLOWED, "x")).status());
    }
}
