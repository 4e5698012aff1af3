package dev.racecheck.it.realsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.realsuite.LauncherResults.Outcome;
import dev.racecheck.it.realsuite.PublishedSuite.Exclusion;
import dev.racecheck.reports.Access;
import dev.racecheck.reports.Baseline;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.ThreadInfo;
import dev.racecheck.reports.json.JsonReportReader;
import dev.racecheck.reports.json.JsonReportWriter;
import dev.racecheck.reports.text.TextRenderer;

/**
 * A real, published, third-party test suite under the agent ({@link PublishedSuite}: Apache Commons Pool's tests and
 * Commons Lang's {@code concurrent} tests, as released on Maven Central), on JDK 17 and JDK 25:
 * <ul>
 * <li>no hang: a run that outlives its time limit fails with the child's thread dump;</li>
 * <li>every test that passes plainly passes under the agent: a test that fails under the agent is run again, alone,
 * without the agent and with it; it fails the check when it passes without the agent and fails again with it (a
 * second failure rules out the one-off timing failures of a busy machine, which are printed);</li>
 * <li>every race the agent reports is in the checked-in baseline {@code published-suite/races-baseline.json} (the
 * agent's own {@code baseline} option: matched by fingerprint), and every baseline race has a verdict in
 * {@code published-suite/races-verdicts.md}. A new race fails the check with its report, and the file
 * {@code target/published-suite/races-baseline.candidate.json} holds the baseline with it added.</li>
 * </ul>
 *
 * <p>By default there is no plain run of the whole selection: the suite mostly sleeps, so a plain run costs as much
 * wall time as a run under the agent, and it only matters for the tests that fail under the agent, whose classes are
 * run again plainly instead. {@code -Dracecheck.published.plain=true} adds it, before each run under the agent, and
 * prints both times (the slowdown). {@code -Dracecheck.published.full=true} runs the slow tests too
 * ({@link PublishedSuite}).
 */
class PublishedSuiteIT {
    static final String BASELINE = "published-suite/races-baseline.json";
    static final String VERDICTS = "published-suite/races-verdicts.md";

    /**
     * Fewest tests a run must find per tier (the jars are pinned, so the counts are exact today): a selector or an
     * exclusion that silently matches too much fails the check. Update them with the exclusions.
     */
    private static final int MIN_TESTS_DEFAULT = 669;
    private static final int MIN_TESTS_FULL = 714;
    /** Time limits: a run still going then is a hang (the default tier takes about 2 minutes a JDK). */
    private static final Duration LIMIT_DEFAULT = Duration.ofMinutes(8);
    private static final Duration LIMIT_FULL = Duration.ofMinutes(30);
    /** Time limit of a rerun of the failed tests' classes in the default tier; the full tier's is {@link #LIMIT_FULL}. */
    private static final Duration LIMIT_RERUN = Duration.ofMinutes(8);
    /** System property: another time limit for the runs, in seconds (to see what a hang's failure looks like). */
    static final String LIMIT_PROPERTY = "racecheck.published.limit";
    /** System property: {@code true} runs the same tests without the agent first, to measure the slowdown. */
    static final String PLAIN_PROPERTY = "racecheck.published.plain";
    /** Tests that may fail even without the agent before the suite counts as broken on this machine. */
    private static final int MAX_FAILING_PLAINLY = 3;
    /** Frames kept per stack in a candidate baseline: enough to read the race, and the fingerprint is unchanged. */
    private static final int BASELINE_FRAMES = 12;

    @BeforeAll
    static void forgetOldCandidate() throws IOException {
        Files.deleteIfExists(candidateFile());
    }

