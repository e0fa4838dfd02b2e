package uk.gov.inspectorates.portal.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/** Reads request bodies as JSON objects, turning malformed JSON into a 422 naming the field. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonObject object(String json) {
        return object(json, "body");
    }

    static JsonObject object(String json, String field) {
        if (json == null || json.isBlank()) {
            throw InvalidInput.of(field, "The " + field + " must be a JSON object");
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw InvalidInput.of(field, "The " + field + " must be a JSON object");
        }
    }

    /** The string member, or null when absent or not a string. */
    static String text(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? parent.getString(name) : null;
    }

    /** The ISO-8601 time (with offset) member, or null when absent; anything else is a 422 naming the field. */
    static OffsetDateTime time(JsonObject parent, String name) {
        String value = text(parent, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(name, "Enter " + name + " as an ISO-8601 time with offset, e.g. 2026-12-01T09:30:00Z");
        }
    }

    /** The array of strings member; null when absent; a 422 naming the field when not an array of strings. */
    static List<String> texts(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)
                || array.stream().anyMatch(item -> item.getValueType() != JsonValue.ValueType.STRING)) {
            throw InvalidInput.of(name, "The " + name + " must be a list of names");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
