package uk.gov.inspectorates.portal.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
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
}
