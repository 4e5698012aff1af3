package dev.racecheck.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The little text styling racecheck does: ANSI colours only when standard output is a terminal and
 * {@code NO_COLOR} is not set, plus plain-text word wrapping.
 */
public final class Style {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";

    /** Styling off: what tests and redirected output get. */
    public static final Style PLAIN = new Style(false);

    private final boolean colors;

    private Style(boolean colors) {
        this.colors = colors;
    }

    /** Colours if stdout is a terminal and NO_COLOR is not set. */
    public static Style detect() {
        return new Style(colorsWanted(System.getenv(), stdoutIsTerminal()));
    }

    /** The colour decision, as a pure function. */
    static boolean colorsWanted(Map<String, String> env, boolean terminal) {
        return terminal && !env.containsKey("NO_COLOR");
    }

    /**
     * {@code System.console() != null}; on JDK 22 and later, where {@code System.console()} may return a
     * console even when the standard streams are redirected, also {@code Console.isTerminal()}.
     */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    public boolean colors() {
        return colors;
    }

    public String heading(String text) {
        return colors ? BOLD + text + RESET : text;
    }

    /** An outcome that matched what was expected. */
    public String good(String text) {
        return colors ? GREEN + text + RESET : text;
    }

    /** An outcome that did not match what was expected. */
    public String warn(String text) {
        return colors ? YELLOW + text + RESET : text;
    }

    /** Word-wraps {@code text} (a single paragraph) to lines of at most {@code width} characters. */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
