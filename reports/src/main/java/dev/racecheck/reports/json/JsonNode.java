package dev.racecheck.reports.json;

import java.util.List;
import java.util.Map;

/** A parsed JSON value and where it began, so that errors found after parsing can still point into the input. */
sealed interface JsonNode {
    int line();

    int column();

    /** The JSON type's name as used in error messages: {@code object}, {@code string}, ... */
    String typeName();

    record Obj(Map<String, JsonNode> members, int line, int column) implements JsonNode {
        public String typeName() { return "object"; }
    }

    record Arr(List<JsonNode> items, int line, int column) implements JsonNode {
        public String typeName() { return "array"; }
    }

    record Str(String value, int line, int column) implements JsonNode {
        public String typeName() { return "string"; }
    }

    /** A number kept as its source text: the reader decides which numbers it accepts (integers, in range). */
    record Num(String text, int line, int column) implements JsonNode {
        public String typeName() { return "number"; }
    }

    record Bool(boolean value, int line, int column) implements JsonNode {
        public String typeName() { return "boolean"; }
    }

    record Null(int line, int column) implements JsonNode {
        public String typeName() { return "null"; }
    }
}
