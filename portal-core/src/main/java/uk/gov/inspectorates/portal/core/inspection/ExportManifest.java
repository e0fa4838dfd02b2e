package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The manifest and audit files of an export, written the same way each time (fixed column and key order, ISO-8601
 * instants, LF line ends). CSV cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
final class ExportManifest {

    private static final String MANIFEST_COLUMNS = "entry,file_name,agency,request_id,request_title,classification,"
            + "size,sha256,uploaded_at,uploaded_by";
    private static final String AUDIT_COLUMNS = "at,actor_id,actor_organisation_id,action,resource_type,resource_id,"
            + "outcome,detail";

    private ExportManifest() {
    }

    static byte[] csv(List<EvidenceDocument> documents, List<String> entries, Map<String, InformationRequest> requests) {
        StringBuilder csv = new StringBuilder(MANIFEST_COLUMNS).append('\n');
        for (int i = 0; i < documents.size(); i++) {
            EvidenceDocument d = documents.get(i);
            InformationRequest request = requests.get(d.requestId());
            row(csv, entries.get(i), d.document().fileName(), d.agencyId(), d.requestId(),
                    request == null ? "" : request.title(), d.classification().marking(), Long.toString(d.size()),
                    d.sha256(), d.uploadedAt().toString(), d.uploadedBy());
        }
        return ExportContents.utf8(csv.toString());
    }

    static byte[] json(Inspection inspection, InspectionClosure closure, Inspectorate inspectorate,
                       List<EvidenceDocument> documents, List<String> entries,
                       Map<String, InformationRequest> requests) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"inspection\": ").append(quote(inspection.id())).append(",\n");
        json.append("  \"localAuthorityArea\": ").append(quote(inspection.localAuthorityAreaId())).append(",\n");
        json.append("  \"theme\": ").append(quote(inspection.theme())).append(",\n");
        json.append("  \"inspectorate\": ").append(quote(inspectorate.name())).append(",\n");
        json.append("  \"closedAt\": ").append(quote(closure.closedAt().toString())).append(",\n");
        json.append("  \"closedBy\": ").append(quote(closure.closedBy())).append(",\n");
        json.append("  \"documents\": [");
        for (int i = 0; i < documents.size(); i++) {
            EvidenceDocument d = documents.get(i);
            InformationRequest request = requests.get(d.requestId());
            json.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"entry\": ").append(quote(entries.get(i)))
                    .append(", \"fileName\": ").append(quote(d.document().fileName()))
                    .append(", \"mediaType\": ").append(quote(d.document().mediaType()))
                    .append(", \"agency\": ").append(quote(d.agencyId()))
                    .append(", \"requestId\": ").append(quote(d.requestId()))
                    .append(", \"requestTitle\": ").append(quote(request == null ? "" : request.title()))
                    .append(", \"classification\": ").append(quote(d.classification().marking()))
                    .append(", \"size\": ").append(d.size())
                    .append(", \"sha256\": ").append(quote(d.sha256()))
                    .append(", \"uploadedAt\": ").append(quote(d.uploadedAt().toString()))
                    .append(", \"uploadedBy\": ").append(quote(d.uploadedBy()))
                    .append('}');
        }
        json.append(documents.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return ExportContents.utf8(json.toString());
    }

    static byte[] auditCsv(List<AuditEvent> events) {
        StringBuilder csv = new StringBuilder(AUDIT_COLUMNS).append('\n');
        for (AuditEvent e : events) {
            row(csv, e.at().toString(), e.actorId(), e.actorOrganisationId(), e.action(), e.resourceType(),
                    e.resourceId(), e.outcome().name(), e.detail());
        }
        return ExportContents.utf8(csv.toString());
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        csv.append('\n');
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
