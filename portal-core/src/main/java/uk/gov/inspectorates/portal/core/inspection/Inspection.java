package uk.gov.inspectorates.portal.core.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * A joint targeted area inspection (JTAI): a local authority area, its deep-dive theme, the participating
 * inspectorates (Ofsted, which leads, and some of CQC, HMIC and HMI Probation), the date the area was notified (day 0
 * of the working-day timeline) and the named lead inspector (a user id) of each participant that has one named.
 * Everything uploaded for it is kept under its own key scope, so that removing the inspection crypto-shreds it all.
 */
public record Inspection(String id, String localAuthorityAreaId, String theme, LocalDate notifiedOn,
                         Inspectorate leadInspectorate, Set<Inspectorate> participants,
                         Map<Inspectorate, String> leadInspectors, InspectionStatus status, String openedBy,
                         Instant openedAt) {

    public Inspection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(localAuthorityAreaId, "localAuthorityAreaId");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(notifiedOn, "notifiedOn");
        Objects.requireNonNull(leadInspectorate, "leadInspectorate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(openedAt, "openedAt");
        participants = Set.copyOf(participants);
        if (!participants.contains(leadInspectorate)) {
            throw new IllegalArgumentException("the lead inspectorate takes part in its inspection");
        }
        if (!participants.stream().allMatch(Inspectorate::takesPartInJtai)) {
            throw new IllegalArgumentException("only Ofsted, CQC, HMIC and HMI Probation take part in a JTAI");
        }
        leadInspectors = leadInspectors.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(leadInspectors));
        if (!participants.containsAll(leadInspectors.keySet())) {
            throw new IllegalArgumentException("lead inspectors are named for participating inspectorates only");
        }
    }

    /** The same inspection, closed. */
    public Inspection closed() {
        return new Inspection(id, localAuthorityAreaId, theme, notifiedOn, leadInspectorate, participants,
                leadInspectors, InspectionStatus.CLOSED, openedBy, openedAt);
    }

    public boolean participates(Inspectorate inspectorate) {
        return participants.contains(inspectorate);
    }

    /** What the access policy decides on. */
    public Resource asResource() {
        return Resource.inspection(id, leadInspectorate, participants, localAuthorityAreaId);
    }

    /**
     * The inspection's end (closure, exports, the export page) as the policy sees it: its participating
     * inspectorates only; unlike {@link #asResource()} it belongs to none of the area's agencies.
     */
    public Resource asEndResource() {
        return Resource.inspection(id, leadInspectorate, participants, null);
    }

    /** One participating inspectorate's export of the inspection: addressed to that inspectorate alone. */
    public Resource exportFor(Inspectorate inspectorate) {
        return Resource.inspection(id, leadInspectorate, Set.of(inspectorate), null);
    }

    /** The key scope of every document of the inspection (its own key-encryption key). */
    public KeyScope keyScope() {
        return KeyScope.inspection(id);
    }

    /** An inspection about to be opened by Ofsted, as the policy sees it. */
    public static Resource newInspection(Set<Inspectorate> participants, String localAuthorityAreaId) {
        return Resource.inspection(null, Inspectorate.OFSTED, participants, localAuthorityAreaId);
    }
}
