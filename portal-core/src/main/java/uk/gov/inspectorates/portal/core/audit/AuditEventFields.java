package uk.gov.inspectorates.portal.core.audit;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;

/** An event's fields as the chain ({@link AuditChain#FIELDS}) and the CSV export take them. */
public final class AuditEventFields {

    private AuditEventFields() {
    }

    public static List<String> values(long seq, AuditEvent event) {
        return Arrays.asList(Long.toString(seq), event.at().truncatedTo(ChronoUnit.MICROS).toString(),
                event.actorId(), event.actorOrganisationId(), event.actorRoles(), event.action(),
                event.resourceType(), event.resourceId(), event.reportId(), event.inspectionId(),
                event.informationOwnersText(), event.outcome().name(), event.detail(), event.downloadId(),
                event.clientAddress(), event.userAgent());
    }

    public static byte[] contentDigest(long seq, AuditEvent event) {
        return AuditChain.contentDigest(values(seq, event));
    }
}
