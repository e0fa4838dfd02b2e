package uk.gov.inspectorates.portal.web.logging;

/**
 * A failure as the log may show it: the class names and stack frames of the failure and its causes, without their
 * messages. A message can carry what a request sent (a driver's "Key (name)=(...) already exists", a parser's
 * complaint quoting a title), and nothing a request sent may reach the log.
 */
public final class RedactedFailure extends RuntimeException {

    private RedactedFailure(Throwable original, Throwable cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    public static RedactedFailure of(Throwable failure) {
        return of(failure, 0);
    }

    private static RedactedFailure of(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        RedactedFailure redactedCause = cause == null || cause == failure || depth > 20 ? null : of(cause, depth + 1);
        return new RedactedFailure(failure, redactedCause);
    }

    @Override
    public String toString() {
        return getMessage(); // the original class name, not this wrapper's
    }
}
