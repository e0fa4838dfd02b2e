package uk.gov.inspectorates.portal.core.audit;

import java.util.Objects;
import java.util.Set;

/**
 * Which events a reader of the trail may see. A SIRO: the events about their organisation's information (its reports
 * and letters, the inspections it takes part in: the event's information owners include it) and the events of their
 * own people (the actor's organisation is theirs); not other parties' internal activity on other parties' information.
 * {@link #everything()} is for the portal's own verifier, never for a person.
 */
public record AuditScope(Set<String> organisationIds, boolean all) {

    public AuditScope {
        organisationIds = Set.copyOf(Objects.requireNonNull(organisationIds, "organisationIds"));
    }

    public static AuditScope ofOrganisation(String organisationId) {
        return new AuditScope(Set.of(Objects.requireNonNull(organisationId, "organisationId")), false);
    }

    public static AuditScope everything() {
        return new AuditScope(Set.of(), true);
    }

    public boolean covers(AuditEvent event) {
        if (all) {
            return true;
        }
        return (event.actorOrganisationId() != null && organisationIds.contains(event.actorOrganisationId()))
                || event.informationOwners().stream().anyMatch(organisationIds::contains);
    }
}
