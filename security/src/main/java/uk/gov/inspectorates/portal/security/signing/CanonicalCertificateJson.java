package uk.gov.inspectorates.portal.security.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.removal.RemovalCertificate;
import uk.gov.inspectorates.portal.core.removal.RequestTally;

/**
 * The canonical bytes of a removal certificate: UTF-8 JSON, object members in lexicographic order, no insignificant
 * whitespace, times as ISO-8601 UTC instants, lists in the certificate's order (participants sorted). The same
 * certificate always gives the same bytes, and they are what the signature covers.
 */
final class CanonicalCertificateJson {

    private CanonicalCertificateJson() {
    }

    static byte[] of(RemovalCertificate c) {
        Map<String, Object> root = new TreeMap<>();
        root.put("type", "uk.gov.inspectorates.portal/removal-certificate/v1");
        root.put("certificateId", c.id());
        root.put("removalId", c.removalId());
        root.put("inspectionId", c.inspectionId());
        root.put("leadInspectorate", c.leadInspectorate() == null ? null : c.leadInspectorate().name());
        root.put("participants", c.participants().stream().map(Enum::name).sorted().toList());
        root.put("closedAt", c.closedAt());
        Map<String, Object> policy = new TreeMap<>();
        policy.put("category", c.policyCategory());
        policy.put("amount", c.policyAmount());
        policy.put("unit", c.policyUnit() == null ? null : c.policyUnit().name());
        root.put("policy", policy);
        root.put("exportWindowEndedAt", c.windowEndedAt());
        root.put("kekDestroyedAt", c.kekDestroyedAt());
        Map<String, Object> removed = new TreeMap<>();
        removed.put("objects", c.objects());
        removed.put("plaintextBytes", c.plaintextBytes());
        removed.put("storedBytes", c.storedBytes());
        removed.put("perAgency", list(c.agencies(), a -> object("agencyId", a.agencyId(), "agencyName",
                a.agencyName(), "documents", a.documents(), "plaintextBytes", a.plaintextBytes())));
        removed.put("perRequest", list(c.requests(), CanonicalCertificateJson::request));
        root.put("removed", removed);
        root.put("exportsBeforeRemoval", list(c.exports(), CanonicalCertificateJson::export));
        root.put("removedBy", c.removedBy());
        root.put("completedAt", c.completedAt());
        root.put("issuedAt", c.issuedAt());
        StringBuilder out = new StringBuilder();
        write(out, root);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> request(RequestTally r) {
        return object("requestId", r.requestId(), "requestedBy", r.requestedBy().name(), "agencyId", r.agencyId(),
                "documents", r.documents(), "plaintextBytes", r.plaintextBytes());
    }

    private static Map<String, Object> export(ExportRecord e) {
        return object("exportId", e.id(), "inspectorate", e.inspectorate().name(), "exportedBy", e.exportedBy(),
                "exportedAt", e.exportedAt(), "documents", e.documents(), "bytes", e.bytes(), "sha256", e.sha256());
    }

    private static <T> List<Object> list(List<T> things, Function<T, Object> each) {
        return things.stream().map(each).toList();
    }

    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : ((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, member.getKey());
                out.append(':');
                write(out, member.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Number number) {
            out.append(number.longValue());
        } else if (value instanceof Instant instant) {
            string(out, instant.toString());
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
