package uk.gov.inspectorates.portal.core.notification;

import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who a notice goes to, said by who they are; the outbox resolves them to e-mail addresses when the notice is
 * queued (people without an address, and deactivated people, are left out).
 */
public sealed interface Recipients {

    /** One person, by user id. */
    static Recipients person(String userId) {
        return new Person(userId);
    }

    /** The active people of an organisation who hold at least one of the roles (e.g. an agency's uploaders). */
    static Recipients withRoles(String organisationId, Role... roles) {
        return new WithRoles(organisationId, Set.of(roles));
    }

    /** The members of an inspectorate's reader-list teams (who may read its embargoed reports). */
    static Recipients readerListOf(String inspectorateOrganisationId) {
        return new ReaderList(inspectorateOrganisationId);
    }

    /** An address with no account behind it yet (an invitation). */
    static Recipients address(String emailAddress) {
        return new Address(emailAddress);
    }

    record Person(String userId) implements Recipients {
        public Person {
            Objects.requireNonNull(userId, "userId");
        }
    }

    record WithRoles(String organisationId, Set<Role> roles) implements Recipients {
        public WithRoles {
            Objects.requireNonNull(organisationId, "organisationId");
            roles = Set.copyOf(roles);
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("at least one role");
            }
        }
    }

    record ReaderList(String inspectorateOrganisationId) implements Recipients {
        public ReaderList {
            Objects.requireNonNull(inspectorateOrganisationId, "inspectorateOrganisationId");
        }
    }

    record Address(String emailAddress) implements Recipients {
        public Address {
            Objects.requireNonNull(emailAddress, "emailAddress");
        }
    }
}
