package dev.racecheck.it.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;
import dev.racecheck.it.ProgramSource;
import dev.racecheck.it.RaceAssertions;
import dev.racecheck.it.RaceText;

/**
 * Predictive mode ({@code predict=1}) on the programs of this package (after the probe corpus of issue #15), each in a
 * JVM of its own with the real agent, on every JDK of {@link Jdks#all()}.
 *
 * <p>{@code Predict*}: a race happens-before misses because, in this run, critical sections that have nothing to do
 * with the variable ordered the two accesses (the second thread waits for the first by polling
 * {@code Thread.getState()}, which gives no edge). With {@code predict=1} it is reported as predicted, on its two
 * {@code // racy access} lines, exit status 66; without it, nothing ({@code PredictAlsoHB}, the control, is a race
 * happens-before sees: reported in both modes, not as predicted).
 *
 * <p>{@code NoPredict*}: data-race free in every execution, with critical sections, reads of values written in
 * them, and the platform's synchronizers arranged so that a relation weaker than happens-before could be fooled:
 * with {@code predict=1} nothing is reported, exit status 0 (the no-false-alarm requirement).
 *
 * <p>{@link #MISSED} lists the races predictive mode does not find yet; they are run, and must not be reported as
 * anything else than the race (a miss is an aborted test, a report of other lines a failure).
 */
class PredictIT {
    private static final String PACKAGE_DIR = "dev/racecheck/it/predict";
    private static final String PREDICTED_HEADER =
            "WARNING: DATA RACE (predicted: the accesses were ordered in this run only by unrelated critical sections on ";

    /** Predictable races predictive mode misses, and why. */
    private static final Map<String, String> MISSED = Map.of(
            "PredictWriteWriteCS", "the sections conflict write-write on y (nobody reads y): the relation orders"
                    + " conflicting sections, and the witness check keeps the sections of a lock in their order");

    record Program(String name, ProgramSource source) {
        boolean predicted() {
            return name.startsWith("Predict") && !name.equals("PredictAlsoHB");
        }
    }

    private static List<Program> programs;

