package dev.racecheck.reports.text;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.ThreadInfo;
import java.io.IOException;
import java.util.List;

/**
 * Renders a {@link Race} as the Go-style block racecheck prints to stderr the moment it finds the race:
 *
 * <pre>
 * ==================
 * WARNING: DATA RACE
 * Write of field demo.Counter.value (demo.Counter@1b6d3586) by thread "worker-2" (T3):
 *   at demo.Counter.next(Counter.java:12)
 *
 * Previous read of field demo.Counter.value by thread "worker-1" (T2):
 *   at demo.Counter.next(Counter.java:11)
 *
 * Thread "worker-2" (T3, running) started at:
 *   at demo.RaceCounter.main(RaceCounter.java:24)
 *
 * Thread "worker-1" (T2, finished) started at:
 *   at demo.RaceCounter.main(RaceCounter.java:24)
 * ==================
 * </pre>
 *
 * A race on a container (a {@code HashMap}, an {@code ArrayList}...) names the object's class and, after the thread,
 * the operation of each access; each stack starts with a frame that names the operation, then the program's frames:
 *
 * <pre>
 * Write of java.util.HashMap (java.util.HashMap@5e2de80c) by thread "writer" (T2) in HashMap.put:
 *   at java.util.HashMap.put(HashMap.java)
 *   at demo.Registry.add(Registry.java:14)
 *
 * Previous read of java.util.HashMap by thread "main" (T1) in HashMap.get:
 *   at java.util.HashMap.get(HashMap.java)
 *   at demo.Registry.find(Registry.java:18)
 * </pre>
 *
 * Lines end with {@code \n} on every platform, like Go's output. Formatting only: which races to print is the
 * caller's business.
 */
public final class TextRenderer {

    /** The rule that opens and closes every block: 18 {@code =}, as in Go. */
    public static final String RULE = "==================";

    private TextRenderer() {}

    /**
     * Appends the block for {@code race}, ending with a newline.
     *
     * <p>The block is built first and appended in one call, so that a {@link java.io.PrintStream} such as
     * {@code System.err} does not interleave it with other threads' output.
     */
    public static void render(Race race, Appendable out) throws IOException {
        out.append(render(race));
    }

    /** The block for {@code race}, ending with a newline. */
    public static String render(Race race) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append(RULE).append('\n');
        sb.append("WARNING: DATA RACE\n");
        access(sb, race, race.current(), race.current().kind().title(), true);
        sb.append('\n');
        // The instance is shown once only: both accesses touched the same variable by definition.
        access(sb, race, race.previous(), "Previous " + race.previous().kind().lower(), false);
        for (ThreadInfo t : race.threads()) {
            sb.append('\n');
            thread(sb, t);
        }
        sb.append(RULE).append('\n');
        return sb.toString();
    }

    /**
     * Appends the whole report as the agent prints it over a run: every race's block, then the summary line
     * {@code racecheck: found N data race(s)}.
     */
    public static void render(RaceReport report, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder(1024 * (report.races().size() + 1));
        for (Race race : report.races()) sb.append(render(race));
        out.append(sb).append(summary(report.races().size())).append('\n');
    }

    /**
     * The race in one line, for the places that have only one (a SARIF message, a JUnit failure message):
     * {@code Write of field demo.Counter.value by thread "worker-2" (T3) at demo.Counter.next(Counter.java:12)
     * conflicts with a previous read by thread "worker-1" (T2) at demo.Counter.next(Counter.java:11)}.
     */
    public static String oneLine(Race race) {
        return race.current().kind().title() + " of " + race.target().describe()
                + " by " + threadLabel(race, race.current()) + in(race, race.current()) + at(race, race.current())
                + " conflicts with a previous " + race.previous().kind().lower()
                + " by " + threadLabel(race, race.previous()) + in(race, race.previous()) + at(race, race.previous());
    }

    private static String at(Race race, Access a) {
        Frame f = race.racyFrame(a);
        return f == null ? "" : " at " + f;
    }

    /** {@code " in HashMap.put"} for an access to a container, else nothing. */
    private static String in(Race race, Access a) {
        String operation = race.operation(a);
        return operation == null ? "" : " in " + operation;
    }

    /**
     * The thread of an access as the block names it: {@code thread "worker-2" (T3)}, or {@code unknown thread (T3)}
     * when the race does not list it.
     */
    public static String threadLabel(Race race, Access a) {
        ThreadInfo t = race.thread(a.thread());
        // The agent always lists both threads; should one be missing, the id still identifies it.
        if (t == null) return "unknown thread (T" + a.thread() + ")";
        return "thread " + quote(t.name()) + " (T" + t.id() + ")";
    }

    /** Appends {@link #summary(int)} and a newline. */
    public static void summary(int races, Appendable out) throws IOException {
        out.append(summary(races)).append('\n');
    }

    /** The closing line, {@code racecheck: found N data race(s)}, without a newline. */
    public static String summary(int races) {
        return "racecheck: found " + races + " data race(s)";
    }

    private static void access(StringBuilder sb, Race race, Access a, String verb, boolean withInstance) {
        sb.append(verb).append(" of ").append(race.target().describe());
        if (withInstance && race.target().instance() != null) {
            sb.append(" (").append(race.target().instance()).append(')');
        }
        sb.append(" by ").append(threadLabel(race, a)).append(in(race, a)).append(":\n");
        frames(sb, a.stack());
    }

    private static void thread(StringBuilder sb, ThreadInfo t) {
        sb.append("Thread ").append(quote(t.name()))
                .append(" (T").append(t.id()).append(", ").append(t.alive() ? "running" : "finished").append(')');
        if (!t.startedAt().isEmpty()) {
            sb.append(" started at:\n");
            frames(sb, t.startedAt());
        } else if (t.id() == 1) {
            sb.append(" is the main thread.\n");
        } else {
            sb.append(" was started before racecheck could see it.\n");
        }
    }

    private static void frames(StringBuilder sb, List<Frame> frames) {
        // Never Go's "[failed to restore the stack]": racecheck keeps whole stacks, so an empty one is a bug to see.
        if (frames.isEmpty()) sb.append("  [no frames]\n");
        for (Frame f : frames) sb.append("  at ").append(f).append('\n');
    }

    /**
     * A thread name in double quotes. Quotes, backslashes and control characters are escaped so that an odd name
     * can neither break the block's layout nor be mistaken for the end of the name.
     */
    public static String quote(String name) {
        StringBuilder sb = new StringBuilder(name == null ? 2 : name.length() + 2).append('"');
        if (name != null) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