    @Test
    void everyBaselineRaceHasAVerdict() throws Exception {
        Baseline baseline = Baseline.read(resource(BASELINE));
        RaceVerdicts verdicts = RaceVerdicts.read(resource(VERDICTS));
        List<String> problems = new ArrayList<>(verdicts.problems());
        Set<String> inBaseline = baseline.fingerprints();
        for (String fingerprint : new TreeSet<>(inBaseline)) {
            if (!verdicts.rows().containsKey(fingerprint)) {
                problems.add("baseline race " + fingerprint + " has no verdict in " + VERDICTS);
            }
        }
        verdicts.rows().values().stream().filter(row -> !inBaseline.contains(row.fingerprint()))
                .forEach(row -> problems.add(VERDICTS + ":" + row.line() + ": race " + row.fingerprint()
                        + " is not in " + BASELINE));
        RaceReport report = JsonReportReader.read(resource(BASELINE));
        assertEquals(inBaseline.size(), report.races().size(), BASELINE + " lists a race twice (same fingerprint)");
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @TestFactory
    Stream<DynamicTest> suiteUnderTheAgent() {
        return Jdks.all().stream().map(slot -> dynamicTest(
                "commons-pool2 and commons-lang3 concurrent tests under the agent [" + slot.label() + "]",
                () -> runUnderAgent(slot)));
    }

    private static void runUnderAgent(Jdks.Slot slot) throws Exception {
        Jdks.Jdk jdk = slot.require();
        boolean full = PublishedSuite.fullTier();
        Path suite = PublishedSuite.directory();
        Path baselineFile = resource(BASELINE);
        Baseline baseline = Baseline.read(baselineFile);
        List<Exclusion> exclusions = PublishedSuite.exclusions(full);
        String tier = full ? "full tier" : "default tier";

        LauncherRun.Result plain = null;
        if (Boolean.getBoolean(PLAIN_PROPERTY)) {
            Path plainDir = cleanDirectory(suite.resolve("runs").resolve(jdk.label() + "-plain"));
            plain = LauncherRun.run("without the agent on " + jdk.label(), jdk, javaCommand(jdk, suite, null,
                    PublishedSuite.launcherArguments(plainDir.resolve("reports"), PublishedSuite.packageSelectors(),
                            exclusions)), plainDir, limit(full));
            LauncherResults plainly = LauncherResults.read(plainDir.resolve("reports"), plain.stdout());
            System.out.printf("[published suite] %s, %s, without the agent: %d tests found, %d passed, %d skipped,"
                            + " %d failed %s; %d s%n", jdk.label(), tier, plainly.testsFound(),
                    plainly.count(Outcome.PASSED), plainly.count(Outcome.SKIPPED), plainly.count(Outcome.FAILED),
                    plainly.withOutcome(Outcome.FAILED), plain.elapsed().toSeconds());
        }

        Path dir = cleanDirectory(suite.resolve("runs").resolve(jdk.label() + "-agent"));
        Path racesJson = dir.resolve("races.json");
        List<String> command = javaCommand(jdk, suite, agentOption(racesJson, baselineFile),
                PublishedSuite.launcherArguments(dir.resolve("reports"), PublishedSuite.packageSelectors(), exclusions));
        LauncherRun.Result run = LauncherRun.run("agent on " + jdk.label(), jdk, command, dir, limit(full));
        if (run.timedOut()) {
            fail("The published suite hangs under the agent on " + jdk + " (" + tier + "): still running after "
                    + run.elapsed().toMinutes() + " min. The last test started is in the launcher's test feed below."
                    + run.describe());
        }

        List<String> problems = new ArrayList<>();
        LauncherResults results = LauncherResults.read(dir.resolve("reports"), run.stdout());
        checkRun(run, results, full ? MIN_TESTS_FULL : MIN_TESTS_DEFAULT, exclusions, problems);

        // Races: the agent's JSON report has them all, those in the baseline included.
        List<Race> races = readRaces(racesJson, problems);
        List<String> failed = results.withOutcome(Outcome.FAILED);
        if (!failed.isEmpty()) {
            races = new ArrayList<>(races);
            races.addAll(rerunFailures(jdk, suite, baselineFile, dir, failed, results, exclusions, problems));
        }
        List<Race> fresh = distinct(races.stream().filter(r -> !baseline.contains(r)).toList());
        if (!fresh.isEmpty()) {
            Path candidate = writeCandidate(baselineFile, fresh);
            StringBuilder sb = new StringBuilder();
            sb.append(fresh.size()).append(" race(s) not in the baseline ").append(BASELINE).append(". Read the test"
                    + " source, decide: a real race or benign by design goes into the baseline (the file ")
                    .append(candidate).append(" is the baseline with them added: copy it over the baseline) with a"
                    + " one-line verdict in ").append(VERDICTS).append("; a false alarm of racecheck's is a bug"
                    + " to fix. The new races:\n");
            fresh.forEach(r -> sb.append("fingerprint ").append(Fingerprint.of(r)).append('\n')
                    .append(TextRenderer.render(r)));
            problems.add(sb.toString());
        }

        Set<String> seen = races.stream().map(Fingerprint::of).collect(Collectors.toSet());
        long known = baseline.fingerprints().stream().filter(seen::contains).count();
        System.out.printf("[published suite] %s, %s: %d tests found, %d passed, %d skipped, %d failed under the agent;"
                        + " %d race report(s), %d distinct race(s), %d of the baseline's %d seen, %d new; %d s%n",
                jdk.label(), tier, results.testsFound(), results.count(Outcome.PASSED), results.count(Outcome.SKIPPED),
                failed.size(), races.size(), seen.size(), known, baseline.size(), fresh.size(),
                run.elapsed().toSeconds());
        if (plain != null) {
            System.out.printf("[published suite] %s, %s: %d s without the agent, %d s with it: %.2fx%n", jdk.label(),
                    tier, plain.elapsed().toSeconds(), run.elapsed().toSeconds(),
                    run.elapsed().toMillis() / (double) Math.max(1, plain.elapsed().toMillis()));
        }
        if (!problems.isEmpty()) {
            fail("The published suite under the agent on " + jdk + " (" + tier + "):\n"
                    + String.join("\n", problems) + run.describe());
        }
    }

    private static Duration limit(boolean full) {
        long seconds = Long.getLong(LIMIT_PROPERTY, 0);
        return seconds > 0 ? Duration.ofSeconds(seconds) : full ? LIMIT_FULL : LIMIT_DEFAULT;
    }

    /** Exit status, counts and exclusions of a finished run. */
    private static void checkRun(LauncherRun.Result run, LauncherResults results, int minTests,
                                 List<Exclusion> exclusions, List<String> problems) {
        // The launcher exits 1 when a test failed; the agent turns 0 into 66 when a race outside the baseline was found.
        if (run.exitCode() != 0 && run.exitCode() != 1 && run.exitCode() != 66) {
            problems.add("exit status " + run.exitCode() + ": neither the launcher's (0, 1) nor the agent's (66)");
        }
        if (results.tests().isEmpty()) {
            fail("The launcher wrote no test results (" + run.dir().resolve("reports") + ")" + run.describe());
        }
        if (results.testsFound() < minTests) {
            problems.add("only " + results.testsFound() + " tests found, expected at least " + minTests
                    + ": did a selector or an exclusion stop matching?");
        }
        if (results.containersFailed() != 0) {
            problems.add(results.containersFailed() + " test class(es) failed as a whole (set-up or tear-down): see "
                    + run.stdout());
        }
        for (String test : results.tests().keySet()) {
            exclusions.stream().filter(e -> e.covers(test)).findFirst().ifPresent(e -> problems.add(
                    "excluded test " + test + " ran anyway: its exclusion (" + e.launcherOption() + ") matches nothing"));
        }
    }

    private static List<Race> readRaces(Path racesJson, List<String> problems) throws IOException {
        if (!Files.isRegularFile(racesJson)) {
            problems.add("the agent wrote no JSON report " + racesJson);
            return List.of();
        }
        try {
            return JsonReportReader.read(racesJson).races();
        } catch (ReportFormatException e) {
            problems.add("the agent's JSON report " + racesJson + " is unreadable: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Runs the classes of the tests that failed under the agent again: without the agent, then with it. A test that
     * passes without the agent and fails with it twice is the agent's fault. Whole classes, not the failed tests alone:
     * a test run alone pays for loading (and instrumenting) everything it uses, which a test with a tight
     * {@code @Timeout} does not survive under the agent ({@code testAddObjectFastReturn}, 400 ms: 0.06-0.09 s in its
     * class, 0.9 s alone; 0.2 s alone without the agent). Returns the races of the rerun under the agent.
     */
    private static List<Race> rerunFailures(Jdks.Jdk jdk, Path suite, Path baselineFile, Path dir, List<String> failed,
                                            LauncherResults first, List<Exclusion> exclusions, List<String> problems)
            throws Exception {
        List<String> selectors = rerunSelectors(failed);
        // whole classes of the full tier hold the slowest tests: they get the full tier's limit
        Duration rerunLimit = PublishedSuite.fullTier() ? LIMIT_FULL : LIMIT_RERUN;
        Path plainDir = cleanDirectory(dir.resolve("rerun-plain"));
        LauncherRun.Result plain = LauncherRun.run("rerun without the agent on " + jdk.label(), jdk,
                javaCommand(jdk, suite, null, PublishedSuite.launcherArguments(plainDir.resolve("reports"), selectors,
                        exclusions)), plainDir, rerunLimit);
        Path agentDir = cleanDirectory(dir.resolve("rerun-agent"));
        Path racesJson = agentDir.resolve("races.json");
        LauncherRun.Result again = LauncherRun.run("rerun under the agent on " + jdk.label(), jdk,
                javaCommand(jdk, suite, agentOption(racesJson, baselineFile),
                        PublishedSuite.launcherArguments(agentDir.resolve("reports"), selectors, exclusions)),
                agentDir, rerunLimit);
        if (plain.timedOut() || again.timedOut()) {
            problems.add("a rerun of the failed tests hangs:" + (plain.timedOut() ? plain.describe() : "")
                    + (again.timedOut() ? again.describe() : ""));
            return List.of();
        }
        Map<String, Outcome> plainly = LauncherResults.read(plainDir.resolve("reports"), plain.stdout()).tests();
        Map<String, Outcome> agentAgain = LauncherResults.read(agentDir.resolve("reports"), again.stdout()).tests();
        List<String> agentsFault = new ArrayList<>();
        List<String> failsPlainly = new ArrayList<>();
        List<String> flaky = new ArrayList<>();
        for (String test : failed) {
            String line = test + ": " + first.failureMessages().getOrDefault(test, "");
            if (plainly.get(test) != Outcome.PASSED) {
                failsPlainly.add(line + " [without the agent: " + plainly.getOrDefault(test, null) + "]");
            } else if (agentAgain.get(test) == Outcome.PASSED) {
                flaky.add(line + " [passed when run again under the agent]");
            } else {
                agentsFault.add(line);
            }
        }
        if (!flaky.isEmpty()) {
            System.out.println("[published suite] " + jdk.label() + ": failed once under the agent, then passed under"
                    + " it (timing on a busy machine):\n  " + String.join("\n  ", flaky));
        }
        if (!failsPlainly.isEmpty()) {
            System.out.println("[published suite] " + jdk.label() + ": fail without the agent too (not the agent's"
                    + " doing):\n  " + String.join("\n  ", failsPlainly));
            if (failsPlainly.size() > MAX_FAILING_PLAINLY) {
                problems.add(failsPlainly.size() + " tests fail even without the agent: the suite does not run on"
                        + " this machine:\n  " + String.join("\n  ", failsPlainly) + plain.describe());
            }
        }
        if (!agentsFault.isEmpty()) {
            problems.add(agentsFault.size() + " test(s) pass without the agent and fail under it, twice:\n  "
                    + String.join("\n  ", agentsFault) + "\nRerun under the agent:" + again.describe()
                    + "Rerun without it:" + plain.describe());
        }
        List<String> ignored = new ArrayList<>();
        return readRaces(racesJson, ignored);
    }

    /** Selects the classes of the given tests for a rerun. */
    private static List<String> rerunSelectors(List<String> tests) {
        Set<String> classes = new LinkedHashSet<>();
        tests.forEach(test -> classes.add(LauncherResults.classAndMethod(test)[0]));
        return classes.stream().map(c -> "--select-class=" + c).toList();
    }

    /** {@code -javaagent:...} writing all races to {@code racesJson}, with the baseline's races known. */
    private static String agentOption(Path racesJson, Path baselineFile) {
        return "-javaagent:" + Env.agentJar() + "=report_json=" + racesJson + ",baseline=" + baselineFile;
    }

    /** {@code java [agent] <JVM options> -cp <suite jars> ConsoleLauncher <arguments>}. */
    private static List<String> javaCommand(Jdks.Jdk jdk, Path suite, String agent, List<String> launcherArguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        if (agent != null) {
            cmd.add(agent);
        }
        cmd.addAll(PublishedSuite.JVM_OPTIONS);
        cmd.add("-cp");
        cmd.add(PublishedSuite.classPath(suite).stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        cmd.add("org.junit.platform.console.ConsoleLauncher");
        cmd.addAll(launcherArguments);
        return cmd;
    }

    /** One race per fingerprint, the first one found. */
    private static List<Race> distinct(List<Race> races) {
        Map<String, Race> byFingerprint = new LinkedHashMap<>();
        races.forEach(r -> byFingerprint.putIfAbsent(Fingerprint.of(r), r));
        return List.copyOf(byFingerprint.values());
    }

    /**
     * Writes (or adds to, when an earlier JDK's run of this test class wrote one) the candidate baseline: the
     * baseline's races and the new ones, their stacks cut to {@link #BASELINE_FRAMES} frames.
     */
    private static synchronized Path writeCandidate(Path baselineFile, List<Race> fresh) throws Exception {
        Path candidate = candidateFile();
        RaceReport base = JsonReportReader.read(Files.isRegularFile(candidate) ? candidate : baselineFile);
        List<Race> all = new ArrayList<>(base.races());
        fresh.forEach(r -> all.add(trimmed(r)));
        Files.createDirectories(candidate.getParent());
        JsonReportWriter.write(new RaceReport(RaceReport.FORMAT_VERSION, base.tool(), base.command(), distinct(all),
                base.exitStatus()), candidate);
        return candidate;
    }

    private static Race trimmed(Race r) {
        Race t = new Race(r.target(), trimmed(r.current()), trimmed(r.previous()),
                r.threads().stream().map(th -> new ThreadInfo(th.id(), th.name(), th.alive(), head(th.startedAt())))
                        .toList(), r.occurrences());
        return Fingerprint.of(t).equals(Fingerprint.of(r)) ? t : r;
    }

    private static Access trimmed(Access a) {
        return new Access(a.kind(), a.thread(), head(a.stack()));
    }

    private static List<Frame> head(List<Frame> frames) {
        return frames.subList(0, Math.min(frames.size(), BASELINE_FRAMES));
    }

    static Path candidateFile() {
        String dir = System.getProperty(PublishedSuite.DIR_PROPERTY);
        return Path.of(dir == null || dir.isBlank() ? "target/published-suite" : dir)
                .resolve("races-baseline.candidate.json").toAbsolutePath();
    }

    /** A checked-in file of {@code src/test/resources}, as copied to the test class path. */
    static Path resource(String name) {
        Path file = Env.testClasses().resolve(name);
        assertTrue(Files.isRegularFile(file), "missing test resource " + file);
        return file;
    }

    private static Path cleanDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }
}
