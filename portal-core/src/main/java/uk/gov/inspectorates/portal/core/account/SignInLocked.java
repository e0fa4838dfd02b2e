package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;

/** Too many failed sign-ins: the account is locked for a while, whatever is entered. */
public class SignInLocked extends SignInRefused {

    private final Instant until;

    public SignInLocked(Instant until) {
        super("There have been too many failed attempts to sign in to this account. Try again later");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
