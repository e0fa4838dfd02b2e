package uk.gov.inspectorates.portal.web.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the API contract must hold beyond being valid OpenAPI (docs/adr/0042): every operation named by what it does
 * (an operationId used once) and saying so (a summary), its path parameters declared, its problem responses as
 * problem+json, and a success. {@link #violations} lists each breach in words a reviewer can act on.
 */
final class ApiContractRules {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");

    private ApiContractRules() {
    }

    static List<String> violations(Map<String, Object> contract) {
        List<String> violations = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        for (var path : map(contract.get("paths")).entrySet()) {
            for (var entry : map(path.getValue()).entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String operation = entry.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = map(entry.getValue());
                Object id = op.get("operationId");
                if (!(id instanceof String text) || !OPERATION_ID.matcher(text).matches()) {
                    violations.add(operation + ": no operationId in lowerCamelCase");
                } else {
                    String earlier = operationIds.putIfAbsent(text, operation);
                    if (earlier != null) {
                        violations.add(operation + ": operationId " + text + " is also " + earlier);
                    }
                }
                if (!(op.get("summary") instanceof String summary) || summary.isBlank()) {
                    violations.add(operation + ": no summary");
                }
                violations.addAll(parameters(operation, path.getKey(), op));
                violations.addAll(responses(operation, op, contract));
            }
        }
        return violations;
    }

    private static List<String> parameters(String operation, String path, Map<String, Object> op) {
        Set<String> inPath = new TreeSet<>();
        Matcher m = PARAMETER.matcher(path);
        while (m.find()) {
            inPath.add(m.group(1));
        }
        Set<String> declared = new TreeSet<>();
        for (Object parameter : list(op.get("parameters"))) {
            Map<String, Object> p = map(parameter);
            if ("path".equals(p.get("in"))) {
                declared.add((String) p.get("name"));
            }
        }
        return inPath.equals(declared) ? List.of()
                : List.of(operation + ": path parameters declared " + declared + ", in the path " + inPath);
    }

    private static List<String> responses(String operation, Map<String, Object> op, Map<String, Object> contract) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> responses = map(op.get("responses"));
        if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            violations.add(operation + ": no success response");
        }
        boolean problems = false;
        for (var response : responses.entrySet()) {
            if (!response.getKey().startsWith("4") && !response.getKey().startsWith("5")) {
                continue;
            }
            problems = true;
            Map<String, Object> resolved = resolve(map(response.getValue()), contract);
            if (!map(resolved.get("content")).containsKey(Problem.MEDIA_TYPE)) {
                violations.add(operation + ": " + response.getKey() + " is not " + Problem.MEDIA_TYPE);
            }
            if (!String.valueOf(resolved.get("description")).contains(Problem.TYPE_PREFIX)) {
                violations.add(operation + ": " + response.getKey() + " names no problem type");
            }
        }
        if (!problems) {
            violations.add(operation + ": no problem responses");
        }
        return violations;
    }

    private static Map<String, Object> resolve(Map<String, Object> response, Map<String, Object> contract) {
        Object ref = response.get("$ref");
        if (ref == null) {
            return response;
        }
        String name = ((String) ref).substring("#/components/responses/".length());
        return map(map(map(contract.get("components")).get("responses")).get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? List.copyOf(l) : List.of();
    }
}
