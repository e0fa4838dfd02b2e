package uk.gov.inspectorates.portal.deploy.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON {@code metadata} part of a report upload, valid unless told otherwise: {@code aReport().json()}. */
final class ReportMetadata {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private String tier = "OFFICIAL_SENSITIVE";
    private String descriptor = "PERSONAL";
    private final Map<String, String> attestations = new LinkedHashMap<>();
    private List<String> addressees;

    private ReportMetadata() {
        fields.put("title", "Joint targeted area inspection of Northdale");
        fields.put("reportType", "OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS");
        fields.put("subject", "Northdale local authority area");
        attestations.put("subjectHadChanceToComment", "true");
        attestations.put("contentFinal", "true");
        attestations.put("subjectHasFinalUnderEmbargo", "true");
    }

    static ReportMetadata aReport() {
        return new ReportMetadata();
    }

    ReportMetadata titled(String title) {
        fields.put("title", title);
        return this;
    }

    ReportMetadata ofType(String code) {
        fields.put("reportType", code);
        return this;
    }

    /** Inspectorate codes (e.g. HMIC); without this the report goes to every other party. */
    ReportMetadata addressedTo(String... inspectorates) {
        this.addressees = List.of(inspectorates);
        return this;
    }

    ReportMetadata without(String field) {
        fields.remove(field);
        return this;
    }

    ReportMetadata classified(String givenTier, String givenDescriptor) {
        this.tier = givenTier;
        this.descriptor = givenDescriptor;
        return this;
    }

    ReportMetadata attesting(String attestation, String jsonValue) {
        attestations.put(attestation, jsonValue);
        return this;
    }

    String json() {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append('"').append(name).append("\":\"").append(value).append("\","));
        json.append("\"classification\":{\"tier\":\"").append(tier).append('"');
        if (descriptor != null) {
            json.append(",\"descriptor\":\"").append(descriptor).append('"');
        }
        json.append("},\"attestations\":{");
        json.append(String.join(",", attestations.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue()).toList()));
        json.append('}');
        if (addressees != null) {
            json.append(",\"addressees\":[").append(String.join(",", addressees.stream()
                    .map(code -> "\"" + code + "\"").toList())).append(']');
        }
        return json.append('}').toString();
    }
}
