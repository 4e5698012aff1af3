package dev.racecheck.reports.sarif;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.SourceFile;
import dev.racecheck.reports.SourceLookup;
import dev.racecheck.reports.ThreadInfo;
import dev.racecheck.reports.json.Json;
import dev.racecheck.reports.text.TextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link RaceReport} as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the format
 * GitHub code scanning and IDE SARIF viewers read.
 *
 * <p>One run, one rule ({@value #RULE_ID}) and one result per race:
 * <ul>
 *   <li>{@code message}: the race in one line, with an embedded link to the previous access;</li>
 *   <li>{@code locations}: the racy line of the access that revealed the race; {@code relatedLocations}: the
 *       previous access's racy line (id 1). For a race on a container ({@code HashMap.put} against
 *       {@code HashMap.get}) the racy line is the program's frame below the frame that names the operation;</li>
 *   <li>{@code codeFlows}: one code flow with one {@code threadFlow} per access, its {@code id} the thread
 *       ({@code T3}) and its message the thread's name; locations in execution order, as SARIF requires: outermost
 *       frame first, the racy line last, {@code nestingLevel} the call depth;</li>
 *   <li>{@code stacks}: the same two stacks innermost frame first (SARIF's order for stacks), then where each
 *       thread was started, when known;</li>
 *   <li>{@code partialFingerprints}: {@value #FINGERPRINT_KEY} is {@link Fingerprint#of(Race)}, which survives line
 *       shifts, so code scanning keeps tracking a race across commits;</li>
 *   <li>{@code occurrenceCount}: how often the race was seen in the run.</li>
 * </ul>
 *
 * <p>A frame's file is given as a URI relative to a source root ({@code demo/Counter.java} for class
 * {@code demo.Counter}), or, when the {@link SourceLookup} finds the file, as the path it was found at, so that a
 * report made in the repository root with the right source directories points into the repository. Formatting
 * only: the races are rendered as given. The output is UTF-8 JSON text ending with a newline.
 */
public final class SarifRenderer {

    /** The {@code $schema} written: the OASIS standard's schema for SARIF 2.1.0 (errata 01). */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** The one rule: a data race. Hierarchical ({@code tool/rule}) as SARIF recommends. */
    public static final String RULE_ID = "racecheck/data-race";

    /** The key of racecheck's fingerprint in {@code partialFingerprints}; the version is the fingerprint recipe's. */
    public static final String FINGERPRINT_KEY = "racecheck/v1";

    /** Where to read about racecheck ({@code tool.driver.informationUri}). */
    public static final String INFORMATION_URI = "https://racecheck.dev/";

    private SarifRenderer() {}

    /** Appends the SARIF log of {@code report}, with frame locations relative to a source root. */
    public static void render(RaceReport report, Appendable out) throws IOException {
        render(report, SourceLookup.NONE, out);
    }

    /** Appends the SARIF log of {@code report}; {@code sources} supplies file paths and code snippets. */
    public static void render(RaceReport report, SourceLookup sources, Appendable out) throws IOException {
        out.append(toSarif(report, sources));
    }

    /** The SARIF log of {@code report} as text, ending with a newline. */
    public static String toSarif(RaceReport report, SourceLookup sources) {
        List<Object> results = new ArrayList<>();
        for (Race race : report.races()) results.add(new ResultBuilder(race, sources).build());

        Map<String, Object> invocation = obj(
                // racecheck itself worked; whether the program passed is the exit code (66 when races were found).
                "executionSuccessful", true,
                "commandLine", report.command(),
                "exitCode", report.exitStatus());
        Map<String, Object> run = obj(
                "tool", obj("driver", obj(
                        "name", "racecheck",
                        "version", report.tool(),
                        "informationUri", INFORMATION_URI,
                        "rules", List.of(rule()))),
                "invocations", List.of(invocation),
                "results", results);
        Map<String, Object> log = obj(
                "$schema", SCHEMA_URI,
                "version", "2.1.0",
                "runs", List.of(run));
        StringBuilder sb = new StringBuilder(8192);
        Json.write(log, sb, 0);
        return sb.append('\n').toString();
    }

    private static Map<String, Object> rule() {
        String full = "Two threads accessed the same variable (a field, static field or array element, or the state of "
                + "an object of a JDK class that is not thread-safe, such as a HashMap, through its methods), at least "
                + "one of them writing, and no happens-before edge ordered the two accesses: no lock held by both, no "
                + "volatile write read by the other, no Thread.start or join, no java.util.concurrent hand-off "
                + "between them. The result of such a program depends on timing and on what the JIT and the CPU "
                + "reorder.";
        String help = full + " Fix: guard every access to the variable with the same lock, make it volatile or "
                + "atomic, or hand the data over through a java.util.concurrent class. The result's code flows show "
                + "both threads' stacks.";
        return obj(
                "id", RULE_ID,
                "name", "DataRace",
                "shortDescription", message("Data race: unsynchronized accesses to shared memory, one a write"),
                "fullDescription", message(full),
                "help", message(help),
                "helpUri", INFORMATION_URI,
                "defaultConfiguration", obj("level", "error"),
                // Read by GitHub code scanning: racecheck reports only races it saw happen, hence high precision.
                "properties", obj(
                        "tags", List.of("concurrency", "correctness", "data-race"),
                        "precision", "high",
                        "problem.severity", "error"));
    }

    /** Builds one result; holds the race and the source lookup so the helpers need not pass them around. */
    private static final class ResultBuilder {
        private final Race race;
        private final SourceLookup sources;

        ResultBuilder(Race race, SourceLookup sources) {
            this.race = race;
            this.sources = sources;
        }

        Map<String, Object> build() {
            Access cur = race.current();
            Access prev = race.previous();
            String variable = race.target().describe();
            String text = "Data race on " + variable + ": " + cur.kind().lower() + " by "
                    + TextRenderer.threadLabel(race, cur) + in(cur) + at(cur)
                    // [link text](1) is SARIF's embedded link to relatedLocations[id=1].
                    + " conflicts with a [previous " + prev.kind().lower() + "](1) by "
                    + TextRenderer.threadLabel(race, prev) + in(prev) + at(prev)
                    + "; no happens-before edge orders the two.";

            Map<String, Object> current = racyLocation(cur, cur.kind().title() + " of " + variable + " by "
                    + TextRenderer.threadLabel(race, cur) + in(cur));
            Map<String, Object> previous = racyLocation(prev, "Previous " + prev.kind().lower() + " of " + variable
                    + " by " + TextRenderer.threadLabel(race, prev) + in(prev));
            previous.put("id", 1);

            List<Object> threadFlows = new ArrayList<>();
            addThreadFlow(threadFlows, cur, cur.kind().title());
            addThreadFlow(threadFlows, prev, "Previous " + prev.kind().lower());

            List<Object> stacks = new ArrayList<>();
            stacks.add(stack(cur.stack(), cur.kind().title() + " by " + TextRenderer.threadLabel(race, cur),
                    cur.thread()));
            stacks.add(stack(prev.stack(), "Previous " + prev.kind().lower() + " by "
                    + TextRenderer.threadLabel(race, prev), prev.thread()));
            for (ThreadInfo t : race.threads()) {
                if (t.startedAt().isEmpty()) continue;
                stacks.add(stack(t.startedAt(), "Thread " + TextRenderer.quote(t.name()) + " (T" + t.id() + ", "
                        + (t.alive() ? "running" : "finished") + ") started at", null));
            }

            Map<String, Object> result = obj(
                    "ruleId", RULE_ID,
                    "ruleIndex", 0,
                    "level", "error",
                    "message", message(text),
                    "locations", List.of(current),
                    "relatedLocations", List.of(previous),
                    // A code flow needs at least one thread flow, and a thread flow at least one location.
                    "codeFlows", threadFlows.isEmpty() ? null : List.of(obj(
                            "message", message("The two accesses, each with its thread's call stack"),
                            "threadFlows", threadFlows)),
                    "stacks", stacks,
                    "partialFingerprints", obj(FINGERPRINT_KEY, Fingerprint.of(race)),
                    // SARIF's minimum is 1; a count of 0 would only come from a hand-written report.
                    "occurrenceCount", Math.max(1L, race.occurrences()),
                    "properties", obj(
                            "variable", variable,
                            "instance", race.target().instance()));
            return result;
        }

        private String at(Access a) {
            Frame f = race.racyFrame(a);
            return f == null ? "" : " at " + f;
        }

        /** {@code " in HashMap.put"} for an access to a container, else nothing. */
        private String in(Access a) {
            String operation = race.operation(a);
            return operation == null ? "" : " in " + operation;
        }

        /** The racy line of an access ({@link Race#racyFrame}), or a location with only a message if it has none. */
        private Map<String, Object> racyLocation(Access a, String text) {
            Frame f = race.racyFrame(a);
            Map<String, Object> location = f == null ? obj() : location(f);
            location.put("message", message(text));
            return location;
        }

        private void addThreadFlow(List<Object> threadFlows, Access a, String what) {
            List<Frame> stack = a.stack();
            if (stack.isEmpty()) return;
            List<Object> locations = new ArrayList<>(stack.size());
            int racyIndex = race.racyFrameIndex(a);
            // Execution order: the outermost frame (Thread.run, main) first, the racy line last (for a container,
            // the racy line and then the operation it called).
            for (int depth = 0; depth < stack.size(); depth++) {
                Frame f = stack.get(stack.size() - 1 - depth);
                boolean racy = stack.size() - 1 - depth == racyIndex;
                Map<String, Object> location = location(f);
                location.put("message", message(racy
                        ? what + " of " + race.target().describe() + in(a) + " at " + f
                        : f.toString()));
                locations.add(obj(
                        "location", location,
                        "nestingLevel", depth,
                        // JDK frames are context; the racy line is what the reader must see.
                        "importance", racy ? "essential" : f.module() != null ? "unimportant" : "important"));
            }
            ThreadInfo t = race.thread(a.thread());
            threadFlows.add(obj(
                    "id", "T" + a.thread(),
                    "message", message(what + " by " + TextRenderer.threadLabel(race, a)),
                    "locations", locations,
                    "properties", t == null ? obj("threadId", a.thread()) : obj(
                            "threadId", t.id(),
                            "threadName", t.name(),
                            "running", t.alive())));
        }

        private Map<String, Object> stack(List<Frame> frames, String text, Long threadId) {
            List<Object> list = new ArrayList<>(frames.size());
            for (Frame f : frames) {
                list.add(obj(
                        "location", location(f),
                        "module", f.module(),
                        "threadId", threadId));
            }
            return obj("message", message(text), "frames", list);
        }

        /** A frame's location: the file and line when known, and always the method as a logical location. */
        private Map<String, Object> location(Frame f) {
            Map<String, Object> location = obj();
            Optional<SourceFile> source = sources.find(f);
            String path = source.map(SourceFile::path).orElse(SourceLookup.relativePath(f));
            if (path != null) {
                Map<String, Object> region = null;
                if (f.line() >= 1) {
                    String line = source.map(s -> s.line(f.line())).orElse(null);
                    region = obj("startLine", f.line(), "snippet", line == null ? null : obj("text", line));
                }
                location.put("physicalLocation", obj(
                        "artifactLocation", obj("uri", uri(path)),
                        "region", region));
            }
            location.put("logicalLocations", List.of(obj(
                    "fullyQualifiedName", f.className() + "." + f.methodName(),
                    "kind", "function")));
            return location;
        }
    }

    /**
     * A file path as a URI reference: relative paths stay relative; absolute ones become {@code file:} URIs. Bytes
     * outside RFC 3986's unreserved set, sub-delimiters, {@code /} and {@code @} are percent-encoded as UTF-8,
     * colons too (in a relative reference a colon in the first segment would read as a scheme).
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        boolean windowsDrive = p.length() >= 3 && Character.isLetter(p.charAt(0)) && p.startsWith(":/", 1);
        StringBuilder sb = new StringBuilder(p.length() + 16);
        if (windowsDrive) {
            sb.append("file:///").append(p, 0, 2);
            p = p.substring(2);
        } else if (p.startsWith("/")) {
            sb.append("file://");
        }
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
            if (keep) sb.append(c);
            else sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        return sb.toString();
    }

    private static Map<String, Object> message(String text) {
        return obj("text", text);
    }

    /** An ordered JSON object from key/value pairs; pairs whose value is {@code null} are left out. */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
