package uk.gov.inspectorates.portal.core.organisation;

import java.util.Objects;

/** A team of an organisation; reader-list teams may open embargoed reports shared with their inspectorate. */
public record Team(String id, String organisationId, String name, boolean onReaderList) {
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(name, "name");
    }
}
