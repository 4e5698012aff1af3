package dev.racecheck.reports.sarif;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.Prediction;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link RaceReport} as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the format
 * GitHub code scanning and IDE SARIF viewers read.
 *
 * <p>One run with three rules, {@value #RULE_ID}, {@value #POTENTIAL_DEADLOCK_RULE_ID} and
 * {@value #DEADLOCK_RULE_ID}, one result per race:
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
 *   <li>{@code occurrenceCount}: how often the race was seen in the run;</li>
 *   <li>a predicted race says so in its message and {@code properties.predicted}, and has the release and the
 *       acquisition of the lock that ordered the accesses as {@code relatedLocations} 2 and 3 and as stacks; a race
 *       found while exploring schedules has {@code properties.seed}.</li>
 * </ul>
 *
 * <p>and one result per deadlock: the message names the cycle and every thread's acquisition; {@code locations} is
 * the first edge's acquisition, {@code relatedLocations} every acquisition of the cycle (each lock acquired, or
 * waited for, and each lock held); one thread flow per edge; the stacks of every acquisition and thread start; the
 * fingerprint {@link Fingerprint#of(Deadlock)}.
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

    /** The rule of data races. Hierarchical ({@code tool/rule}) as SARIF recommends. */
    public static final String RULE_ID = "racecheck/data-race";

    /** The rule of potential deadlocks (lock-order inversions). */
    public static final String POTENTIAL_DEADLOCK_RULE_ID = "racecheck/potential-deadlock";

    /** The rule of actual deadlocks (threads blocked in a cycle). */
    public static final String DEADLOCK_RULE_ID = "racecheck/deadlock";

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
        for (Deadlock d : report.deadlocks()) results.add(new DeadlockResultBuilder(d, sources).build());

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
                        "rules", List.of(rule(), potentialDeadlockRule(), deadlockRule()))),
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

    /** Rule index 1. */
    private static Map<String, Object> potentialDeadlockRule() {
        String full = "Two or more threads took the same locks in different orders: one acquired lock B while holding "
                + "lock A, another acquired A while holding B (or a longer cycle). In this run they did not overlap, "
                + "but in another schedule each thread holds the lock the other waits for, and both block forever.";
        String help = full + " Fix: take the locks in one global order everywhere (for example ordered by an id), "
                + "take them together under one coarser lock, or use tryLock with a timeout and back off. The "
                + "result's code flows show where each thread acquired each lock.";
        return obj(
                "id", POTENTIAL_DEADLOCK_RULE_ID,
                "name", "PotentialDeadlock",
                "shortDescription", message("Potential deadlock: locks taken in inconsistent orders"),
                "fullDescription", message(full),
                "help", message(help),
                "helpUri", INFORMATION_URI,
                "defaultConfiguration", obj("level", "error"),
                "properties", obj(
                        "tags", List.of("concurrency", "correctness", "deadlock", "lock-order-inversion"),
                        "precision", "high",
                        "problem.severity", "error"));
    }

    /** Rule index 2. */
    private static Map<String, Object> deadlockRule() {
        String full = "Threads are blocked in a cycle: each waits for a lock that the next one holds, so none can "
                + "proceed.";
        String help = full + " Fix: take the locks in one global order everywhere, take them together under one "
                + "coarser lock, or use tryLock with a timeout and back off. The result's code flows show where each "
                + "thread waits; its related locations and stacks also where each lock was acquired.";
        return obj(
                "id", DEADLOCK_RULE_ID,
                "name", "Deadlock",
                "shortDescription", message("Deadlock: threads blocked in a cycle of locks"),
                "fullDescription", message(full),
                "help", message(help),
                "helpUri", INFORMATION_URI,
                "defaultConfiguration", obj("level", "error"),
                "properties", obj(
                        "tags", List.of("concurrency", "correctness", "deadlock"),
                        "precision", "very-high",
                        "problem.severity", "error"));
    }

    /** Locations, thread flows and stacks of frames: what race and deadlock results share. */
    private abstract static class Locations {
        final SourceLookup sources;

        Locations(SourceLookup sources) {
            this.sources = sources;
        }

        Map<String, Object> stack(List<Frame> frames, String text, Long threadId) {
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
        Map<String, Object> location(Frame f) {
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

        /** The location of {@code f} with a message, or a location with only the message if there is no frame. */
        Map<String, Object> location(Frame f, String text) {
            Map<String, Object> location = f == null ? obj() : location(f);
            location.put("message", message(text));
            return location;
        }

        /**
         * A thread flow over {@code stack} in execution order, as SARIF requires: the outermost frame (Thread.run,
         * main) first, the innermost last; the frame at {@code keyIndex} is essential and carries {@code keyText}.
         */
        Map<String, Object> threadFlow(List<Frame> stack, int keyIndex, String keyText, String id, String text,
                                       Map<String, Object> properties) {
            List<Object> locations = new ArrayList<>(stack.size());
            for (int depth = 0; depth < stack.size(); depth++) {
                int index = stack.size() - 1 - depth;
                Frame f = stack.get(index);
                boolean key = index == keyIndex;
                Map<String, Object> location = location(f);
                location.put("message", message(key ? keyText + " at " + f : f.toString()));
                locations.add(obj(
                        "location", location,
                        "nestingLevel", depth,
                        // JDK frames are context; the key line is what the reader must see.
                        "importance", key ? "essential" : f.module() != null ? "unimportant" : "important"));
            }
            return obj("id", id, "message", message(text), "locations", locations, "properties", properties);
        }

        /** The start stacks of the threads that have one. */
        void threadStarts(List<Object> stacks, List<ThreadInfo> threads) {
            for (ThreadInfo t : threads) {
                if (t.startedAt().isEmpty()) continue;
                stacks.add(stack(t.startedAt(), "Thread " + TextRenderer.quote(t.name()) + " (T" + t.id() + ", "
                        + (t.alive() ? "running" : "finished") + ") started at", null));
            }
        }

        static Map<String, Object> threadProperties(ThreadInfo t, long id) {
            return t == null ? obj("threadId", id) : obj(
                    "threadId", t.id(),
                    "threadName", t.name(),
                    "running", t.alive());
        }
    }

    /** Builds one race's result; holds the race and the source lookup so the helpers need not pass them around. */
    private static final class ResultBuilder extends Locations {
        private final Race race;

        ResultBuilder(Race race, SourceLookup sources) {
            super(sources);
            this.race = race;
        }

        Map<String, Object> build() {
            Access cur = race.current();
            Access prev = race.previous();
            String variable = race.target().describe();
            String text = "Data race on " + variable + ": " + cur.kind().lower() + " by "
                    + TextRenderer.threadLabel(race, cur) + in(cur) + at(cur)
                    // [link text](1) is SARIF's embedded link to relatedLocations[id=1].
                    + " conflicts with a [previous " + prev.kind().lower() + "](1) by "
                    + TextRenderer.threadLabel(race, prev) + in(prev) + at(prev);
            Prediction p = race.predicted();
            if (p == null) {
                text += "; no happens-before edge orders the two.";
            } else {
                text += ". Predicted: in this run only unrelated critical sections on " + p.lock().describe()
                        + " ordered the two ([released](2), then [acquired](3)); in another schedule they race.";
            }
            if (race.seed() != null) text += " Found with schedule seed " + race.seed() + ".";

            Map<String, Object> current = racyLocation(cur, cur.kind().title() + " of " + variable + " by "
                    + TextRenderer.threadLabel(race, cur) + in(cur));
            Map<String, Object> previous = racyLocation(prev, "Previous " + prev.kind().lower() + " of " + variable
                    + " by " + TextRenderer.threadLabel(race, prev) + in(prev));
            previous.put("id", 1);

            List<Object> related = new ArrayList<>(List.of(previous));

            List<Object> threadFlows = new ArrayList<>();
            addThreadFlow(threadFlows, cur, cur.kind().title());
            addThreadFlow(threadFlows, prev, "Previous " + prev.kind().lower());

            List<Object> stacks = new ArrayList<>();
            stacks.add(stack(cur.stack(), cur.kind().title() + " by " + TextRenderer.threadLabel(race, cur),
                    cur.thread()));
            stacks.add(stack(prev.stack(), "Previous " + prev.kind().lower() + " by "
                    + TextRenderer.threadLabel(race, prev), prev.thread()));
            Map<String, Object> predicted = null;
            if (p != null) {
                String released = "Release of " + p.lock().describe() + " by " + TextRenderer.threadLabel(race, prev)
                        + ", after the previous " + prev.kind().lower();
                String acquired = "Acquisition of " + p.lock().describe() + " by "
                        + TextRenderer.threadLabel(race, cur) + ", before the " + cur.kind().lower();
                Map<String, Object> release = location(first(p.releasedAt()), released);
                release.put("id", 2);
                Map<String, Object> acquire = location(first(p.acquiredAt()), acquired);
                acquire.put("id", 3);
                related.add(release);
                related.add(acquire);
                stacks.add(stack(p.releasedAt(), released, prev.thread()));
                stacks.add(stack(p.acquiredAt(), acquired, cur.thread()));
                predicted = obj("lock", p.lock().describe(), "lockKind", lower(p.lock().kind()),
                        "lockInstance", p.lock().instance());
            }
            threadStarts(stacks, race.threads());

            Map<String, Object> result = obj(
                    "ruleId", RULE_ID,
                    "ruleIndex", 0,
                    "level", "error",
                    "message", message(text),
                    "locations", List.of(current),
                    "relatedLocations", related,
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
                            "instance", race.target().instance(),
                            "predicted", predicted,
                            "seed", race.seed()));
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
            return location(race.racyFrame(a), text);
        }

        private void addThreadFlow(List<Object> threadFlows, Access a, String what) {
            if (a.stack().isEmpty()) return;
            // For a container, the racy line is below the operation it called, which is the innermost frame.
            threadFlows.add(threadFlow(a.stack(), race.racyFrameIndex(a),
                    what + " of " + race.target().describe() + in(a),
                    "T" + a.thread(), what + " by " + TextRenderer.threadLabel(race, a),
                    threadProperties(race.thread(a.thread()), a.thread())));
        }
    }

    /** Builds one deadlock's result. */
    private static final class DeadlockResultBuilder extends Locations {
        private final Deadlock deadlock;

        DeadlockResultBuilder(Deadlock deadlock, SourceLookup sources) {
            super(sources);
            this.deadlock = deadlock;
        }

        Map<String, Object> build() {
            boolean potential = deadlock.kind() == Deadlock.Kind.POTENTIAL;
            String acquires = potential ? " acquired " : " waits for ";
            List<Object> related = new ArrayList<>();
            List<Object> threadFlows = new ArrayList<>();
            List<Object> stacks = new ArrayList<>();
            StringBuilder text = new StringBuilder(potential
                    ? "Potential deadlock (lock-order inversion): " : "Deadlock: threads blocked in the cycle ")
                    .append(TextRenderer.cycle(deadlock)).append('.');
            Map<String, Object> primary = null;
            int id = 1;
            for (Deadlock.Edge e : deadlock.edges()) {
                String thread = TextRenderer.threadLabel(deadlock, e.thread());
                String acquiredText = potential
                        ? e.acquired().title() + " acquired by " + thread + " while holding " + e.held().describe()
                        : capitalized(thread) + " waits for " + e.acquired().describe() + " while holding "
                                + e.held().describe();
                String heldText = e.held().title() + " acquired by " + thread;
                // Embedded links ([text](id)) to the related locations of this edge's two acquisitions.
                text.append(' ').append(capitalized(thread)).append(acquires).append('[').append(e.acquired().describe()).append("](").append(id)
                        .append(") while holding [").append(e.held().describe()).append("](").append(id + 1)
                        .append(").");
                Frame acquiredFrame = e.acquiredFrame();
                if (primary == null) primary = location(acquiredFrame, acquiredText);
                Map<String, Object> acquiredLocation = location(acquiredFrame, acquiredText);
                acquiredLocation.put("id", id++);
                Map<String, Object> heldLocation = location(e.heldFrame(), heldText);
                heldLocation.put("id", id++);
                related.add(acquiredLocation);
                related.add(heldLocation);
                if (!e.acquiredAt().isEmpty()) {
                    threadFlows.add(threadFlow(e.acquiredAt(), e.acquiredAt().indexOf(acquiredFrame), acquiredText,
                            "T" + e.thread(), acquiredText, threadProperties(deadlock.thread(e.thread()), e.thread())));
                }
                stacks.add(stack(e.acquiredAt(), acquiredText, e.thread()));
                stacks.add(stack(e.heldAt(), heldText, e.thread()));
            }
            threadStarts(stacks, deadlock.threads());
            List<Object> cycle = new ArrayList<>();
            for (LockInfo lock : deadlock.cycle()) cycle.add(lock.describe());
            return obj(
                    "ruleId", potential ? POTENTIAL_DEADLOCK_RULE_ID : DEADLOCK_RULE_ID,
                    "ruleIndex", potential ? 1 : 2,
                    "level", "error",
                    "message", message(text.toString()),
                    "locations", primary == null ? null : List.of(primary),
                    "relatedLocations", related.isEmpty() ? null : related,
                    "codeFlows", threadFlows.isEmpty() ? null : List.of(obj(
                            "message", message(potential
                                    ? "Each thread's acquisition of a lock while holding another"
                                    : "Where each thread of the cycle waits"),
                            "threadFlows", threadFlows)),
                    "stacks", stacks,
                    "partialFingerprints", obj(FINGERPRINT_KEY, Fingerprint.of(deadlock)),
                    "occurrenceCount", Math.max(1L, deadlock.occurrences()),
                    "properties", obj("kind", lower(deadlock.kind()), "cycle", cycle));
        }

        private static String capitalized(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    private static Frame first(List<Frame> stack) {
        return stack.isEmpty() ? null : stack.get(0);
    }

    /** An enum constant as the JSON report writes it, in lower case. */
    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
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
