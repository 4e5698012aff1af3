package dev.racecheck.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Races and deadlocks to leave out: a suppressions file, in the spirit of ThreadSanitizer's.
 *
 * <pre>
 * # Known and accepted: the legacy cache is rewritten in 2.0.
 * race:com.example.legacy.*
 * race:*Cache.get
 * deadlock:com.example.Bank.transfer
 * </pre>
 *
 * <p>One rule per line: {@code race:} or {@code deadlock:} followed by a glob. A race is suppressed when a
 * {@code race:} glob matches the {@code class.method} name ({@code com.example.Cache.get}, binary class names as in
 * stack traces, so {@code Outer$Inner.run} and {@code Main.lambda$main$0}) of <em>any</em> frame of <em>either</em>
 * access's stack; a deadlock when a {@code deadlock:} glob matches any frame of any of its acquisition stacks (where
 * each lock of the cycle was acquired, or is waited for, and where the lock held meanwhile had been acquired).
 * In a glob {@code *} stands for any run of characters (dots included) and {@code ?} for exactly one; everything
 * else matches itself, and the glob must match the whole name, so {@code race:com.example.Cache} matches no method
 * and {@code race:*Cache.get} matches {@code com.example.LruCache.get}. Blank lines and lines starting with
 * {@code #} are ignored; so are spaces around a rule and after the colon.
 *
 * <p>Any other line is an error rather than a rule that silently matches nothing: a typo in a suppressions file
 * would otherwise let the races it was meant to hide fail the build with no hint why, or, worse, a typo in a
 * {@code #} would turn a comment into a rule. The glob may contain only what a class or method name contains
 * (letters, digits, {@code _ $ . < >}) plus {@code *} and {@code ?}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Suppressions {

    /** Suppresses nothing. */
    public static final Suppressions NONE = new Suppressions(List.of());

    /** The suppression type of data races. */
    public static final String RACE = "race";

    /** The suppression type of deadlocks, potential and actual. */
    public static final String DEADLOCK = "deadlock";

    private static final String EXPECTED = "race:<glob> or deadlock:<glob>";

    // ThreadSanitizer's other types: named in the error, so a file copied from a C++ project gets a clear answer.
    private static final Set<String> TSAN_TYPES = Set.of("race_top", "thread", "mutex", "signal", "called_from_lib");

    private final List<Rule> rules;

    private Suppressions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * One rule: its type ({@link #RACE} or {@link #DEADLOCK}), the glob as written, where it was, and the glob
     * compiled to a regular expression.
     */
    private record Rule(String type, String glob, int line, Pattern pattern) {}

    /**
     * Parses the text of a suppressions file.
     *
     * @param text       the whole file
     * @param sourceName what to call the text in error messages, usually the file name as the user gave it
     * @throws SuppressionFormatException at the first line that is neither blank, a comment nor a valid rule
     */
    public static Suppressions parse(String text, String sourceName) throws SuppressionFormatException {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int number = i + 1;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new SuppressionFormatException(sourceName, number,
                        "expected " + EXPECTED + " but found \"" + abbreviate(line) + "\"");
            }
            String type = line.substring(0, colon).strip();
            if (!type.equals(RACE) && !type.equals(DEADLOCK)) {
                String why = TSAN_TYPES.contains(type)
                        ? "suppression type \"" + type + "\" is not supported; racecheck has only " + EXPECTED
                        : "unknown suppression type \"" + abbreviate(type) + "\"; expected " + EXPECTED;
                throw new SuppressionFormatException(sourceName, number, why);
            }
            String glob = line.substring(colon + 1).strip();
            String problem = globProblem(type, glob);
            if (problem != null) throw new SuppressionFormatException(sourceName, number, problem);
            rules.add(new Rule(type, glob, number, compile(glob)));
        }
        return new Suppressions(rules);
    }

    /**
     * Reads a suppressions file (UTF-8); error messages name it as {@code file} was given.
     *
     * @throws IOException                if the file cannot be read
     * @throws SuppressionFormatException if a line is not valid
     */
    public static Suppressions read(Path file) throws IOException, SuppressionFormatException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Whether some {@code race:} rule matches a frame of either access's stack. */
    public boolean suppresses(Race race) {
        return matchingRule(race) != null;
    }

    /** Whether some {@code deadlock:} rule matches a frame of one of the deadlock's acquisition stacks. */
    public boolean suppresses(Deadlock deadlock) {
        return matchingRule(deadlock) != null;
    }

    /**
     * The first {@code race:} rule that suppresses {@code race}, as written in the file
     * ({@code race:com.example.legacy.*}), or {@code null} if none does. For diagnostics: which line hid a race.
     */
    public String matchingRule(Race race) {
        for (Rule rule : rules) {
            if (rule.type().equals(RACE)
                    && (matchesAnyFrame(rule, race.current().stack()) || matchesAnyFrame(rule, race.previous().stack()))) {
                return RACE + ":" + rule.glob();
            }
        }
        return null;
    }

    /**
     * The first {@code deadlock:} rule that suppresses {@code deadlock} ({@code deadlock:com.example.Bank.*}), or
     * {@code null} if none does.
     */
    public String matchingRule(Deadlock deadlock) {
        for (Rule rule : rules) {
            if (!rule.type().equals(DEADLOCK)) continue;
            for (Deadlock.Edge e : deadlock.edges()) {
                if (matchesAnyFrame(rule, e.acquiredAt()) || matchesAnyFrame(rule, e.heldAt())) {
                    return DEADLOCK + ":" + rule.glob();
                }
            }
        }
        return null;
    }

    private static boolean matchesAnyFrame(Rule rule, List<Frame> stack) {
        for (Frame f : stack) {
            if (rule.pattern().matcher(f.className() + "." + f.methodName()).matches()) return true;
        }
        return false;
    }

    /** The {@code race:} rules' globs in file order, without the prefix. */
    public List<String> globs() {
        return globs(RACE);
    }

    /** The globs of the rules of one type ({@link #RACE} or {@link #DEADLOCK}) in file order, without the prefix. */
    public List<String> globs(String type) {
        List<String> globs = new ArrayList<>(rules.size());
        for (Rule r : rules) if (r.type().equals(type)) globs.add(r.glob());
        return globs;
    }

    /** Every rule in file order as written, with its type: {@code race:com.example.*}, {@code deadlock:*Bank.*}. */
    public List<String> rules() {
        List<String> all = new ArrayList<>(rules.size());
        for (Rule r : rules) all.add(r.type() + ":" + r.glob());
        return all;
    }

    /** Whether there are no rules (an empty file, or only comments). */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Why {@code glob} cannot be used, or {@code null} if it can. */
    private static String globProblem(String type, String glob) {
        if (glob.isEmpty()) return type + ": needs a glob, e.g. " + type + ":com.example.legacy.*";
        if (glob.contains("#")) {
            return "bad glob \"" + abbreviate(glob) + "\": comments go on lines of their own, starting with #";
        }
        for (int i = 0; i < glob.length(); ) {
            int c = glob.codePointAt(i);
            if (!allowed(c)) {
                String shown = Character.isWhitespace(c) ? "a space" : c < 0x20 || c == 0x7f
                        ? String.format("character U+%04X", c) : "\"" + new String(Character.toChars(c)) + "\"";
                String hint = switch (c) {
                    case '[', ']', '{', '}' -> " (only * and ? are wildcards)";
                    case '/' -> " (write class names with dots: com.example.Foo.bar)";
                    case '(', ')' -> " (write class.method without a parameter list or line)";
                    default -> " (a glob is a class.method name with * and ?)";
                };
                return "bad glob \"" + abbreviate(glob) + "\": " + shown + " is not allowed" + hint;
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean allowed(int c) {
        if (c == '*' || c == '?' || c == '.' || c == '<' || c == '>') return true; // < > for <init>, <clinit>
        return Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }

    /** The glob as an anchored regular expression: {@code *} is {@code .*}, {@code ?} is {@code .}, the rest literal. */
    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder(glob.length() + 16);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) re.append(Pattern.quote(literal.toString()));
        // DOTALL: "?" must match any one character; names never contain line breaks, but no case is left undefined.
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return "Suppressions" + rules();
    }
}
