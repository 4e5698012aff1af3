package dev.racecheck.reports.json;

import java.util.List;
import java.util.Map;

/**
 * Serializes a tree of maps, lists, strings, numbers, booleans and nulls as pretty-printed JSON (two-space indent).
 *
 * <p>Public so that the other JSON-based renderers of this module (SARIF) write JSON exactly as the report writer
 * does, without a library; not meant for use outside racecheck.
 */
public final class Json {

    private Json() {}

    /**
     * Appends {@code value} indented by {@code indent} levels of two spaces. Maps keep their iteration order, which
     * is what makes the field order stable.
     */
    public static void write(Object value, StringBuilder sb, int indent) {
        if (value == null) sb.append("null");
        else if (value instanceof String s) sb.append(quote(s));
        else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) sb.append(value);
        else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                indent(sb, indent + 1).append(quote((String) e.getKey())).append(": ");
                write(e.getValue(), sb, indent + 1);
                sb.append(++i < map.size() ? ",\n" : "\n");
            }
            indent(sb, indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                indent(sb, indent + 1);
                write(list.get(i), sb, indent + 1);
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            indent(sb, indent).append(']');
        } else throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    private static StringBuilder indent(StringBuilder sb, int levels) {
        for (int i = 0; i < levels; i++) sb.append("  ");
        return sb;
    }

    /**
     * {@code s} as a JSON string literal. Escaped: {@code "}, {@code \}, control characters, DEL and unpaired
     * surrogates (which a UTF-8 encoder would otherwise replace with {@code ?}, losing the round trip). Everything
     * else, including non-ASCII text, is written as is.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) unicodeEscape(sb, c);
                    else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) unicodeEscape(sb, c);
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append(String.format("\\u%04x", (int) c));
    }
}
