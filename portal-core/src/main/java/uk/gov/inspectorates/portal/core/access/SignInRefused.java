package uk.gov.inspectorates.portal.core.access;

/** Wrong username or password; deliberately does not say which. */
public class SignInRefused extends RuntimeException {
    public SignInRefused() {
        super("The username or password is not correct");
    }
}
