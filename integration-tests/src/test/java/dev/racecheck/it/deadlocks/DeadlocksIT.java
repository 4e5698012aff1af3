package dev.racecheck.it.deadlocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;
import dev.racecheck.it.RaceAssertions;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.json.JsonReportReader;

/**
 * Lock-order and deadlock detection, on the programs of this package, each in a JVM of its own with the built agent,
 * on every JDK of {@link Jdks#all()} (a program whose Javadoc says {@code Requires: JDK <n>} is skipped on older ones):
 * <ul>
 *   <li>{@code Deadlock*}: a lock-order inversion that this run does not deadlock on. It must end by itself with
 *       status 66 and exactly one {@code WARNING: POTENTIAL DEADLOCK} whose cycle is the {@code Expected:} one
 *       (identity hashes aside, wherever it starts), with, for every edge, both stacks pointing at lines marked
 *       {@code // lock order}, and where each thread was started;</li>
 *   <li>{@code NoDeadlock*}: nothing from racecheck, status 0;</li>
 *   <li>{@code Hang*}: a real deadlock. racecheck must report it ({@code WARNING: DEADLOCK}, every blocked thread's
 *       stack and where the holder took the lock, on marked lines) and end the JVM with status 66 within five seconds
 *       of the moment the threads blocked (the program prints that moment).</li>
 * </ul>
 * Then the options: {@code detect_deadlocks=0}, {@code deadlock_exit=0}, {@code halt_on_error}, {@code report_json},
 * {@code deadlock:} suppressions and baselines.
 */
class DeadlocksIT {
    private static final String PACKAGE_DIR = "dev/racecheck/it/deadlocks";
    private static final String MARKER = "// lock order";
    private static final Pattern EXPECTED =
            Pattern.compile("(?m)^\\s*\\*\\s*Expected:\\s*(no deadlock|potential deadlock: (.+)|deadlock: (.+))\\s*$");
    private static final Pattern REQUIRES = Pattern.compile("(?m)^\\s*\\*\\s*Requires:\\s*JDK\\s*(\\d+)\\s*$");
    private static final Pattern BLOCKED_AT = Pattern.compile("(?m)^blocked (\\d+)$");
    /** How soon after the threads block racecheck must have ended the JVM. */
    static final Duration DEADLINE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    enum Kind { POTENTIAL, NONE, ACTUAL }

    /** One program: what it expects, and the lines of its source marked {@code // lock order}. */
    record Program(String name, Kind kind, List<String> cycle, Set<Integer> marked, int requiresJdk) {
        String className() {
            return "dev.racecheck.it.deadlocks." + name;
        }

        String fileName() {
            return name + ".java";
        }
    }

    private static List<Program> programs;

