package uk.gov.inspectorates.portal.web.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.account.sso.IdentityProvider;
import uk.gov.inspectorates.portal.core.account.sso.StaffSignIn;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/** Sign-in through the inspectorates' identity providers, when at least one is configured. */
public final class SingleSignOn {

    private final IdentityProvider identityProvider;
    private final StaffSignIn staffSignIn;

    SingleSignOn(IdentityProvider identityProvider, StaffSignIn staffSignIn) {
        this.identityProvider = identityProvider;
        this.staffSignIn = staffSignIn;
    }

    static SingleSignOn notConfigured() {
        return new SingleSignOn(null, null);
    }

    public boolean configured() {
        return identityProvider != null;
    }

    /** The inspectorates whose staff may sign in with their identity provider, in the order of the protocol. */
    public List<Inspectorate> inspectorates() {
        return identityProvider == null ? List.of() : identityProvider.configured().stream()
                .sorted(Comparator.naturalOrder()).toList();
    }

    public Optional<IdentityProvider> identityProvider() {
        return Optional.ofNullable(identityProvider);
    }

    public Optional<StaffSignIn> staffSignIn() {
        return Optional.ofNullable(staffSignIn);
    }
}
