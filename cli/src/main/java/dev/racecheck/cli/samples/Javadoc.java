package dev.racecheck.cli.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough Javadoc reading for the sample index: finds a top-level class's Javadoc comment in a
 * source file and turns it into plain-text paragraphs (inline tags and HTML removed, {@code <pre>}
 * blocks and block tags such as {@code @see} dropped). A line starting with {@code Expected:} is a
 * paragraph of its own.
 */
final class Javadoc {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern PARAGRAPH_TAG = Pattern.compile("(?i)</?p\\b[^>]*>|<br\\s*/?>|</?(?:ul|ol|li|dl|dt|dd|h[1-6])\\b[^>]*>");
    private static final Pattern PRE_BLOCK = Pattern.compile("(?is)<pre\\b.*?</pre>");

    private Javadoc() {
    }

    /** The package a source file declares, or "" for the unnamed package. */
    static String packageName(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() ? m.group(1) : "";
    }

    /** The raw text between {@code /**} and its end, of the comment right before type {@code simpleName}; null if none. */
    static String typeComment(String source, String simpleName) {
        Pattern declaration = Pattern.compile("(?m)^[ \\t]*(?:(?:public|protected|private|final|abstract|static|sealed|non-sealed|strictfp)\\s+)*"
                + "(?:class|interface|enum|record|@interface)\\s+" + Pattern.quote(simpleName) + "\\b");
        Matcher m = declaration.matcher(source);
        if (!m.find()) {
            return null;
        }
        int declarationStart = m.start();
        int start = source.lastIndexOf("/**", declarationStart);
        if (start < 0) {
            return null;
        }
        int end = source.indexOf("*/", start + 3);
        if (end < 0 || end > declarationStart) {
            return null;
        }
        // Only annotations (and whitespace/comments) may stand between the comment and the declaration.
        String between = source.substring(end + 2, declarationStart);
        if (between.contains(";") || between.contains("{") || between.contains("}")) {
            return null;
        }
        return source.substring(start + 3, end);
    }

    /** The comment as plain-text paragraphs (each on one line), in order. */
    static List<String> paragraphs(String comment) {
        StringBuilder text = new StringBuilder();
        for (String rawLine : comment.split("\\R", -1)) {
            String line = rawLine.strip();
            while (line.startsWith("*")) {
                line = line.substring(1);
            }
            line = line.strip();
            if (line.startsWith("@")) {
                break; // block tags: @author, @see, ...
            }
            String withoutParagraphTag = PARAGRAPH_TAG.matcher(line).replaceFirst("").strip();
            if (withoutParagraphTag.regionMatches(true, 0, "Expected:", 0, "Expected:".length())) {
                text.append("\n\n");
            }
            text.append(line).append('\n');
        }
        String cleaned = PRE_BLOCK.matcher(text).replaceAll("\n\n");
        cleaned = PARAGRAPH_TAG.matcher(cleaned).replaceAll("\n\n");
        cleaned = inlineTags(cleaned);
        cleaned = HTML_TAG.matcher(cleaned).replaceAll("");
        cleaned = entities(cleaned);
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : cleaned.split("\\n\\s*\\n")) {
            String joined = paragraph.strip().replaceAll("\\s+", " ");
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return paragraphs;
    }

    /** If {@code paragraph} is an "Expected: ..." line, what follows the colon; otherwise null. */
    static String expected(String paragraph) {
        if (paragraph.regionMatches(true, 0, "Expected:", 0, "Expected:".length())) {
            String value = paragraph.substring("Expected:".length()).strip();
            while (value.endsWith(".")) {
                value = value.substring(0, value.length() - 1).strip();
            }
            return value;
        }
        return null;
    }

    /** The first sentence of a paragraph, as Javadoc sees it: up to the first period followed by white space. */
    static String firstSentence(String paragraph) {
        Matcher m = Pattern.compile("[.!?](?=\\s|$)").matcher(paragraph);
        while (m.find()) {
            String before = paragraph.substring(0, m.start()).toLowerCase(Locale.ROOT);
            if (before.endsWith("e.g") || before.endsWith("i.e") || before.endsWith("etc") || before.endsWith("vs")) {
                continue;
            }
            return paragraph.substring(0, m.end()).strip();
        }
        return paragraph.strip();
    }

    /** {@code {@code x}} and {@code {@literal x}} become x; {@code {@link A#b label}} becomes label, {@code {@link A#b}} A.b. */
    static String inlineTags(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("{@", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int depth = 0;
            int end = -1;
            for (int j = start; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                out.append(text, start, text.length());
                break;
            }
            String inner = text.substring(start + 2, end);
            int space = firstWhitespace(inner);
            String tag = space < 0 ? inner : inner.substring(0, space);
            String body = space < 0 ? "" : inner.substring(space + 1).strip();
            if (tag.equals("link") || tag.equals("linkplain")) {
                int labelAt = firstWhitespace(body);
                String target = labelAt < 0 ? body : body.substring(0, labelAt);
                String label = labelAt < 0 ? "" : body.substring(labelAt + 1).strip();
                out.append(label.isEmpty() ? target.replaceFirst("^#", "").replace('#', '.') : label);
            } else {
                // Escaped so that the HTML-tag removal that follows keeps e.g. {@code List<String>}.
                out.append(body.replace("<", "&lt;").replace(">", "&gt;"));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String entities(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&mdash;", "--").replace("&ndash;", "-").replace("&amp;", "&");
    }
}
