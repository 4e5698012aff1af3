package dev.racecheck.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Composes a JVM argument line (Surefire's and Failsafe's {@code argLine}) with racecheck's arguments.
 *
 * <p>racecheck's arguments go at the end, after whatever was there: the user's own {@code argLine} and JaCoCo's
 * {@code -javaagent:}, which JaCoCo's prepare-agent always puts first, whether it runs before or after racecheck's.
 * Either order therefore gives {@code -javaagent:jacoco... <user args> -javaagent:racecheck...}. Running
 * prepare-agent again replaces racecheck's arguments instead of adding a second agent.
 *
 * <p>Splitting and quoting follow what Surefire does with {@code argLine} (Plexus {@code Commandline}): arguments are
 * separated by whitespace, and single or double quotes group an argument with spaces, the quotes themselves removed.
 */
final class ArgLine {
    private ArgLine() {
        // no instances
    }

    /**
     * {@code old} with racecheck's previous arguments (if any) removed and {@code added} appended.
     *
     * @param old   the current value of the property, or null
     * @param added racecheck's arguments, unquoted
     */
    static String compose(String old, List<String> added) {
        StringBuilder out = new StringBuilder();
        if (old != null && !old.isBlank()) {
            List<String> tokens = split(old);
            List<String> kept = new ArrayList<>();
            for (String t : tokens) {
                if (!isRacecheck(t) && !added.contains(t)) kept.add(t);
            }
            if (kept.size() == tokens.size()) {
                out.append(old.strip()); // nothing of ours: keep the user's text exactly as written
            } else {
                for (String t : kept) append(out, quote(t));
            }
        }
        for (String a : added) append(out, quote(a));
        return out.toString();
    }

    private static void append(StringBuilder out, String s) {
        if (out.length() > 0) out.append(' ');
        out.append(s);
    }

    /** An argument an earlier racecheck prepare-agent added: its agent, its attribution or exploration property. */
    static boolean isRacecheck(String token) {
        if (token.startsWith("-D" + PrepareAgentMojo.EXPLORE_PROPERTY + "=")
                || token.startsWith("-D" + PrepareAgentMojo.SEED_PROPERTY + "=")) {
            return true;
        }
        if (token.startsWith("-javaagent:")) {
            String spec = token.substring("-javaagent:".length());
            int eq = spec.indexOf('=');
            String jar = (eq < 0 ? spec : spec.substring(0, eq)).replace('\\', '/');
            return jar.equals("racecheck.jar") || jar.endsWith("/racecheck.jar");
        }
        return token.startsWith("-D" + dev.racecheck.junit.Attribution.FILE_PROPERTY + "=");
    }

    /** Splits as Plexus's {@code CommandLineUtils.translateCommandline} does: whitespace, '...' and "..." groups. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (inToken) out.add(cur.toString());
        return out;
    }

    /** Quotes an argument that contains whitespace or quotes, as JaCoCo does for its agent path. */
    static String quote(String arg) {
        boolean plain = !arg.isEmpty();
        for (int i = 0; i < arg.length() && plain; i++) {
            char c = arg.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'') plain = false;
        }
        if (plain) return arg;
        return arg.indexOf('"') < 0 ? '"' + arg + '"' : '\'' + arg + '\'';
    }
}
