package uk.gov.inspectorates.portal.core.classification;

/** Government Security Classification tiers, with OFFICIAL-SENSITIVE as OFFICIAL with its handling caveat. */
public enum Tier {
    OFFICIAL("OFFICIAL"),
    OFFICIAL_SENSITIVE("OFFICIAL-SENSITIVE"),
    SECRET("SECRET"),
    TOP_SECRET("TOP SECRET");

    private final String marking;

    Tier(String marking) {
        this.marking = marking;
    }

    public String marking() {
        return marking;
    }

    /** The portal is assessed for OFFICIAL information only: SECRET and TOP SECRET must never enter it. */
    public boolean permittedInPortal() {
        return this == OFFICIAL || this == OFFICIAL_SENSITIVE;
    }
}