    static synchronized List<Program> programs() {
        if (programs != null) return programs;
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = base.resolve("src/test/java").resolve(PACKAGE_DIR);
        List<Program> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".java") || !(name.startsWith("Predict") || name.startsWith("NoPredict"))) {
                    continue;
                }
                if (name.equals("PredictIT.java")) continue;
                String text = Files.readString(file, StandardCharsets.UTF_8);
                list.add(new Program(name.substring(0, name.length() - 5), ProgramSource.parse(text, name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        programs = List.copyOf(list);
        return programs;
    }

    @Test
    void theSuiteIsWhatItSays() {
        int predicted = 0;
        int quiet = 0;
        for (Program p : programs()) {
            assertEquals(p.name().startsWith("Predict"), p.source().expectation().race(), p.name());
            if (p.name().startsWith("Predict")) predicted++;
            else quiet++;
        }
        assertTrue(predicted >= 15 && quiet >= 15, "predicted " + predicted + ", no race " + quiet);
        for (String m : MISSED.keySet()) {
            assertTrue(programs().stream().anyMatch(p -> p.name().equals(m)), "MISSED names no program: " + m);
        }
    }

    /** The issue's example, reported in JSON: the race's {@code predicted} names the lock and its two sites. */
    @Test
    void theIssueExampleIsPredictedInJson() throws IOException {
        Path dir = Files.createTempDirectory("racecheck-predict");
        Path json = dir.resolve("report.json");
        Program p = programs().stream().filter(q -> q.name().equals("PredictUnrelatedCS")).findFirst().orElseThrow();
        JvmRun.Result run = JvmRun.on(Jdks.current()).agent(Env.agentJar(), "predict=1,report_json=" + json)
                .classpath(Env.testClasses()).mainClass(p.source().className()).run();
        RaceAssertions.assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run);
        String text = Files.readString(json, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"predicted\"\\s*:\\s*\\{").matcher(text);
        assertTrue(m.find(), () -> "no race with a 'predicted' object in " + text);
        String predicted = text.substring(m.start());
        assertTrue(predicted.contains("\"lock\"") && predicted.contains("\"releasedAt\"")
                && predicted.contains("\"acquiredAt\"") && predicted.contains("PredictUnrelatedCS.java"),
                () -> "the prediction should name the lock and where it was released and acquired: " + text);
    }

    private static final ExecutorService LAUNCHER =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() + 1, r -> {
                Thread t = new Thread(r, "predict-launcher");
                t.setDaemon(true);
                return t;
            });

    @TestFactory
    Stream<DynamicNode> predictive() {
        List<DynamicNode> containers = new ArrayList<>();
        for (Jdks.Slot slot : Jdks.all()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Program p : programs()) {
                String name = p.name() + " [" + slot.label() + ", predict=1]";
                if (!slot.present()) {
                    tests.add(dynamicTest(name, slot::require));
                    continue;
                }
                Future<JvmRun.Result> run = LAUNCHER.submit(() -> launch(p, slot.jdk(), "predict=1"));
                tests.add(dynamicTest(name, () -> checkPredictive(p, await(run))));
                if (p.name().startsWith("Predict")) {
                    // Happens-before mode: the same program, the race is not seen (or, for the control, seen).
                    Future<JvmRun.Result> hb = LAUNCHER.submit(() -> launch(p, slot.jdk(), ""));
                    tests.add(dynamicTest(p.name() + " [" + slot.label() + ", happens-before]",
                            () -> checkHappensBefore(p, await(hb))));
                }
            }
            containers.add(dynamicContainer(slot.label(), tests));
        }
        return containers.stream();
    }

    private static JvmRun.Result launch(Program p, Jdks.Jdk jdk, String options) {
        return JvmRun.on(jdk).agent(Env.agentJar(), options).classpath(Env.testClasses())
                .mainClass(p.source().className()).run();
    }

    private static JvmRun.Result await(Future<JvmRun.Result> run) throws Throwable {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void checkPredictive(Program p, JvmRun.Result run) {
        assertFalse(run.exitCode() == 3, () -> p.name() + ": a timing assumption of the program failed"
                + run.describe());
        if (!p.source().expectation().race()) {
            RaceAssertions.assertNoRaceDetected(run, p.name());
            return;
        }
        String missed = MISSED.get(p.name());
        if (missed != null && run.exitCode() == 0 && !run.stderr().contains(RaceText.WARNING)) {
            Assumptions.abort(p.name() + ": not predicted (known): " + missed);
        }
        RaceAssertions.assertRaceDetected(run, p.source());
        if (p.predicted()) {
            assertTrue(run.stderr().contains(PREDICTED_HEADER), () -> p.name() + ": the race should be reported as"
                    + " predicted" + run.describe());
            assertLockSites(p, run);
        } else {
            assertFalse(run.stderr().contains("(predicted"), () -> p.name() + ": a race happens-before sees is not"
                    + " a prediction" + run.describe());
        }
    }

    private static final Pattern RELEASE = Pattern.compile(
            "(?m)^Release of .* by thread \"[^\"]*\" \\(T\\d+\\), after the previous [^:\\n]*:(?:\\R\\s+at \\S+)+");
    private static final Pattern ACQUIRE = Pattern.compile(
            "(?m)^Acquisition of .* by thread \"[^\"]*\" \\(T\\d+\\), before the [^:\\n]*:(?:\\R\\s+at \\S+)+");

    /**
     * Programs where the run's order went through a third thread (t2's section, then t2 starts or is joined by the
     * thread of the second access): that thread acquired nothing itself, and the report shows the release site only.
     */
    private static final java.util.Set<String> ORDERED_THROUGH_ANOTHER_THREAD =
            java.util.Set.of("PredictForkAfterCS", "PredictJoinOther");

    /**
     * A predicted race shows where the lock was released after the first access and acquired before the second: stacks
     * through the program's lines (a {@code java.util.concurrent} lock's own frame comes first).
     */
    private static void assertLockSites(Program p, JvmRun.Result run) {
        Matcher release = RELEASE.matcher(run.stderr());
        assertTrue(release.find(), () -> p.name() + ": no release site of the lock" + run.describe());
        assertTrue(release.group().contains(p.source().fileName()),
                () -> p.name() + ": the lock's release site should be in " + p.source().fileName() + run.describe());
        if (ORDERED_THROUGH_ANOTHER_THREAD.contains(p.name())) return;
        Matcher acquire = ACQUIRE.matcher(run.stderr());
        assertTrue(acquire.find(), () -> p.name() + ": no acquire site of the lock" + run.describe());
        assertTrue(acquire.group().contains(p.source().fileName()),
                () -> p.name() + ": the lock's acquire site should be in " + p.source().fileName() + run.describe());
    }

    private static void checkHappensBefore(Program p, JvmRun.Result run) {
        assertFalse(run.exitCode() == 3, () -> p.name() + ": a timing assumption of the program failed"
                + run.describe());
        if (p.predicted()) {
            RaceAssertions.assertNoRaceDetected(run, p.name() + " without predict=1");
        } else {
            RaceAssertions.assertRaceDetected(run, p.source());
        }
    }
}
