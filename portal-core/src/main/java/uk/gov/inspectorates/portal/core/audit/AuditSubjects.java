package uk.gov.inspectorates.portal.core.audit;

import java.util.Set;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/**
 * What an audited resource belongs to: its report and/or inspection, and the organisations whose information it is
 * (a report's or letter's originating inspectorate; an inspection's participating inspectorates, for the inspection
 * and everything in it). Ids are {@code Organisation.id()}s, the ids a SIRO's {@link AuditScope} compares with.
 */
@PersistencePort
public interface AuditSubjects {

    /** Nothing known about anything: unit tests, and a trail without a database. */
    AuditSubjects NONE = (type, id) -> Belonging.NOTHING;

    /** What the resource of this type and id belongs to; {@link Belonging#NOTHING} if unknown or gone. */
    Belonging of(String resourceType, String resourceId);

    record Belonging(String reportId, String inspectionId, Set<String> informationOwners) {
        public static final Belonging NOTHING = new Belonging(null, null, Set.of());

        public Belonging {
            informationOwners = informationOwners == null ? Set.of() : Set.copyOf(informationOwners);
        }

        public boolean isNothing() {
            return reportId == null && inspectionId == null && informationOwners.isEmpty();
        }
    }
}
