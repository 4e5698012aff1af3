package dev.racecheck.reports.text;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.Prediction;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.TestFrames;
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
 * A predicted race (see {@link Race#predicted()}) says so in its header and shows, after the two accesses, where
 * the lock that ordered them in this run was released and acquired:
 *
 * <pre>
 * WARNING: DATA RACE (predicted: the accesses were ordered in this run only by unrelated critical sections on monitor demo.Bank@4554617c)
 * ...
 * Release of monitor demo.Bank@4554617c by thread "worker-1" (T2), after the previous read:
 *   at demo.Bank.audit(Bank.java:30)
 *
 * Acquisition of monitor demo.Bank@4554617c by thread "worker-2" (T3), before the write:
 *   at demo.Bank.audit(Bank.java:28)
 * </pre>
 *
 * and a race found while exploring schedules ends with the seed that replays it:
 * {@code Found with schedule seed 42 (replay it: racecheck run --seed 42 ...)}.
 *
 * <p>A deadlock ({@link Deadlock}) is a block of its own, in ThreadSanitizer's manner:
 *
 * <pre>
 * ==================
 * WARNING: POTENTIAL DEADLOCK (lock-order inversion)
 * Cycle: monitor bank.Account@1b6d3586 =&gt; monitor bank.Account@4554617c =&gt; monitor bank.Account@1b6d3586
 *
 * Monitor bank.Account@4554617c acquired while holding monitor bank.Account@1b6d3586 by thread "t1" (T2):
 *   at bank.Account.transfer(Account.java:14)
 *
 * Monitor bank.Account@1b6d3586 previously acquired by the same thread at:
 *   at bank.Account.transfer(Account.java:12)
 * (the same for each edge of the cycle, then where each thread was started)
 * ==================
 * </pre>
 *
 * An actual deadlock ({@code WARNING: DEADLOCK}) shows for each thread of the cycle where it waits, for which lock,
 * and where the thread holding that lock acquired it.
 *
 * <p>By default ({@link TestFrames#ELIDE}) each stack is cut below the program's own frames where a test framework
 * called it: {@code   ... 67 frames of the test framework}. {@link TestFrames#KEEP} prints every frame.
 *
 * Lines end with {@code \n} on every platform, like Go's output. Formatting only: which races to print is the
 * caller's business.
 */
public final class TextRenderer {

    /** The rule that opens and closes every block: 18 {@code =}, as in Go. */
    public static final String RULE = "==================";

    private TextRenderer() {}

    /**
     * Appends the block for {@code race}, ending with a newline, test framework frames elided.
     *
     * <p>The block is built first and appended in one call, so that a {@link java.io.PrintStream} such as
     * {@code System.err} does not interleave it with other threads' output.
     */
    public static void render(Race race, Appendable out) throws IOException {
        out.append(render(race));
    }

    /** The block for {@code race}, ending with a newline, test framework frames elided. */
    public static String render(Race race) {
        return render(race, TestFrames.ELIDE);
    }

    /** The block for {@code race}, ending with a newline; {@code frames} says whether test framework frames show. */
    public static String render(Race race, TestFrames frames) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append(RULE).append('\n');
        sb.append(header(race)).append('\n');
        access(sb, race, race.current(), race.current().kind().title(), true, frames);
        sb.append('\n');
        // The instance is shown once only: both accesses touched the same variable by definition.
        access(sb, race, race.previous(), "Previous " + race.previous().kind().lower(), false, frames);
        Prediction p = race.predicted();
        if (p != null) {
            sb.append('\n');
            sb.append("Release of ").append(p.lock().describe()).append(" by ").append(threadLabel(race, race.previous()))
                    .append(", after the previous ").append(race.previous().kind().lower()).append(":\n");
            frames(sb, p.releasedAt(), frames);
            sb.append('\n');
            sb.append("Acquisition of ").append(p.lock().describe()).append(" by ")
                    .append(threadLabel(race, race.current())).append(", before the ")
                    .append(race.current().kind().lower()).append(":\n");
            frames(sb, p.acquiredAt(), frames);
        }
        for (ThreadInfo t : race.threads()) {
            sb.append('\n');
            thread(sb, t, frames);
        }
        if (race.seed() != null) sb.append('\n').append(seedLine(race.seed())).append('\n');
        sb.append(RULE).append('\n');
        return sb.toString();
    }

    /**
     * The block's first line after the rule: {@code WARNING: DATA RACE}, or for a predicted race
     * {@code WARNING: DATA RACE (predicted: the accesses were ordered in this run only by unrelated critical sections
     * on monitor demo.Bank@4554617c)}.
     */
    public static String header(Race race) {
        if (race.predicted() == null) return "WARNING: DATA RACE";
        return "WARNING: DATA RACE (predicted: the accesses were ordered in this run only by unrelated critical sections"
                + " on " + race.predicted().lock().describe() + ")";
    }

    /** {@code Found with schedule seed 42 (replay it: racecheck run --seed 42 ...)}, without a newline. */
    public static String seedLine(long seed) {
        return "Found with schedule seed " + seed + " (replay it: racecheck run --seed " + seed + " ...)";
    }

    /** The block for {@code deadlock}, ending with a newline, test framework frames elided. */
    public static String render(Deadlock deadlock) {
        return render(deadlock, TestFrames.ELIDE);
    }

    /** The block for {@code deadlock}, ending with a newline; {@code frames} says whether test framework frames show. */
    public static String render(Deadlock deadlock, TestFrames frames) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append(RULE).append('\n');
        sb.append(header(deadlock)).append('\n');
        sb.append("Cycle: ").append(cycle(deadlock)).append('\n');
        for (Deadlock.Edge e : deadlock.edges()) {
            sb.append('\n');
            if (deadlock.kind() == Deadlock.Kind.POTENTIAL) potentialEdge(sb, deadlock, e, frames);
            else blockedEdge(sb, deadlock, e, frames);
        }
        for (ThreadInfo t : deadlock.threads()) {
            sb.append('\n');
            thread(sb, t, frames);
        }
        sb.append(RULE).append('\n');
        return sb.toString();
    }

    /** {@code WARNING: POTENTIAL DEADLOCK (lock-order inversion)} or {@code WARNING: DEADLOCK}. */
    public static String header(Deadlock deadlock) {
        return deadlock.kind() == Deadlock.Kind.POTENTIAL
                ? "WARNING: POTENTIAL DEADLOCK (lock-order inversion)" : "WARNING: DEADLOCK";
    }

    /** The cycle as one line: {@code monitor bank.Account@1b6d3586 => monitor bank.Account@4554617c => ...}. */
    public static String cycle(Deadlock deadlock) {
        StringBuilder sb = new StringBuilder();
        for (LockInfo lock : deadlock.cycle()) {
            if (sb.length() > 0) sb.append(" => ");
            sb.append(lock.describe());
        }
        return sb.toString();
    }

    private static void potentialEdge(StringBuilder sb, Deadlock d, Deadlock.Edge e, TestFrames frames) {
        sb.append(e.acquired().title()).append(" acquired while holding ").append(e.held().describe())
                .append(" by ").append(threadLabel(d, e.thread())).append(":\n");
        frames(sb, e.acquiredAt(), frames);
        sb.append('\n');
        sb.append(e.held().title());
        if (e.heldAt().isEmpty()) {
            sb.append(" was acquired earlier by the same thread; where is not known.\n");
        } else {
            sb.append(" previously acquired by the same thread at:\n");
            frames(sb, e.heldAt(), frames);
        }
    }

    private static void blockedEdge(StringBuilder sb, Deadlock d, Deadlock.Edge e, TestFrames frames) {
        sb.append("Blocked: ").append(threadLabel(d, e.thread())).append(" waits for ").append(e.acquired().describe())
                .append(" while holding ").append(e.held().describe()).append(":\n");
        frames(sb, e.acquiredAt(), frames);
        sb.append('\n');
        Deadlock.Edge holder = d.holderOf(e.acquired());
        // The lock the holder has: for a read-write lock, the other mode (a writer waits for the read lock's holder).
        sb.append(holder == null ? e.acquired().title() : holder.held().title());
        if (holder == null) {
            sb.append(" is held by a thread outside the cycle.\n");
        } else if (holder.heldAt().isEmpty()) {
            sb.append(" is held by ").append(threadLabel(d, holder.thread()))
                    .append("; where it acquired it is not known.\n");
        } else {
            sb.append(" is held by ").append(threadLabel(d, holder.thread())).append(", which acquired it at:\n");
            frames(sb, holder.heldAt(), frames);
        }
    }

    /**
     * Appends the whole report as the agent prints it over a run, test framework frames elided: every race's block,
     * every deadlock's, then the summary line ({@link #summary(int, int)}).
     */
    public static void render(RaceReport report, Appendable out) throws IOException {
        render(report, TestFrames.ELIDE, out);
    }

    /** Appends the whole report; {@code frames} says whether test framework frames show. */
    public static void render(RaceReport report, TestFrames frames, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder(1024 * (report.races().size() + report.deadlocks().size() + 1));
        for (Race race : report.races()) sb.append(render(race, frames));
        for (Deadlock deadlock : report.deadlocks()) sb.append(render(deadlock, frames));
        out.append(sb).append(summary(report.races().size(), report.deadlocks().size())).append('\n');
    }

    /**
     * The race in one line, for the places that have only one (a SARIF message, a JUnit failure message):
     * {@code Write of field demo.Counter.value by thread "worker-2" (T3) at demo.Counter.next(Counter.java:12)
     * conflicts with a previous read by thread "worker-1" (T2) at demo.Counter.next(Counter.java:11)}; a predicted
     * race adds {@code (predicted: ordered in this run only by critical sections on monitor demo.Bank@4554617c)}, a
     * race found with a seed {@code (schedule seed 42)}.
     */
    public static String oneLine(Race race) {
        String s = race.current().kind().title() + " of " + race.target().describe()
                + " by " + threadLabel(race, race.current()) + in(race, race.current()) + at(race, race.current())
                + " conflicts with a previous " + race.previous().kind().lower()
                + " by " + threadLabel(race, race.previous()) + in(race, race.previous()) + at(race, race.previous());
        if (race.predicted() != null) {
            s += " (predicted: ordered in this run only by critical sections on "
                    + race.predicted().lock().describe() + ")";
        }
        if (race.seed() != null) s += " (schedule seed " + race.seed() + ")";
        return s;
    }

    /**
     * The deadlock in one line: {@code Potential deadlock: monitor A => monitor B => monitor A; thread "t1" (T2)
     * acquired monitor B at X.f(X.java:14) while holding monitor A; thread "t2" (T3) acquired ...}; for an actual
     * deadlock {@code Deadlock: ...; thread "t1" (T2) waits for monitor B at ... while holding monitor A; ...}.
     */
    public static String oneLine(Deadlock deadlock) {
        boolean potential = deadlock.kind() == Deadlock.Kind.POTENTIAL;
        StringBuilder sb = new StringBuilder(potential ? "Potential deadlock: " : "Deadlock: ").append(cycle(deadlock));
        for (Deadlock.Edge e : deadlock.edges()) {
            sb.append("; ").append(threadLabel(deadlock, e.thread()))
                    .append(potential ? " acquired " : " waits for ").append(e.acquired().describe());
            if (e.acquiredFrame() != null) sb.append(" at ").append(e.acquiredFrame());
            sb.append(" while holding ").append(e.held().describe());
        }
        return sb.toString();
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
        return threadLabel(race.thread(a.thread()), a.thread());
    }

    /** A deadlock's thread as the block names it: {@code thread "t1" (T2)}, or {@code unknown thread (T2)}. */
    public static String threadLabel(Deadlock deadlock, long id) {
        return threadLabel(deadlock.thread(id), id);
    }

    private static String threadLabel(ThreadInfo t, long id) {
        // The agent always lists every thread; should one be missing, the id still identifies it.
        if (t == null) return "unknown thread (T" + id + ")";
        return "thread " + quote(t.name()) + " (T" + t.id() + ")";
    }

    /** Appends {@link #summary(int)} and a newline. */
    public static void summary(int races, Appendable out) throws IOException {
        out.append(summary(races)).append('\n');
    }

    /** The closing line, {@code racecheck: found N data race(s)}, without a newline. */
    public static String summary(int races) {
        return summary(races, 0);
    }

    /**
     * The closing line, without a newline: {@code racecheck: found N data race(s), M potential deadlock(s)} when
     * there are deadlocks (an actual deadlock counts among them), and exactly {@code racecheck: found N data race(s)}
     * otherwise, which scripts and tests match.
     */
    public static String summary(int races, int deadlocks) {
        String s = "racecheck: found " + races + " data race(s)";
        return deadlocks > 0 ? s + ", " + deadlocks + " potential deadlock(s)" : s;
    }

    private static void access(StringBuilder sb, Race race, Access a, String verb, boolean withInstance,
                               TestFrames frames) {
        sb.append(verb).append(" of ").append(race.target().describe());
        if (withInstance && race.target().instance() != null) {
            sb.append(" (").append(race.target().instance()).append(')');
        }
        sb.append(" by ").append(threadLabel(race, a)).append(in(race, a)).append(":\n");
        frames(sb, a.stack(), frames);
    }

    private static void thread(StringBuilder sb, ThreadInfo t, TestFrames frames) {
        sb.append("Thread ").append(quote(t.name()))
                .append(" (T").append(t.id()).append(", ").append(t.alive() ? "running" : "finished").append(')');
        if (!t.startedAt().isEmpty()) {
            sb.append(" started at:\n");
            frames(sb, t.startedAt(), frames);
        } else if (t.id() == 1) {
            sb.append(" is the main thread.\n");
        } else {
            sb.append(" was started before racecheck could see it.\n");
        }
    }

    private static void frames(StringBuilder sb, List<Frame> frames, TestFrames testFrames) {
        // Never Go's "[failed to restore the stack]": racecheck keeps whole stacks, so an empty one is a bug to see.
        if (frames.isEmpty()) sb.append("  [no frames]\n");
        int cut = testFrames.cut(frames);
        for (int i = 0; i < frames.size() - cut; i++) sb.append("  at ").append(frames.get(i)).append('\n');
        if (cut > 0) sb.append("  ").append(TestFrames.elidedLine(cut)).append('\n');
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
