package uk.gov.inspectorates.portal.web.config;

import java.util.Optional;

/**
 * Which role migrates the schema (docs/adr/0032): a separate owner, so that the portal's own role can be denied
 * changing or removing audit events. In production the owner is required and must differ from the portal's role;
 * elsewhere, without one, the portal's role migrates (one role owns and uses the schema: no append-only privilege).
 */
public final class SchemaOwnerPolicy {

    static final String REFUSAL = "In production the database schema must be owned and migrated by a separate role: "
            + "set PORTAL_DB_OWNER_USER and PORTAL_DB_OWNER_PASSWORD (portal.db.owner.user/password) to a role other "
            + "than PORTAL_DB_USER, the portal's own role, which may then only insert and read audit events";

    private SchemaOwnerPolicy() {
    }

    /** The owner role to migrate as, or empty to migrate as the portal's role; throws where that is refused. */
    public static Optional<String> owner(boolean production, String applicationUser, Optional<String> ownerUser,
                                         Optional<String> ownerPassword) {
        boolean separate = ownerUser.isPresent() && !ownerUser.get().equals(applicationUser);
        if (production && !separateOwner(applicationUser, ownerUser, ownerPassword)) {
            throw new IllegalStateException(REFUSAL);
        }
        return separate ? ownerUser : Optional.empty();
    }

    /** Whether a separate owner role, with its password, is configured: what production requires. */
    public static boolean separateOwner(String applicationUser, Optional<String> ownerUser,
                                        Optional<String> ownerPassword) {
        return ownerUser.isPresent() && !ownerUser.get().equals(applicationUser) && ownerPassword.isPresent();
    }
}
