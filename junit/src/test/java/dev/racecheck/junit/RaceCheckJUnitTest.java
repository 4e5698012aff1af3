package dev.racecheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.racecheck.junit.fixtures.BeforeAllRaceFixture;
import dev.racecheck.junit.fixtures.LateRaceFixture;
import dev.racecheck.junit.fixtures.LaunchFixtures;
import dev.racecheck.junit.fixtures.LockOrderFixture;
import dev.racecheck.junit.fixtures.RacyAndCleanFixture;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.json.JsonReportReader;
import dev.racecheck.reports.text.TextRenderer;

/**
 * Runs small JUnit suites (the fixtures) with the JUnit Platform Launcher in a JVM of their own, under the built
 * agent, the way Surefire's forked JVM does (ending with System.exit(0), agent option exitcode=0), and checks
 * each test's outcome.
 */
class RaceCheckJUnitTest {
    private static final String RACY = "[engine:junit-jupiter]/[class:" + RacyAndCleanFixture.class.getName() + "]";
    private static final String LATE = "[engine:junit-jupiter]/[class:" + LateRaceFixture.class.getName() + "]";
    private static final String BEFORE_ALL = "[engine:junit-jupiter]/[class:" + BeforeAllRaceFixture.class.getName() + "]";

    private static Path agentJar;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyAgent() throws IOException {
        String built = System.getProperty("racecheck.agent.jar", "../agent/target/racecheck.jar");
        Path jar = Path.of(built);
        if (!Files.isRegularFile(jar)) {
            fail("the agent jar " + jar.toAbsolutePath() + " is missing: build it first (mvn -pl agent -am package)");
        }
        // A private copy (keeping the name racecheck.jar): others may rebuild the agent while these tests run.
        Path copy = Files.createTempDirectory("racecheck-junit-agent").resolve("racecheck.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().deleteOnExit();
        agentJar = copy;
    }

    @Test
    void sequentialRunFailsExactlyTheRacyTest() throws Exception {
        Run run = launch(true, true, false, "sequential");
        checkOutcomes(run);
    }

    /** The same on the newest JDK (class files built for 17): skipped only outside CI when that JDK is missing. */
    @Test
    void onJdk25Too() throws Exception {
        Path jdk = Path.of(System.getProperty("racecheck.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Path java = jdk.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            if ("true".equals(System.getenv("CI"))) fail("JDK 25 is missing at " + jdk);
            Assumptions.abort("JDK 25 is missing at " + jdk + " (set -Dracecheck.jdk25=DIR)");
        }
        Run run = launch(java.toString(), true, true, false, "parallel");
        checkOutcomes(run);
    }

    @Test
    void parallelRunFailsExactlyTheRacyTest() throws Exception {
        Run run = launch(true, true, false, "parallel");
        checkOutcomes(run);
        assertTrue(run.stdout.lines().anyMatch(l -> l.startsWith("THREAD\t") && l.contains("ForkJoinPool")),
                "tests should have run on ForkJoinPool workers:\n" + run.stdout);
    }

    @Test
    void racesOutsideTestsAreReportedAtTheEndAndAttributed() throws Exception {
        Run run = launch(true, true, true, "sequential");
        checkOutcomes(run);
        assertTrue(run.stderr.contains("racecheck: data race detected while no test was running"), run.stderr);
        assertTrue(run.stderr.contains("untagged-2"), run.stderr);

        // The attribution file names the test for each race of the JSON report, by the key check computes.
        List<Attribution.Entry> entries = Attribution.read(onlyFile("t-", ".tsv"));
        Map<Attribution.Kind, List<Attribution.Entry>> byKind = entries.stream()
                .collect(Collectors.groupingBy(Attribution.Entry::kind));
        assertEquals(Set.of(Attribution.Kind.TEST, Attribution.Kind.CLASS, Attribution.Kind.AFTER_TEST,
                Attribution.Kind.NONE), byKind.keySet(), entries.toString());
        assertTrue(byKind.get(Attribution.Kind.TEST).stream()
                .anyMatch(e -> e.testName().equals(RacyAndCleanFixture.class.getName() + ".racy()")), entries.toString());
        assertTrue(byKind.get(Attribution.Kind.AFTER_TEST).stream()
                .anyMatch(e -> e.testName().equals(LateRaceFixture.class.getName() + ".leavesRacyThreadsBehind()")),
                entries.toString());
        assertTrue(byKind.get(Attribution.Kind.CLASS).stream()
                .anyMatch(e -> e.testName().equals(BeforeAllRaceFixture.class.getName())), entries.toString());

        RaceReport report = JsonReportReader.read(onlyFile("r-", ".json"));
        Set<String> keys = new HashSet<>();
        for (Attribution.Entry e : entries) keys.add(e.key());
        assertEquals(entries.size(), report.races().size(), "one attribution per race: " + entries);
        for (Race race : report.races()) {
            assertTrue(keys.contains(Attribution.key(TextRenderer.render(race))),
                    "no attribution for\n" + TextRenderer.render(race) + "in " + entries);
        }
    }

    /**
     * A lock-order inversion across two tests of one run, on one thread: the test that takes the second order fails
     * with the report; the JSON report has the deadlock and the attribution file names that test.
     */
    @Test
    void theTestThatClosesALockOrderCycleFails() throws Exception {
        String fixture = "[engine:junit-jupiter]/[class:" + LockOrderFixture.class.getName() + "]";
        Run run = launch(Path.of(System.getProperty("java.home"), "bin", "java").toString(), true, true, false,
                "sequential", LockOrderFixture.class.getName());
        assertEquals(0, run.exitCode, run.all());
        assertEquals("SUCCESSFUL", run.status(fixture + "/[method:transfersTakeAccountsThenLedger()]"), run.all());
        String second = fixture + "/[method:auditTakesLedgerThenAccounts()]";
        assertEquals("FAILED", run.status(second), run.all());
        String message = run.message(second);
        assertTrue(message.startsWith(RaceCheckExtension.DEADLOCK_MESSAGE + " (1 deadlock)"), message);
        assertTrue(message.contains("WARNING: POTENTIAL DEADLOCK (lock-order inversion)"), message);
        // Every acquisition of the cycle, in both tests, with its stack.
        assertTrue(message.contains("at " + LockOrderFixture.class.getName() + ".transfersTakeAccountsThenLedger("),
                message);
        assertTrue(message.contains("at " + LockOrderFixture.class.getName() + ".auditTakesLedgerThenAccounts("),
                message);
        assertEquals("SUCCESSFUL", run.status(fixture + "/[method:ledgerAloneIsFine()]"), run.all());

        RaceReport report = JsonReportReader.read(onlyFile("r-", ".json"));
        assertEquals(1, report.deadlocks().size(), report.toString());
        List<Attribution.Entry> entries = Attribution.read(onlyFile("t-", ".tsv"));
        String key = Attribution.key(TextRenderer.render(report.deadlocks().get(0)));
        assertTrue(entries.stream().anyMatch(e -> e.key().equals(key) && e.kind() == Attribution.Kind.TEST
                && e.testName().equals(LockOrderFixture.class.getName() + ".auditTakesLedgerThenAccounts()")),
                entries.toString());
    }

    @Test
    void withoutTheExtensionTheListenerStillNamesTheTest() throws Exception {
        Run run = launch(true, false, false, "sequential");
        assertEquals("SUCCESSFUL", run.status(RACY + "/[method:racy()]"), run.all());
        assertTrue(run.stderr.contains(RaceCheckExtension.MESSAGE + ": " + RacyAndCleanFixture.class.getName()
                + ".racy() (the test is not failed"), run.stderr);
        List<Attribution.Entry> entries = Attribution.read(onlyFile("t-", ".tsv"));
        assertTrue(entries.stream().anyMatch(e -> e.kind() == Attribution.Kind.TEST
                && e.testName().equals(RacyAndCleanFixture.class.getName() + ".racy()")), entries.toString());
    }

    @Test
    void withoutTheAgentNothingChanges() throws Exception {
        Run run = launch(false, true, false, "sequential");
        assertEquals("SUCCESSFUL", run.status(RACY + "/[method:racy()]"), run.all());
        assertEquals("SUCCESSFUL", run.status(BEFORE_ALL), run.all());
        assertEquals("FAILED", run.status(RACY + "/[method:failsOnItsOwn()]"), run.all());
        assertFalse(run.stderr.contains("racecheck"), run.stderr);
    }

    private void checkOutcomes(Run run) {
        assertEquals(0, run.exitCode, run.all());
        String racy = RACY + "/[method:racy()]";
        assertEquals("FAILED", run.status(racy), run.all());
        String message = run.message(racy);
        assertTrue(message.startsWith(RaceCheckExtension.MESSAGE), message);
        assertTrue(message.contains("WARNING: DATA RACE"), message);
        // Both stacks: the access that found the race and the previous one, each in Counter.incrementRacy.
        assertTrue(message.contains("\nPrevious "), message);
        assertTrue(count(message, "at " + "dev.racecheck.junit.fixtures.Counter.incrementRacy(") >= 2, message);

        assertEquals("SUCCESSFUL", run.status(RACY + "/[method:clean()]"), run.all());
        for (int i = 1; i <= 4; i++) {
            assertEquals("SUCCESSFUL", run.status(RACY + "/[test-template:cleanRepeated()]/[test-template-invocation:#" + i + "]"),
                    run.all());
        }
        String own = RACY + "/[method:failsOnItsOwn()]";
        assertEquals("FAILED", run.status(own), run.all());
        assertFalse(run.message(own).contains("data race"), run.message(own));
        assertEquals("SUCCESSFUL", run.status(RACY), run.all());

        // A race found after its test ended fails no test; it is reported at the end, naming the test.
        assertEquals("SUCCESSFUL", run.status(LATE + "/[method:leavesRacyThreadsBehind()]"), run.all());
        assertEquals("SUCCESSFUL", run.status(LATE + "/[method:waitsForTheLateRace()]"), run.all());
        assertTrue(run.stderr.contains("racecheck: data race detected in a thread started by "
                + LateRaceFixture.class.getName() + ".leavesRacyThreadsBehind() after it had ended"), run.stderr);

        // A race in @BeforeAll fails the class, not its clean test.
        assertEquals("FAILED", run.status(BEFORE_ALL), run.all());
        assertTrue(run.message(BEFORE_ALL).startsWith(RaceCheckExtension.CLASS_MESSAGE), run.message(BEFORE_ALL));
        assertEquals("SUCCESSFUL", run.status(BEFORE_ALL + "/[method:cleanTestInRacyClass()]"), run.all());
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    private Path onlyFile(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).collect(Collectors.toList());
            assertEquals(1, found.size(), "files " + prefix + "*" + suffix + " in " + dir + ": " + found);
            return found.get(0);
        }
    }

    private Run launch(boolean agent, boolean autodetect, boolean untaggedRace, String mode) throws Exception {
        return launch(Path.of(System.getProperty("java.home"), "bin", "java").toString(), agent, autodetect,
                untaggedRace, mode);
    }

    private Run launch(String java, boolean agent, boolean autodetect, boolean untaggedRace, String mode)
            throws Exception {
        return launch(java, agent, autodetect, untaggedRace, mode, RacyAndCleanFixture.class.getName(),
                LateRaceFixture.class.getName(), BeforeAllRaceFixture.class.getName());
    }

    private Run launch(String java, boolean agent, boolean autodetect, boolean untaggedRace, String mode,
                       String... fixtures) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        if (agent) {
            cmd.add("-javaagent:" + agentJar + "=exitcode=0,report_json=" + dir.resolve("r-%p.json"));
            cmd.add("-D" + Attribution.FILE_PROPERTY + "=" + dir.resolve("t-%p.tsv"));
        }
        if (autodetect) cmd.add("-Djunit.jupiter.extensions.autodetection.enabled=true");
        if (untaggedRace) cmd.add("-Dfixtures.untaggedRace=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(LaunchFixtures.class.getName());
        cmd.add(mode);
        cmd.addAll(List.of(fixtures));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the forked JVM did not finish in 120 s: " + String.join(" ", cmd));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** What the forked JVM did: its status and the RESULT lines LaunchFixtures printed. */
    private static final class Run {
        final int exitCode;
        final String stdout;
        final String stderr;
        final Map<String, String[]> results = new LinkedHashMap<>();

        Run(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            for (String line : stdout.split("\n")) {
                String[] f = line.split("\t", -1);
                if (f.length == 4 && f[0].equals("RESULT")) {
                    results.put(f[2], new String[] {f[1],
                            new String(Base64.getDecoder().decode(f[3]), StandardCharsets.UTF_8)});
                }
            }
        }

        String status(String uniqueId) {
            String[] r = results.get(uniqueId);
            return r == null ? "NOT RUN" : r[0];
        }

        String message(String uniqueId) {
            String[] r = results.get(uniqueId);
            return r == null ? "" : r[1];
        }

        String all() {
            return "exit " + exitCode + File.separator + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
