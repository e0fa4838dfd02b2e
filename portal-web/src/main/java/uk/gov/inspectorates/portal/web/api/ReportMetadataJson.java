package uk.gov.inspectorates.portal.web.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import uk.gov.inspectorates.portal.core.report.ReportDraft;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/** The {@code metadata} part of {@code POST /api/v1/reports}, read into a draft for the domain to check. */
final class ReportMetadataJson {

    private ReportMetadataJson() {
    }

    static ReportDraft draftOf(String json) {
        if (json == null) {
            throw InvalidInput.of("metadata", "Send the report's details as the multipart part 'metadata' "
                    + "before the part 'file'");
        }
        JsonObject metadata = JsonBodies.object(json, "metadata");
        JsonObject classification = object(metadata, "classification");
        JsonObject attestations = object(metadata, "attestations");
        return new ReportDraft(text(metadata, "title"), text(metadata, "reportType"), text(metadata, "subject"),
                text(classification, "tier"), text(classification, "descriptor"),
                text(metadata, "handlingInstructions"),
                bool(attestations, "subjectHadChanceToComment"), bool(attestations, "contentFinal"),
                bool(attestations, "subjectHasFinalUnderEmbargo"), JsonBodies.time(metadata, "expectedPublication"),
                JsonBodies.texts(metadata, "addressees"));
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String text(JsonObject parent, String name) {
        return JsonBodies.text(parent, name);
    }

    /** Only JSON {@code true} attests; "true" as a string or 1 does not. */
    private static Boolean bool(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value == null ? null : value == JsonValue.TRUE;
    }
}
