package uk.gov.inspectorates.portal.web.api;

import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.report.Stamper;
import uk.gov.inspectorates.portal.core.account.SignInLocked;
import uk.gov.inspectorates.portal.core.account.SignInRefused;
import uk.gov.inspectorates.portal.core.document.ScanningUnavailable;
import uk.gov.inspectorates.portal.core.report.StampingBudget;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.ConflictUnderRule;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.InvalidUnderRule;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.logging.LogFields;
import uk.gov.inspectorates.portal.web.logging.RedactedFailure;
import uk.gov.inspectorates.portal.web.upload.UploadAbandoned;

/** The one mapping from what went wrong to what the caller is told, shared by the API and the pages. */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    /** Sent as {@code Retry-After} with every 503, by the API and the pages. */
    public static final int RETRY_AFTER_SECONDS = 30;

    /** The rule a request without its session's CSRF token breaks, for the API and the pages alike. */
    public static final String CSRF_RULE = "session.csrf-token-required";

    private Problems() {
    }

    public static Problem notSignedIn() {
        return Problem.of("not-signed-in", "Sign in required", 401, "Sign in to use the portal");
    }

    /**
     * A page's form posted without this session's token: most often a form left open while its session ended, or
     * from before signing in again. The page says so in plain words rather than the container's bare 403.
     */
    public static Problem formTokenMissing() {
        return Problem.of("csrf-token-invalid", "Your session may have expired", 403,
                "The form could not be sent: your session may have expired, or you have signed in again since the"
                        + " page was opened. Go back, reload the page and try again.")
                .withRule(CSRF_RULE);
    }

    public static Problem csrfTokenMissing() {
        return Problem.of("csrf-token-invalid", "Request refused", 403,
                "The request did not carry this session's CSRF token (header " + "X-CSRF-Token)")
                .withRule(CSRF_RULE);
    }

    public static Problem from(Throwable failure) {
        // issue 17, retention: refusals under a named rule (a retention minimum, a legal hold) name it
        if (failure instanceof InvalidUnderRule ruled) {
            return from(new InvalidInput(ruled.errors())).withRule(ruled.rule());
        }
        if (failure instanceof ConflictUnderRule ruled) {
            return Problem.of("state-conflict", "Not possible now", 409, ruled.getMessage()).withRule(ruled.rule());
        }
        if (failure instanceof InvalidInput invalid) {
            return Problem.of("invalid-input", "Check the information you gave", 422, invalid.getMessage())
                    .withErrors(invalid.errors().stream()
                            .map(error -> new Problem.InvalidField(error.field(), error.message())).toList());
        }
        if (failure instanceof UploadRejected rejected) {
            return switch (rejected.reason()) {
                case TOO_LARGE -> fileProblem("file-too-large", "File too large", 413, rejected);
                case TYPE_NOT_ALLOWED, NAME_DOES_NOT_MATCH_CONTENT ->
                        fileProblem("file-type-not-allowed", "File type not allowed", 415, rejected);
                case MISSING, EMPTY -> fileProblem("invalid-input", "Check the information you gave", 422, rejected);
                case MALWARE -> fileProblem("malware-detected", "The file contains a virus", 422, rejected);
                case ENCRYPTED -> fileProblem("encrypted-document", "The file is password-protected", 422, rejected);
                case TOO_COMPLEX ->
                        fileProblem("document-too-complex", "The file could not be checked for viruses", 422, rejected);
                case FILE_NAME -> fileProblem("file-name-not-usable", "The file name cannot be used", 422, rejected);
                case ACTIVE_CONTENT ->
                        fileProblem("active-content", "The file contains active content", 422, rejected);
                case UNREADABLE -> fileProblem("document-unreadable", "The file cannot be read", 422, rejected);
                case CONTENT_NOT_ALLOWED ->
                        fileProblem("content-not-allowed", "The file holds what must not be shared", 422, rejected);
            };
        }
        if (failure instanceof StampingBudget.Busy busy) {
            return Problem.of("stamping-busy", "Sorry, the portal is busy", 503,
                    "Many copies of large reports are being prepared right now. Try again in a minute.")
                    .withRule(busy.rule()).withRetryAfter(busy.retryAfterSeconds());
        }
        if (failure instanceof Busy busy) {
            boolean yours = busy.scope() == Busy.Scope.YOURS;
            return Problem.of(yours ? "too-many-requests" : "portal-busy",
                    yours ? "You have too much in progress" : "Sorry, the portal is busy", yours ? 429 : 503,
                    busy.getMessage() + ". Nothing of this request was kept. Try again in "
                            + busy.retryAfterSeconds() + " seconds.")
                    .withRule(busy.rule()).withRetryAfter(busy.retryAfterSeconds());
        }
        if (failure instanceof UploadAbandoned) { // issue 19: the sender went away; nobody reads this, nothing kept
            return Problem.of("upload-interrupted", "The upload stopped", 400,
                    "The upload stopped before the whole file arrived. Nothing of it was kept. Send it again.");
        }
        if (failure instanceof ScanningUnavailable unavailable) {
            LOG.log(Level.WARNING, "Upload refused: " + unavailable.getMessage());
            return Problem.of("scanning-unavailable", "Sorry, files cannot be checked for viruses right now", 503,
                    "The file could not be checked for viruses, so it was not accepted. Nothing you sent was kept."
                            + " Try again later.");
        }
        if (databaseUnreachable(failure)) {
            LOG.log(Level.WARNING, "Request refused, the database does not answer: " + failure.getClass().getName()
                    + sqlState(failure), LogFields.ofRequest());
            return Problem.of("database-unavailable", "Sorry, the service is unavailable", 503,
                    "The portal cannot reach its database just now. Nothing you sent was kept, and everything"
                            + " shared before is safe. Try again in a few minutes.");
        }
        if (failure instanceof SignInLocked locked) {
            return Problem.of("sign-in-locked", "Signing in is locked for a while", 429, locked.getMessage());
        }
        if (failure instanceof SignInRefused refused) {
            return Problem.of("sign-in-refused", "Sign-in refused", 401, refused.getMessage());
        }
        if (failure instanceof AccessDenied denied && CSRF_RULE.equals(denied.rule())) {
            return formTokenMissing();
        }
        if (failure instanceof AccessDenied denied) {
            LOG.log(Level.INFO, "Request refused by a rule", LogFields.ofRule(denied.rule()));
            return Problem.of("forbidden", "Not allowed", 403, "You are not allowed to do this")
                    .withRule(denied.rule());
        }
        if (failure instanceof Stamper.UnstampableDocument) {
            return Problem.of("document-cannot-be-stamped", "This document cannot be served", 409,
                    "A stamped copy of this document could not be made, so it is not served. Ask the originator for "
                    + "a copy that can be opened as PDF.");
        }
        if (failure instanceof Conflict conflict) {
            Problem problem = Problem.of("state-conflict", "Not possible now", 409, conflict.getMessage());
            return conflict.rule() == null ? problem : problem.withRule(conflict.rule());
        }
        if (failure instanceof NotFound) {
            return Problem.of("not-found", "Not found", 404, "There is nothing here, or nothing you may see");
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return Problem.of(status == 404 ? "not-found" : "http-" + status,
                    web.getResponse().getStatusInfo().getReasonPhrase(), status, null);
        }
        LogRecord record = new LogRecord(Level.SEVERE, "Unexpected failure (messages left out: docs/configuration.md, Logs)");
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {LogFields.ofRequest()});
        record.setThrown(RedactedFailure.of(failure));
        LOG.log(record);
        return Problem.of("unavailable", "Sorry, there is a problem with the service", 503,
                "Try again later. Nothing you sent was kept.");
    }

    /**
     * A lost or refused database connection anywhere in the cause chain (the pool's own allocation failure wraps
     * the driver's): SQL state class 08 (connection exception) or 57P (the server shutting down or starting).
     * Other SQL errors (constraints, syntax) are faults of ours and stay the generic 503.
     */
    static boolean databaseUnreachable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The first SQL state in the cause chain, for the log (the driver's message may quote what was sent). */
    private static String sqlState(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return " (SQL state " + sql.getSQLState() + ")";
            }
        }
        return "";
    }

    private static Problem fileProblem(String slug, String title, int status, UploadRejected rejected) {
        return Problem.of(slug, title, status, rejected.getMessage())
                .withErrors(List.of(new Problem.InvalidField("file", rejected.getMessage())));
    }
}
