package uk.gov.inspectorates.portal.core.organisation;

import java.util.Objects;
import java.util.Optional;

/** An inspectorate, or a local agency in a local authority area ({@code localAuthorityArea} is the area's id). */
public record Organisation(String id, String name, Inspectorate inspectorate, AgencyType agencyType,
                           String localAuthorityArea) {

    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if ((inspectorate == null) == (agencyType == null)) {
            throw new IllegalArgumentException("an organisation is either an inspectorate or an agency");
        }
    }

    public static Organisation of(Inspectorate inspectorate) {
        return new Organisation(inspectorate.organisationId(), inspectorate.title(), inspectorate, null, null);
    }

    public static Organisation agency(String id, String name, AgencyType type, String localAuthorityArea) {
        return new Organisation(id, name, null, type, Objects.requireNonNull(localAuthorityArea));
    }

    public Optional<Inspectorate> asInspectorate() {
        return Optional.ofNullable(inspectorate);
    }

    public boolean isInspectorate() {
        return inspectorate != null;
    }
}
