package dev.racecheck.it;

import static dev.racecheck.it.RaceAssertions.assertExitStatus;
import static dev.racecheck.it.RaceAssertions.assertRaceReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.racecheck.it.programs.CleanExit;
import dev.racecheck.it.programs.Programs;
import dev.racecheck.it.programs.Racy;
import dev.racecheck.it.programs.RacyExit;
import dev.racecheck.it.programs.RacyThrows;
import dev.racecheck.it.programs.TwoRaces;

/**
 * Exit status and agent options ({@code -javaagent:racecheck.jar=name=value,...} and {@code RACECHECK_OPTIONS}),
 * with the small programs of {@code dev.racecheck.it.programs}, run from {@code target/test-classes}.
 */
class ExitStatusIT {

    static Stream<Jdks.Slot> jdks() {
        return Jdks.all().stream();
    }

    /** A run of one of the test programs under the agent with the given options. */
    private static JvmRun program(Jdks.Slot slot, Class<?> program, String agentOptions) {
        return JvmRun.on(slot.require()).agent(Env.agentJar(), agentOptions).classpath(Env.testClasses())
                .mainClass(program.getName());
    }

    /** The program's source, for its racy lines. */
    private static ProgramSource source(Class<?> program) {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        return ProgramSource.read(base.resolve("src/test/java").resolve(program.getName().replace('.', '/') + ".java"));
    }

    private static void assertMainRan(Class<?> program, JvmRun.Result run) {
        assertTrue(run.stdout().contains(Programs.marker(program)), () -> "the program's main should have run" + run.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void raceMakesAProgramThatReturnsNormallyExitWith66(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, Racy.class, "").run();
        RaceAssertions.assertRaceDetected(run, source(Racy.class));
        assertTrue(run.stdout().contains("Racy: done"), () -> "the program should have run to its end" + run.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void systemExitStatusOfTheProgramIsKept(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, RacyExit.class, "").run();
        assertExitStatus(3, run);
        assertMainRan(RacyExit.class, run);
        assertRaceReport(run.stderr(), source(RacyExit.class), run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void uncaughtExceptionInMainExitsWith1(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, RacyThrows.class, "").run();
        assertExitStatus(1, run);
        assertTrue(run.stderr().contains("RacyThrows: boom"), () -> "the uncaught exception should be printed" + run.describe());
        assertRaceReport(run.stderr(), source(RacyThrows.class), run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void exitcodeOptionSetsTheStatusForRaces(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, Racy.class, "exitcode=70").run();
        assertExitStatus(70, run);
        assertRaceReport(run.stderr(), source(Racy.class), run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void exitcodeZeroStillPrintsTheReport(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, Racy.class, "exitcode=0").run();
        assertExitStatus(0, run);
        assertRaceReport(run.stderr(), source(Racy.class), run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void everyDistinctRaceIsReported(Jdks.Slot slot) {
        // The control for haltOnErrorStopsAtTheFirstReport: without the option, TwoRaces gets two reports.
        JvmRun.Result run = program(slot, TwoRaces.class, "").run();
        assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run);
        assertEquals(2, RaceText.warningCount(run.stderr()), () -> "two distinct races, two reports" + run.describe());
        assertTrue(run.stdout().contains("TwoRaces: done"), () -> "the program should have run to its end" + run.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void haltOnErrorStopsAtTheFirstReport(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, TwoRaces.class, "halt_on_error=1").run();
        assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run);
        assertEquals(1, RaceText.warningCount(run.stderr()), () -> "halt_on_error=1: exactly one report" + run.describe());
        assertFalse(run.stdout().contains("TwoRaces: done"), () -> "the JVM should have stopped early" + run.describe());
        assertRaceReport(run.stderr(), source(TwoRaces.class), run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void logPathWritesTheReportToAFileNamedWithThePid(Jdks.Slot slot, @TempDir Path dir) throws IOException {
        Path prefix = dir.resolve("rc");
        JvmRun.Result run = program(slot, Racy.class, "log_path=" + prefix).run();
        assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run);
        Path log = dir.resolve("rc." + run.pid());
        List<Path> present;
        try (Stream<Path> files = Files.list(dir)) {
            present = files.toList();
        }
        assertTrue(Files.isRegularFile(log), () -> "the report should be in " + log + "; the directory has " + present
                + run.describe());
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(run.stderr().contains("DATA RACE"), () -> "with log_path the report must not go to stderr"
                + run.describe() + "\n----- " + log + " -----\n" + text);
        assertRaceReport(text, source(Racy.class), withLog(run, log, text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void exitcodeFromTheEnvironment(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, Racy.class, "").env("RACECHECK_OPTIONS", "exitcode=71").run();
        assertExitStatus(71, run);
        assertRaceReport(run.stderr(), source(Racy.class), run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void haltOnErrorFromTheEnvironment(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, TwoRaces.class, "").env("RACECHECK_OPTIONS", "halt_on_error=1").run();
        assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run);
        assertEquals(1, RaceText.warningCount(run.stderr()), () -> "halt_on_error=1: exactly one report" + run.describe());
    }

    static Stream<Arguments> badOptions() {
        return jdks().flatMap(slot -> Stream.of(
                Arguments.of(slot, "nosuchoption=1", "nosuchoption"),
                Arguments.of(slot, "exitcode=abc", "exitcode"),
                Arguments.of(slot, "halt_on_error=7", "halt_on_error")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badOptions")
    void badOptionStopsTheJvmBeforeMainWithStatus2(Jdks.Slot slot, String options, String optionName) {
        JvmRun.Result run = program(slot, Racy.class, options).run();
        assertExitStatus(2, run);
        assertFalse(run.stdout().contains(Programs.marker(Racy.class)), () -> "main must not run" + run.describe());
        List<String> lines = run.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "stderr should be one line naming the bad option" + run.describe());
        assertTrue(lines.get(0).contains(optionName), () -> "the error should name '" + optionName + "'" + run.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void raceFreeProgramKeepsItsExitStatus(Jdks.Slot slot) {
        JvmRun.Result run = program(slot, CleanExit.class, "").run();
        assertExitStatus(5, run);
        assertMainRan(CleanExit.class, run);
        RaceAssertions.assertNoReport(run, "CleanExit");
    }

    /** The run as described for a failure message, with the log file appended. */
    private static JvmRun.Result withLog(JvmRun.Result run, Path log, String text) {
        byte[] err = (run.stderr() + "\n----- (not stderr) contents of " + log + " -----\n" + text)
                .getBytes(StandardCharsets.UTF_8);
        return new JvmRun.Result(run.command(), run.env(), run.pid(), run.exitCode(), run.timedOut(), run.elapsed(),
                run.out(), err, run.timeout(), run.notes());
    }
}
