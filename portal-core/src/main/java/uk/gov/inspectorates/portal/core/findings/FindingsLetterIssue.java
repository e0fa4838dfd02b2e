package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * The pre-publication findings letter issued on day 41: the embargoed report it became (whose agency recipients
 * name who may read it), the version issued, the chair of the local safeguarding partnership named (if any), by whom
 * and when.
 */
public record FindingsLetterIssue(String inspectionId, String reportId, int version, String chairUserId,
                                  String issuedBy, Instant issuedAt) {

    public FindingsLetterIssue {
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
