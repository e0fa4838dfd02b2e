package uk.gov.inspectorates.portal.core.account.sso;

import java.util.Objects;

/**
 * Which assertion attributes (by name, as the identity provider sends them) say a person's organisation, teams,
 * roles and display name. Each inspectorate's identity provider is set up to send these names.
 */
public record AttributeMapping(String organisation, String teams, String roles, String displayName) {

    public static final AttributeMapping DEFAULT = new AttributeMapping("organisation", "team", "role", "displayName");

    public AttributeMapping {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(displayName, "displayName");
    }
}
