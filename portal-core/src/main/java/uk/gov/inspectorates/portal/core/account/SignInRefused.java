package uk.gov.inspectorates.portal.core.account;

/** Wrong username, password or security code; deliberately does not say which (the audit trail does). */
public class SignInRefused extends RuntimeException {

    public static final String MESSAGE = "The username, password or security code is not correct";

    public SignInRefused() {
        super(MESSAGE);
    }

    protected SignInRefused(String message) {
        super(message);
    }
}
