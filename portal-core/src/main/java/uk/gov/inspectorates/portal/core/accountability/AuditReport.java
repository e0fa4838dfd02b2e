package uk.gov.inspectorates.portal.core.accountability;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;

/**
 * What a SIRO's PDF report of the trail holds (docs/adr/0035): who exported it and when, the criteria, the result of
 * verifying the whole chain and the signed checkpoint it reaches, and the events found (at most {@link #cap}; when
 * more matched, {@code more} is set and the report says to use the CSV export). Marked OFFICIAL-SENSITIVE on every
 * page.
 */
public record AuditReport(String siro, String organisation, List<String> criteria, Instant exportedAt,
                          AuditVerification verification, List<Line> lines, boolean more, int cap) {

    public static final String MARKING = "OFFICIAL-SENSITIVE";

    public AuditReport {
        Objects.requireNonNull(siro, "siro");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(verification, "verification");
        criteria = List.copyOf(criteria);
        lines = List.copyOf(lines);
    }

    /** One event as the report prints it (names instead of ids where the directory knows them). */
    public record Line(long seq, Instant at, String who, String organisation, String action, String resource,
                       String outcome, String detail, String downloadId, String clientAddress) {
    }
}
