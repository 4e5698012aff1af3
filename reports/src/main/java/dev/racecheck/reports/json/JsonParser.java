package dev.racecheck.reports.json;

import dev.racecheck.reports.ReportFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict recursive-descent parser for RFC 8259 JSON: no comments, no trailing commas, no leading zeros, no
 * duplicate field names, no raw control characters in strings. A leading byte order mark is skipped.
 */
final class JsonParser {

    /** Far deeper than any report; the limit turns hostile input into an error rather than a StackOverflowError. */
    static final int MAX_DEPTH = 64;

    private static final String EXPECTED_VALUE = "expected a value (object, array, string, number, true, false or null)";

    private final String in;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonParser(String in) {
        this.in = in;
        if (in.startsWith("\uFEFF")) pos = lineStart = 1;
    }

    /** Parses one JSON document: a single value, optionally surrounded by whitespace. */
    static JsonNode parse(String json) throws ReportFormatException {
        JsonParser p = new JsonParser(json);
        JsonNode value = p.value(0);
        p.skipWhitespace();
        if (p.pos < p.in.length()) throw p.error("expected end of input after the top-level value");
        return value;
    }

    private JsonNode value(int depth) throws ReportFormatException {
        skipWhitespace();
        if (pos >= in.length()) throw error(EXPECTED_VALUE);
        char c = in.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> {
                int col = column();
                yield new JsonNode.Str(string(), line, col); // a string cannot span lines, so line is unchanged
            }
            case 't' -> literal("true", new JsonNode.Bool(true, line, column()));
            case 'f' -> literal("false", new JsonNode.Bool(false, line, column()));
            case 'n' -> literal("null", new JsonNode.Null(line, column()));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error(EXPECTED_VALUE);
            }
        };
    }

    private JsonNode object(int depth) throws ReportFormatException {
        checkDepth(depth);
        int l = line, col = column();
        pos++; // '{'
        Map<String, JsonNode> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek('}')) {
            pos++;
            return new JsonNode.Obj(Collections.unmodifiableMap(members), l, col);
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) throw error("expected '\"' starting a field name");
            int keyLine = line, keyCol = column();
            String key = string();
            if (members.containsKey(key)) {
                throw new ReportFormatException(keyLine, keyCol, "expected each field once but found "
                        + Json.quote(abbreviate(key)) + " again");
            }
            skipWhitespace();
            expect(':', "expected ':' after field name");
            members.put(key, value(depth));
            skipWhitespace();
            if (peek(',')) pos++;
            else if (peek('}')) {
                pos++;
                return new JsonNode.Obj(Collections.unmodifiableMap(members), l, col);
            } else throw error("expected ',' or '}'");
        }
    }

    private JsonNode array(int depth) throws ReportFormatException {
        checkDepth(depth);
        int l = line, col = column();
        pos++; // '['
        List<JsonNode> items = new ArrayList<>();
        skipWhitespace();
        if (peek(']')) {
            pos++;
            return new JsonNode.Arr(List.copyOf(items), l, col);
        }
        while (true) {
            items.add(value(depth));
            skipWhitespace();
            if (peek(',')) pos++;
            else if (peek(']')) {
                pos++;
                return new JsonNode.Arr(List.copyOf(items), l, col);
            } else throw error("expected ',' or ']'");
        }
    }

    /** Reads a string starting at the opening quote; leaves {@code pos} after the closing quote. */
    private String string() throws ReportFormatException {
        pos++; // '"'
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= in.length()) throw error("expected '\"' closing the string");
            char c = in.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) throw error("expected an escaped control character (such as \\n)");
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= in.length()) throw error("expected an escape character after '\\'");
            char e = in.charAt(pos);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int i = 1; i <= 4; i++) {
                        int d = pos + i < in.length() ? Character.digit(in.charAt(pos + i), 16) : -1;
                        if (d < 0) {
                            pos += i;
                            throw error("expected 4 hex digits after \\u");
                        }
                        code = code * 16 + d;
                    }
                    // Lone surrogates are kept: Java strings (thread names) may hold them and must round-trip.
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'");
            }
            pos++;
        }
    }

    /** Reads an RFC 8259 number, keeping its text; the reader decides what range and form it accepts. */
    private JsonNode number() throws ReportFormatException {
        int start = pos, col = column();
        if (peek('-')) pos++;
        if (peek('0')) {
            pos++;
            if (pos < in.length() && isDigit(in.charAt(pos))) throw error("expected no leading zero in a number");
        } else digits("expected a digit");
        if (peek('.')) {
            pos++;
            digits("expected a digit after '.'");
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) pos++;
            digits("expected a digit in the exponent");
        }
        return new JsonNode.Num(in.substring(start, pos), line, col);
    }

    private void digits(String expected) throws ReportFormatException {
        if (pos >= in.length() || !isDigit(in.charAt(pos))) throw error(expected);
        while (pos < in.length() && isDigit(in.charAt(pos))) pos++;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private <T extends JsonNode> T literal(String word, T node) throws ReportFormatException {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= in.length() || in.charAt(pos) != word.charAt(i)) throw error("expected " + word);
            pos++;
        }
        return node;
    }

    private void skipWhitespace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == '\n' || (c == '\r' && (pos + 1 >= in.length() || in.charAt(pos + 1) != '\n'))) {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') pos++;
            else return;
        }
    }

    private boolean peek(char c) { return pos < in.length() && in.charAt(pos) == c; }

    private void expect(char c, String expected) throws ReportFormatException {
        if (!peek(c)) throw error(expected);
        pos++;
    }

    private void checkDepth(int depth) throws ReportFormatException {
        if (depth > MAX_DEPTH) throw error("expected at most " + MAX_DEPTH + " nested arrays and objects");
    }

    private int column() { return column(pos); }

    private int column(int at) { return at - lineStart + 1; }

    /** An error at the current position, naming what is there. */
    private ReportFormatException error(String expected) {
        return new ReportFormatException(line, column(), expected + " but found " + found());
    }

    private String found() {
        if (pos >= in.length()) return "end of input";
        char c = in.charAt(pos);
        if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || Character.isWhitespace(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /** Keeps error messages to one readable line however long the offending text is. */
    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
