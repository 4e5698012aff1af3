package dev.racecheck.reports.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.Samples;
import dev.racecheck.reports.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the schema, the writer and the reader in step: the writer's output must validate against the schema and
 * write exactly the schema's properties, and the reader must require exactly the schema's required fields. The
 * validator understands only the keywords the schema uses.
 */
class SchemaTest {

    private static final String SCHEMA = "/dev/racecheck/reports/racecheck-report.schema.json";
    private static final RaceReport FULL = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.Main",
            List.of(Samples.counterRace(), Samples.staticRace(), Samples.arrayRace(),
                    Samples.containerRace(), Samples.predictedRace()),
            List.of(Samples.potentialDeadlock(), Samples.actualDeadlock()), 0);

    private Map<String, Object> schema;
    private Object document;

    @Test
    void schemaIsDraft202012ForTheCurrentVersion() throws Exception {
        Map<String, Object> s = schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema"));
        assertEquals((long) RaceReport.FORMAT_VERSION, property(s, "formatVersion").get("const"));
        assertEquals(enumNames(Target.Kind.values()), property(def("target"), "kind").get("enum"));
        assertEquals(enumNames(AccessKind.values()), property(def("access"), "kind").get("enum"));
        assertEquals(enumNames(Deadlock.Kind.values()), property(def("deadlock"), "kind").get("enum"));
        assertEquals(enumNames(LockInfo.Kind.values()), property(def("lock"), "kind").get("enum"));
    }

    @Test
    void writerOutputValidatesAndReaderRequiresExactlyTheRequiredFields() throws Exception {
        schema = schema();
        document = plain(JsonParser.parse(JsonReportWriter.toJson(FULL)));
        validate(schema, document, "");
    }

    @SuppressWarnings("unchecked")
    private void validate(Map<String, Object> s, Object value, String path) throws Exception {
        if (s.containsKey("$ref")) {
            String ref = (String) s.get("$ref");
            assertTrue(ref.startsWith("#/$defs/"), ref);
            validate(def(ref.substring("#/$defs/".length())), value, path);
        }
        if (s.containsKey("anyOf")) {
            boolean any = false;
            for (Object alt : (List<Object>) s.get("anyOf")) any |= matches((Map<String, Object>) alt, value, path);
            assertTrue(any, path + ": matches no alternative of anyOf");
        }
        if (s.containsKey("const")) assertEquals(s.get("const"), value, path);
        if (s.containsKey("enum")) assertTrue(((List<Object>) s.get("enum")).contains(value), path + ": " + value);
        if (s.containsKey("type")) {
            Object type = s.get("type");
            List<Object> types = type instanceof List<?> l ? (List<Object>) l : List.of(type);
            assertTrue(types.contains(typeOf(value)), path + ": " + typeOf(value) + " is not in " + types);
        }
        if (value instanceof Long n) {
            if (s.containsKey("minimum")) assertTrue(n >= (Long) s.get("minimum"), path);
            if (s.containsKey("maximum")) assertTrue(n <= (Long) s.get("maximum"), path);
        }
        if (value instanceof List<?> list && s.containsKey("items")) {
            for (int i = 0; i < list.size(); i++) {
                validate((Map<String, Object>) s.get("items"), list.get(i), path + "[" + i + "]");
            }
        }
        if (value instanceof Map<?, ?> && s.containsKey("properties")) {
            Map<String, Object> object = (Map<String, Object>) value;
            Map<String, Object> properties = (Map<String, Object>) s.get("properties");
            // The writer writes every field, so the documented and the written fields must be the same set.
            assertEquals(properties.keySet(), object.keySet(), path);
            List<Object> required = (List<Object>) s.getOrDefault("required", List.of());
            for (String key : List.copyOf(object.keySet())) {
                validate((Map<String, Object>) properties.get(key), object.get(key), path + "." + key);
                assertEquals(required.contains(key), readerRejectsWithout(object, key),
                        path + "." + key + ": schema and reader disagree on whether it is required");
            }
        }
    }

    private boolean matches(Map<String, Object> s, Object value, String path) {
        try {
            validate(s, value, path);
            return true;
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    private boolean readerRejectsWithout(Map<String, Object> object, String key) {
        Object removed = object.remove(key);
        try {
            StringBuilder sb = new StringBuilder();
            Json.write(document, sb, 0);
            JsonReportReader.read(sb.toString());
            return false;
        } catch (ReportFormatException e) {
            return true;
        } finally {
            object.put(key, removed);
        }
    }

    private static String typeOf(Object v) {
        if (v == null) return "null";
        if (v instanceof String) return "string";
        if (v instanceof Long) return "integer";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof List) return "array";
        return "object";
    }

    /** The parse tree as mutable maps and lists, so fields can be removed; all numbers here are integers. */
    private static Object plain(JsonNode n) {
        if (n instanceof JsonNode.Obj o) {
            Map<String, Object> m = new LinkedHashMap<>();
            o.members().forEach((k, v) -> m.put(k, plain(v)));
            return m;
        }
        if (n instanceof JsonNode.Arr a) {
            List<Object> l = new ArrayList<>();
            for (JsonNode item : a.items()) l.add(plain(item));
            return l;
        }
        if (n instanceof JsonNode.Str s) return s.value();
        if (n instanceof JsonNode.Num num) return Long.parseLong(num.text());
        if (n instanceof JsonNode.Bool b) return b.value();
        return null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schema() throws IOException, ReportFormatException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertNotNull(in, SCHEMA + " is not on the class path");
            return (Map<String, Object>) plain(JsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> def(String name) throws Exception {
        Map<String, Object> s = schema != null ? schema : schema();
        Map<String, Object> d = (Map<String, Object>) ((Map<String, Object>) s.get("$defs")).get(name);
        if (d == null) fail("no $defs/" + name);
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Map<String, Object> s, String name) {
        return (Map<String, Object>) ((Map<String, Object>) s.get("properties")).get(name);
    }

    private static List<Object> enumNames(Enum<?>[] values) {
        List<Object> names = new ArrayList<>();
        for (Enum<?> e : values) names.add(JsonReportWriter.enumName(e));
        return names;
    }

    private static final Set<String> UNDERSTOOD = Set.of("$schema", "$id", "$ref", "$defs", "title",
            "description", "type", "required", "properties", "items", "const", "enum", "anyOf", "minimum", "maximum");

    @Test
    void schemaUsesOnlyKeywordsThisTestUnderstands() throws Exception {
        checkKeywords(schema(), "#");
    }

    @SuppressWarnings("unchecked")
    private static void checkKeywords(Map<String, Object> s, String path) {
        for (Map.Entry<String, Object> e : s.entrySet()) {
            String at = path + "/" + e.getKey();
            assertTrue(UNDERSTOOD.contains(e.getKey()), at + " would be ignored by this test's validator");
            switch (e.getKey()) {
                case "properties", "$defs" -> ((Map<String, Object>) e.getValue())
                        .forEach((k, v) -> checkKeywords((Map<String, Object>) v, at + "/" + k));
                case "items" -> checkKeywords((Map<String, Object>) e.getValue(), at);
                case "anyOf" -> {
                    for (Object alt : (List<Object>) e.getValue()) checkKeywords((Map<String, Object>) alt, at);
                }
                default -> { }
            }
        }
    }
}
