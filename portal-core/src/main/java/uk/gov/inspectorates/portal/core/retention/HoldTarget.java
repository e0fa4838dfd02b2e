package uk.gov.inspectorates.portal.core.retention;

import java.util.Objects;

/** What a legal hold can be set on: an inspection or a report (with everything under its key scope). */
public record HoldTarget(Kind kind, String id) {

    public enum Kind { INSPECTION, REPORT }

    public HoldTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static HoldTarget inspection(String inspectionId) {
        return new HoldTarget(Kind.INSPECTION, inspectionId);
    }

    public static HoldTarget report(String reportId) {
        return new HoldTarget(Kind.REPORT, reportId);
    }
}