    static synchronized List<Program> programs() {
        if (programs != null) return programs;
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        List<Program> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(base.resolve("src/test/java").resolve(PACKAGE_DIR))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (!name.startsWith("Deadlock") && !name.startsWith("NoDeadlock") && !name.startsWith("Hang")
                        || name.equals("Deadlocks") || name.equals("DeadlockText") || name.endsWith("IT")) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher e = EXPECTED.matcher(text);
                if (!e.find()) throw new IllegalStateException(name + " has no 'Expected:' line");
                Kind kind = e.group(2) != null ? Kind.POTENTIAL : e.group(3) != null ? Kind.ACTUAL : Kind.NONE;
                String cycle = e.group(2) != null ? e.group(2) : e.group(3);
                Set<Integer> marked = new TreeSet<>();
                String[] lines = text.split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].stripTrailing().endsWith(MARKER)) marked.add(i + 1);
                }
                Matcher r = REQUIRES.matcher(text);
                list.add(new Program(name, kind, cycle == null ? List.of() : List.of(cycle.split(" => ")), marked,
                        r.find() ? Integer.parseInt(r.group(1)) : 17));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        programs = List.copyOf(list);
        return programs;
    }

    @Test
    void everyProgramSaysWhatItExpects() {
        List<String> problems = new ArrayList<>();
        for (Program p : programs()) {
            Kind byName = p.name().startsWith("NoDeadlock") ? Kind.NONE
                    : p.name().startsWith("Hang") ? Kind.ACTUAL : Kind.POTENTIAL;
            if (p.kind() != byName) problems.add(p.name() + " expects " + p.kind() + " but is named for " + byName);
            if (p.kind() != Kind.NONE && p.marked().isEmpty()) problems.add(p.name() + " marks no '" + MARKER + "' line");
            if (p.kind() == Kind.NONE && !p.marked().isEmpty()) problems.add(p.name() + " expects nothing but marks lines");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(programs().stream().map(Program::kind).distinct().count() == 3, "all three kinds of programs");
    }

    private static final ExecutorService LAUNCHER = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "deadlocks-launcher");
                t.setDaemon(true);
                return t;
            });

    /** A finished run and the wall-clock time at which it was seen to end. */
    record Ended(JvmRun.Result run, long endedMillis) {
    }

    @TestFactory
    Stream<DynamicNode> programsUnderTheAgent() {
        List<DynamicNode> containers = new ArrayList<>();
        for (Jdks.Slot slot : Jdks.all()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Program p : programs()) {
                String name = p.name() + " [" + slot.label() + "]";
                if (!slot.present()) {
                    tests.add(dynamicTest(name, () -> slot.require()));
                    continue;
                }
                Jdks.Jdk jdk = slot.jdk();
                if (jdk.feature() < p.requiresJdk()) {
                    tests.add(dynamicTest(name, () -> Assumptions.abort(p.name() + " needs JDK " + p.requiresJdk())));
                    continue;
                }
                Future<Ended> run = LAUNCHER.submit(() -> launch(p, jdk, "", Duration.ofSeconds(60)));
                tests.add(dynamicTest(name, () -> check(p, await(run))));
            }
            containers.add(dynamicContainer(slot.label(), tests));
        }
        return containers.stream();
    }

    private static Ended launch(Program p, Jdks.Jdk jdk, String options, Duration timeout) {
        JvmRun.Result r = JvmRun.on(jdk).agent(Env.agentJar(), options).classpath(Env.testClasses())
                .mainClass(p.className()).timeout(timeout).run();
        return new Ended(r, System.currentTimeMillis());
    }

    private static Ended await(Future<Ended> run) throws Throwable {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    static void check(Program p, Ended ended) {
        JvmRun.Result run = ended.run();
        assertFalse(run.stderr().contains("racecheck: warning: cannot model"),
                () -> p.name() + ": the agent could not apply its JDK model" + run.describe());
        switch (p.kind()) {
            case NONE -> RaceAssertions.assertNoRaceDetected(run, p.name());
            case POTENTIAL -> checkPotential(p, run);
            case ACTUAL -> checkActual(p, ended);
        }
    }

    private static void checkPotential(Program p, JvmRun.Result run) {
        RaceAssertions.assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run);
        assertFalse(run.stderr().contains("DATA RACE"), () -> p.name() + ": a data race was reported" + run.describe());
        List<DeadlockText.Report> reports = DeadlockText.parse(run.stderr());
        assertEquals(1, reports.size(), () -> p.name() + ": exactly one deadlock report expected" + run.describe());
        DeadlockText.Report d = reports.get(0);
        assertEquals(DeadlockText.POTENTIAL, d.header(), () -> p.name() + run.describe());
        checkCycle(p, d, run);
        List<String> problems = new ArrayList<>();
        List<DeadlockText.Paragraph> acquired = d.containing(" acquired while holding ");
        List<DeadlockText.Paragraph> held = d.containing(" previously acquired by the same thread at:");
        if (acquired.size() != p.cycle().size()) problems.add(acquired.size() + " acquisitions for a cycle of " + p.cycle().size());
        if (held.size() != p.cycle().size()) problems.add(held.size() + " 'previously acquired' stacks for a cycle of " + p.cycle().size());
        for (DeadlockText.Paragraph a : acquired) marked(p, a, problems);
        for (DeadlockText.Paragraph h : held) marked(p, h, problems);
        threads(d, problems);
        assertTrue(problems.isEmpty(), () -> p.name() + ":\n  - " + String.join("\n  - ", problems) + run.describe());
        String last = lastLine(run.stderr());
        assertEquals("racecheck: found 0 data race(s), 1 potential deadlock(s)", last, () -> p.name() + run.describe());
    }

    private static void checkActual(Program p, Ended ended) {
        JvmRun.Result run = ended.run();
        RaceAssertions.assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run);
        List<DeadlockText.Report> reports = DeadlockText.parse(run.stderr());
        List<DeadlockText.Report> actual = reports.stream().filter(r -> r.header().equals(DeadlockText.ACTUAL)).toList();
        assertEquals(1, actual.size(), () -> p.name() + ": one WARNING: DEADLOCK expected" + run.describe());
        DeadlockText.Report d = actual.get(0);
        checkCycle(p, d, run);
        List<String> problems = new ArrayList<>();
        List<DeadlockText.Paragraph> blocked = d.starting("Blocked: thread ");
        List<DeadlockText.Paragraph> holders = d.containing(", which acquired it at:");
        if (blocked.size() != p.cycle().size()) problems.add(blocked.size() + " blocked threads for a cycle of " + p.cycle().size());
        if (holders.size() != p.cycle().size()) problems.add(holders.size() + " holders' stacks for a cycle of " + p.cycle().size());
        for (DeadlockText.Paragraph b : blocked) marked(p, b, problems);
        for (DeadlockText.Paragraph h : holders) marked(p, h, problems);
        threads(d, problems);
        assertTrue(problems.isEmpty(), () -> p.name() + ":\n  - " + String.join("\n  - ", problems) + run.describe());
        Matcher m = BLOCKED_AT.matcher(run.stdout());
        assertTrue(m.find(), () -> p.name() + " did not say when its threads blocked" + run.describe());
        long late = ended.endedMillis() - Long.parseLong(m.group(1));
        assertTrue(late < DEADLINE.toMillis(), () -> p.name() + ": the JVM ended " + late + " ms after the threads"
                + " blocked; at most " + DEADLINE.toMillis() + " ms expected" + run.describe());
    }

    /** The cycle's held locks, without identity hashes, are the expected ones, wherever the report starts. */
    private static void checkCycle(Program p, DeadlockText.Report d, JvmRun.Result run) {
        List<String> held = d.cycle().subList(0, Math.max(0, d.cycle().size() - 1));
        boolean same = false;
        for (int shift = 0; shift < held.size() && !same; shift++) {
            List<String> rotated = new ArrayList<>(held);
            Collections.rotate(rotated, shift);
            same = rotated.equals(p.cycle());
        }
        assertTrue(same, () -> p.name() + ": cycle " + d.cycle() + ", expected " + p.cycle() + run.describe());
    }

    /** The paragraph's first frame in the program's own file is a line marked {@code // lock order}. */
    private static void marked(Program p, DeadlockText.Paragraph paragraph, List<String> problems) {
        DeadlockText.Frame own = null;
        for (DeadlockText.Frame f : paragraph.frames()) {
            if (p.fileName().equals(f.file()) && f.line() > 0) {
                own = f;
                break;
            }
        }
        if (own == null) {
            problems.add("'" + paragraph.header() + "' has no frame in " + p.fileName());
        } else if (!p.marked().contains(own.line())) {
            problems.add("'" + paragraph.header() + "': " + own + " is not a '" + MARKER + "' line " + p.marked());
        }
    }

    /** Every thread named in the report is described: where it was started, or that it is main. */
    private static void threads(DeadlockText.Report d, List<String> problems) {
        Pattern named = Pattern.compile("thread \"([^\"]*)\" \\(T(\\d+)\\)");
        Set<String> mentioned = new TreeSet<>();
        for (DeadlockText.Paragraph par : d.paragraphs()) {
            Matcher m = named.matcher(par.header());
            while (m.find()) mentioned.add("T" + m.group(2));
        }
        for (String t : mentioned) {
            boolean described = d.paragraphs().stream().anyMatch(par -> par.header().startsWith("Thread \"")
                    && par.header().contains("(" + t + ",") && (par.header().endsWith("is the main thread.")
                            || par.header().endsWith("started at:") && !par.frames().isEmpty()));
            if (!described) problems.add("thread " + t + " is not described (started at / main thread)");
        }
        if (mentioned.isEmpty()) problems.add("no thread named");
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static Program program(String name) {
        return programs().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Jdks.Jdk jdk17() {
        return Jdks.all().get(0).require();
    }

    // ---- options ----------------------------------------------------------------------------------------------

    @Test
    void detectDeadlocksOffReportsNothingAndLeavesAHangHanging() {
        Ended potential = launch(program("DeadlockMonitorsABBA"), jdk17(), "detect_deadlocks=0", Duration.ofSeconds(60));
        RaceAssertions.assertNoRaceDetected(potential.run(), "DeadlockMonitorsABBA with detect_deadlocks=0");
        Ended hang = launch(program("HangMonitors"), jdk17(), "detect_deadlocks=0", Duration.ofSeconds(10));
        assertTrue(hang.run().timedOut(), () -> "HangMonitors should hang with detect_deadlocks=0" + hang.run().describe());
        assertFalse(hang.run().stderr().contains("DEADLOCK"), hang.run()::describe);
    }

    @Test
    void deadlockExitOffReportsAndKeepsWaiting() {
        Ended hang = launch(program("HangMonitors"), jdk17(), "deadlock_exit=0", Duration.ofSeconds(10));
        assertTrue(hang.run().timedOut(), () -> "deadlock_exit=0 keeps the JVM waiting" + hang.run().describe());
        assertEquals(1, DeadlockText.parse(hang.run().stderr()).size(), hang.run()::describe);
        assertTrue(hang.run().stderr().contains(DeadlockText.ACTUAL), hang.run()::describe);
    }

    @Test
    void haltOnErrorStopsAtThePotentialDeadlock() {
        Ended run = launch(program("DeadlockMonitorsABBA"), jdk17(), "halt_on_error=1", Duration.ofSeconds(60));
        RaceAssertions.assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run.run());
        assertTrue(run.run().stderr().contains(DeadlockText.POTENTIAL), run.run()::describe);
        assertFalse(run.run().stdout().contains("work="), () -> "the program should not have finished" + run.run().describe());
    }

    @Test
    void theJsonReportHasTheDeadlocksAndTheStatus() throws Exception {
        Path potentialJson = dir.resolve("potential.json");
        Ended potential = launch(program("DeadlockReadWriteWriteRead"), jdk17(), "report_json=" + potentialJson,
                Duration.ofSeconds(60));
        RaceAssertions.assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, potential.run());
        RaceReport report = JsonReportReader.read(potentialJson);
        assertEquals(1, report.deadlocks().size(), report::toString);
        Deadlock d = report.deadlocks().get(0);
        assertEquals(Deadlock.Kind.POTENTIAL, d.kind());
        assertEquals(2, d.edges().size());
        assertTrue(d.edges().stream().allMatch(e -> !e.acquiredAt().isEmpty() && !e.heldAt().isEmpty()), d::toString);
        assertEquals(66, report.exitStatus());

        Path actualJson = dir.resolve("actual.json");
        Ended actual = launch(program("HangReentrantLocks"), jdk17(), "report_json=" + actualJson, Duration.ofSeconds(60));
        RaceAssertions.assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, actual.run());
        RaceReport hang = JsonReportReader.read(actualJson);
        assertTrue(hang.deadlocks().stream().anyMatch(x -> x.kind() == Deadlock.Kind.ACTUAL), hang::toString);
        assertEquals(66, hang.exitStatus());
    }

    @Test
    void suppressedDeadlocksAreNotReportedAndKnownOnesDoNotFail() throws Exception {
        Path supp = dir.resolve("racecheck.supp");
        Files.writeString(supp, "deadlock:dev.racecheck.it.deadlocks.DeadlockThreeLocks.both\n");
        Ended suppressed = launch(program("DeadlockThreeLocks"), jdk17(), "suppressions=" + supp, Duration.ofSeconds(60));
        RaceAssertions.assertNoRaceDetected(suppressed.run(), "DeadlockThreeLocks, suppressed");

        Path json = dir.resolve("first.json");
        launch(program("DeadlockThreeLocks"), jdk17(), "report_json=" + json, Duration.ofSeconds(60));
        Ended known = launch(program("DeadlockThreeLocks"), jdk17(), "baseline=" + json, Duration.ofSeconds(60));
        RaceAssertions.assertExitStatus(0, known.run());
        assertTrue(known.run().stderr().contains(DeadlockText.POTENTIAL), known.run()::describe);
        assertTrue(known.run().stderr().contains("(known deadlock: in the baseline)"), known.run()::describe);
    }

    @Test
    void aProgramWithoutADeadlockKeepsItsOutput() {
        // The watchdog thread and the lock hooks are in every run: a program without deadlock keeps its output.
        Ended run = launch(program("NoDeadlockHandOff"), jdk17(), "", Duration.ofSeconds(60));
        RaceAssertions.assertNoRaceDetected(run.run(), "NoDeadlockHandOff");
        JvmRun.Result plain = JvmRun.on(jdk17()).classpath(Env.testClasses()).mainClass(program("NoDeadlockHandOff").className()).run();
        assertEquals(plain.stdout(), run.run().stdout());
        if (!plain.stdout().contains("work=")) fail("the program did not run" + plain.describe());
    }
}
