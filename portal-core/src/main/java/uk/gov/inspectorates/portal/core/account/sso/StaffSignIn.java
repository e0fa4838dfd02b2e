package uk.gov.inspectorates.portal.core.account.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Signs inspectorate staff in from their identity provider: the response is validated by the {@link IdentityProvider},
 * then the person's organisation, teams and roles are read from its attributes and their account is created or
 * brought up to date (the identity provider is the source of truth for its staff; the account has no password).
 *
 * <p>An identity provider vouches only for its own inspectorate's staff: an organisation attribute naming another
 * organisation is refused, and so is a person an administrator has deactivated in the portal (the identity provider
 * cannot undo that). Unknown roles and teams are ignored, and so are roles inspectorate staff may not hold.
 * Every sign-in and every refusal is audited ({@code saml}, {@code saml:<reason>}).
 */
public final class StaffSignIn {

    private final IdentityProvider identityProvider;
    private final OrganisationDirectory directory;
    private final AttributeMapping mapping;
    private final AuditTrail audit;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    public StaffSignIn(IdentityProvider identityProvider, OrganisationDirectory directory, AttributeMapping mapping,
                       AuditTrail audit, Clock clock) {
        this(identityProvider, directory, mapping, audit, clock, UnitOfWork.NONE);
    }

    public StaffSignIn(IdentityProvider identityProvider, OrganisationDirectory directory, AttributeMapping mapping,
                       AuditTrail audit, Clock clock,
                       UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.identityProvider = identityProvider;
        this.directory = directory;
        this.mapping = mapping;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Completes a sign-in from a posted {@code SAMLResponse}, for the browser that started it: {@code browserBinding}
     * is what that browser kept from {@link IdentityProvider#startSignIn} (null if it brought nothing).
     *
     * @throws SsoRefused when the response or the person's attributes do not hold (already audited)
     */
    public Subject complete(String samlResponseBase64, String browserBinding) {
        SsoIdentity identity;
        try {
            if (samlResponseBase64 == null || samlResponseBase64.isBlank()) {
                throw new SsoRefused("response-missing", null);
            }
            identity = identityProvider.completeSignIn(samlResponseBase64, browserBinding);
        } catch (SsoRefused refused) {
            audit.record(new AuditEvent(clock.instant(), null, null, AuditActions.SIGN_IN, "USER", null,
                    Outcome.REFUSED, "saml:" + refused.reason()));
            throw refused;
        }
        return signIn(identity);
    }

    /**
     * Maps a validated identity to the person's account and subject.
     *
     * @throws SsoRefused when the attributes do not hold (audited)
     */
    public Subject signIn(SsoIdentity identity) {
        Inspectorate inspectorate = identity.inspectorate();
        String userId = userId(inspectorate, identity.nameId());
        try {
            Organisation organisation = directory.findOrganisation(inspectorate.organisationId())
                    .orElseThrow(() -> new SsoRefused("organisation-not-registered", inspectorate.name()));
            checkOrganisation(identity, inspectorate);
            if (directory.findUser(userId).filter(existing -> !existing.active()).isPresent()) {
                throw new SsoRefused("account-deactivated", null);
            }
            Set<Team> teams = teams(identity, organisation);
            Set<Role> roles = roles(identity);
            String displayName = identity.attribute(mapping.displayName()).stream().map(String::strip)
                    .filter(name -> !name.isEmpty()).findFirst().orElse(identity.nameId());
            String username = inspectorate.organisationId() + "/" + identity.nameId();
            Set<String> teamIds = new HashSet<>();
            teams.forEach(team -> teamIds.add(team.id()));
            unitOfWork.run(() -> {
                directory.saveUser(new UserAccount(userId, username, displayName, organisation.id(), roles, teamIds,
                        null));
                audit.record(new AuditEvent(clock.instant(), userId, organisation.id(), AuditActions.SIGN_IN, "USER",
                        userId, Outcome.SUCCEEDED, "saml"));
            });
            return new Subject(userId, username, displayName, organisation, roles, teams);
        } catch (SsoRefused refused) {
            audit.record(new AuditEvent(clock.instant(), userId, inspectorate.organisationId(), AuditActions.SIGN_IN,
                    "USER", userId, Outcome.REFUSED, "saml:" + refused.reason()));
            throw refused;
        }
    }

    /** The account id of a person of an inspectorate: stable across sign-ins, whatever characters the NameID holds. */
    public static String userId(Inspectorate inspectorate, String nameId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((inspectorate.name() + "\n" + nameId).getBytes(StandardCharsets.UTF_8));
            return "sso-" + inspectorate.organisationId() + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private void checkOrganisation(SsoIdentity identity, Inspectorate inspectorate) {
        List<String> named = identity.attribute(mapping.organisation()).stream().map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
        if (named.isEmpty()) {
            throw new SsoRefused("organisation-missing", null);
        }
        for (String value : named) {
            if (!names(value, inspectorate)) {
                throw new SsoRefused("organisation-mismatch", value + " from the identity provider of "
                        + inspectorate.name());
            }
        }
    }

    private static boolean names(String value, Inspectorate inspectorate) {
        return value.equalsIgnoreCase(inspectorate.name()) || value.equalsIgnoreCase(inspectorate.organisationId());
    }

    private Set<Team> teams(SsoIdentity identity, Organisation organisation) {
        Set<Team> teams = new HashSet<>();
        List<Team> known = directory.teamsOf(organisation.id());
        for (String value : identity.attribute(mapping.teams())) {
            String wanted = value.strip();
            known.stream().filter(team -> team.organisationId().equals(organisation.id()))
                    .filter(team -> team.id().equals(wanted) || team.name().equalsIgnoreCase(wanted))
                    .forEach(teams::add);
        }
        return teams;
    }

    private Set<Role> roles(SsoIdentity identity) {
        Set<Role> roles = new HashSet<>();
        for (String value : identity.attribute(mapping.roles())) {
            role(value).filter(Role::heldByInspectorateStaff).ifPresent(roles::add);
        }
        return roles;
    }

    private static Optional<Role> role(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
