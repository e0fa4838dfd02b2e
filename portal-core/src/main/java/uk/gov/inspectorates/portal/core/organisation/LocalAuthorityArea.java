package uk.gov.inspectorates.portal.core.organisation;

import java.util.Objects;

/** A local authority area: the place a JTAI inspects, and where each local agency belongs. */
public record LocalAuthorityArea(String id, String name) {
    public LocalAuthorityArea {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
