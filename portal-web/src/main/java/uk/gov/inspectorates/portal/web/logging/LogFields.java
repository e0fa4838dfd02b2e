package uk.gov.inspectorates.portal.web.logging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extra fields of a log record: given as the record's parameter, Payara's JSONLogFormatter writes each entry as a
 * field of the JSON line ({@code "requestId"}, {@code "rule"}). Values are ids only, never a name, an address, a
 * file name or a title (docs/configuration.md, "Logs").
 */
public final class LogFields {

    private LogFields() {
    }

    /** The current request's id, where there is one. */
    public static Map<String, String> ofRequest() {
        Map<String, String> fields = new LinkedHashMap<>();
        RequestIds.current().ifPresent(id -> fields.put("requestId", id));
        return fields;
    }

    /** The current request's id and the id of the rule that decided. */
    public static Map<String, String> ofRule(String rule) {
        Map<String, String> fields = ofRequest();
        if (rule != null) {
            fields.put("rule", rule);
        }
        return fields;
    }
}
