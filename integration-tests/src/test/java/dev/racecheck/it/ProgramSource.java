package dev.racecheck.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a program's source says about itself: its class Javadoc's {@code Expected:} line and the lines marked
 * {@code // racy access}.
 *
 * @param className   binary name of the main class, e.g. {@code dev.racecheck.samples.RaceCounter}
 * @param fileName    source file name, e.g. {@code RaceCounter.java}
 * @param expectation what racecheck should report
 * @param racyLines   1-based numbers of the lines that end with {@code // racy access}
 */
public record ProgramSource(String className, String fileName, Expectation expectation, SortedSet<Integer> racyLines) {

    /** The end-of-line marker of both sides of every race. */
    public static final String RACY_MARKER = "// racy access";

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern EXPECTED =
            Pattern.compile("^\\s*\\*?\\s*(?:<p>\\s*)?Expected:\\s*(.*?)\\s*\\.?\\s*$");

    public ProgramSource {
        racyLines = Collections.unmodifiableSortedSet(new TreeSet<>(racyLines));
    }

    /** Reads a source file; the main class is the file's top-level class. */
    public static ProgramSource read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses source text.
     *
     * @throws IllegalArgumentException when the source has no or several {@code Expected:} lines, an unknown form
     *                                  of expectation, or markers that contradict it
     */
    public static ProgramSource parse(String source, String fileName) {
        String simpleName = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : fileName;
        Matcher pkg = PACKAGE.matcher(source);
        String className = pkg.find() ? pkg.group(1) + "." + simpleName : simpleName;

        List<String> expectedLines = new ArrayList<>();
        SortedSet<Integer> racy = new TreeSet<>();
        String[] lines = source.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECTED.matcher(lines[i]);
            if (m.matches()) {
                expectedLines.add(m.group(1));
            }
            if (lines[i].stripTrailing().endsWith(RACY_MARKER)) {
                racy.add(i + 1);
            }
        }
        if (expectedLines.size() != 1) {
            throw new IllegalArgumentException(fileName + ": expected exactly one 'Expected: ...' line in the class"
                    + " Javadoc, found " + expectedLines.size() + ": " + expectedLines);
        }
        Expectation expectation = Expectation.parse(expectedLines.get(0));
        if (expectation.race() && racy.isEmpty()) {
            throw new IllegalArgumentException(fileName + " expects a race but marks no line with '" + RACY_MARKER + "'");
        }
        if (!expectation.race() && !racy.isEmpty()) {
            throw new IllegalArgumentException(fileName + " expects no race but marks lines " + racy + " with '"
                    + RACY_MARKER + "'");
        }
        return new ProgramSource(className, fileName, expectation, racy);
    }

    public String simpleName() {
        return fileName.substring(0, fileName.length() - ".java".length());
    }

    /**
     * Whether a stack frame points into this source at a racy line: the frame's class is the program's class or
     * nested in it (including lambdas), its file is this file and its line is marked {@code // racy access}.
     */
    public boolean isRacyFrame(RaceText.Frame frame) {
        if (frame == null || frame.line() < 0 || !fileName.equals(frame.file())) {
            return false;
        }
        String cls = frame.className();
        boolean ownClass = cls.equals(className) || cls.startsWith(className + "$");
        return ownClass && racyLines.contains(frame.line());
    }

    /**
     * What a program expects from racecheck.
     *
     * @param race        whether a race is expected
     * @param description what the race report's access line names, e.g. {@code field demo.Counter.value}, or for a
     *                    container its class and both operations, {@code java.util.HashMap (HashMap.put vs
     *                    HashMap.get)}; null when no race is expected
     */
    public record Expectation(boolean race, String description, boolean deadlock) {
        public Expectation(boolean race, String description) {
            this(race, description, false);
        }

        private static final Pattern FIELD = Pattern.compile("(static field|field) ([\\w.$]+)");
        private static final Pattern CONTAINER =
                Pattern.compile("([\\w.$]+) \\(([\\w$]+\\.[\\w$<>]+) vs ([\\w$]+\\.[\\w$<>]+)\\)");
        private static final Pattern ELEMENT_TYPE_FIRST = Pattern.compile("array element ([\\w.$\\[\\]]+?)\\[(\\d+)]");
        private static final Pattern ELEMENT_INDEX_FIRST =
                Pattern.compile("(?:array )?element \\[(\\d+)] of ([\\w.$\\[\\]]+?)\\[]");

        /**
         * Parses what follows {@code Expected:}: {@code no race}, {@code race on <description>}, {@code no deadlock},
         * or {@code potential deadlock: <cycle>} (the locks each thread of the cycle holds, as the report's
         * {@code Cycle:} line names them without identity hashes: {@code monitor demo.Account => monitor
         * demo.Account}).
         */
        public static Expectation parse(String text) {
            String t = text.strip();
            if (t.equals("no race") || t.equals("no deadlock")) {
                return new Expectation(false, null);
            }
            if (t.startsWith("potential deadlock: ")) {
                return new Expectation(false, t.substring("potential deadlock: ".length()).strip(), true);
            }
            if (t.startsWith("race on ")) {
                String description = t.substring("race on ".length()).strip();
                if (!(FIELD.matcher(description).matches() || ELEMENT_TYPE_FIRST.matcher(description).matches()
                        || ELEMENT_INDEX_FIRST.matcher(description).matches()
                        || CONTAINER.matcher(description).matches())) {
                    throw new IllegalArgumentException("unknown race description '" + description + "': expected"
                            + " 'field <Class>.<name>', 'static field <Class>.<name>', 'array element <type>[<index>]'"
                            + " or '<container class> (<Class.operation> vs <Class.operation>)'");
                }
                return new Expectation(true, description);
            }
            throw new IllegalArgumentException("'Expected: " + text + "' is none of 'Expected: no race', 'Expected:"
                    + " race on <description>', 'Expected: no deadlock', 'Expected: potential deadlock: <cycle>'");
        }

        /**
         * Whether a report line names this expectation's variable. Fields match exactly (a {@code field X}
         * expectation does not match {@code static field X}, nor {@code field Xy}). Array elements match
         * tolerantly, as their wording may still change: the line must mention "element", the element type and the
         * index, as in {@code array element long[0]} or {@code element [0] of long[]}.
         */
        public boolean matches(String line) {
            if (!race) {
                return false;
            }
            Matcher container = CONTAINER.matcher(description);
            if (container.matches()) {
                Matcher op = Pattern.compile(" in ([\\w$]+\\.[\\w$<>]+):\\s*$").matcher(line);
                return Pattern.compile("\\bof " + Pattern.quote(container.group(1)) + "(?![\\w$.])").matcher(line).find()
                        && op.find() && operations().contains(op.group(1));
            }
            Matcher field = FIELD.matcher(description);
            if (field.matches()) {
                boolean isStatic = field.group(1).equals("static field");
                String name = field.group(2);
                Matcher m = Pattern.compile("(static )?field " + Pattern.quote(name) + "(?![\\w$])").matcher(line);
                while (m.find()) {
                    if ((m.group(1) != null) == isStatic) {
                        return true;
                    }
                }
                return false;
            }
            String type;
            String index;
            Matcher typeFirst = ELEMENT_TYPE_FIRST.matcher(description);
            if (typeFirst.matches()) {
                type = typeFirst.group(1);
                index = typeFirst.group(2);
            } else {
                Matcher indexFirst = ELEMENT_INDEX_FIRST.matcher(description);
                if (!indexFirst.matches()) {
                    return false;
                }
                index = indexFirst.group(1);
                type = indexFirst.group(2);
            }
            return line.contains("element")
                    && (line.contains(type + "[" + index + "]") || line.contains("[" + index + "] of " + type + "[]"));
        }

        /** For a container race, the two operations expected ({@code HashMap.put}, {@code HashMap.get}); else empty. */
        public List<String> operations() {
            Matcher container = race ? CONTAINER.matcher(description) : null;
            return container != null && container.matches() ? List.of(container.group(2), container.group(3)) : List.of();
        }

        /** For a potential deadlock, the locks of its cycle, in order; else empty. */
        public List<String> cycle() {
            return deadlock ? List.of(description.split(" => ")) : List.of();
        }

        @Override
        public String toString() {
            return race ? "race on " + description : deadlock ? "potential deadlock: " + description : "no race";
        }
    }
}
