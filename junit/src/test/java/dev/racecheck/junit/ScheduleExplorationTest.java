package dev.racecheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.racecheck.junit.fixtures.ExploreFixture;
import dev.racecheck.junit.fixtures.LaunchFixtures;

/**
 * {@link RaceCheck @RaceCheck(explore = N)} end to end: the fixture's tests run with the JUnit Platform Launcher in a
 * JVM of their own under the built agent (option explore=1, as the Maven plugin starts it), on JDK 17 and 25.
 */
class ScheduleExplorationTest {
    private static final String FIXTURE = "[engine:junit-jupiter]/[class:" + ExploreFixture.class.getName() + "]";
    private static final Pattern REPLAY = Pattern.compile(
            "Found in repetition (\\d+) of (\\d+), schedule seed (-?\\d+); replay it: @RaceCheck\\(explore = 1, seed = (-?\\d+)\\)");

    private static Path agentJar;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyAgent() throws IOException {
        Path jar = Path.of(System.getProperty("racecheck.agent.jar", "../agent/target/racecheck.jar"));
        if (!Files.isRegularFile(jar)) fail("the agent jar " + jar.toAbsolutePath() + " is missing: build it first");
        Path copy = Files.createTempDirectory("racecheck-junit-agent").resolve("racecheck.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().deleteOnExit();
        agentJar = copy;
    }

    @Test
    void aRepetitionFindsTheRaceAndNamesItsSeed() throws Exception {
        checkExploration(launch(java17(), "explore=1", "-Dracecheck.seed=1000"), 1000);
    }

    @Test
    void onJdk25Too() throws Exception {
        checkExploration(launch(java25(), "explore=1", "-Dracecheck.seed=2000"), 2000);
    }

    @Test
    void theSeedPropertiesReplayOneRepetition() throws Exception {
        Run explored = launch(java17(), "explore=1", "-Dracecheck.seed=3000");
        long seed = checkExploration(explored, 3000);
        Run replay = launch(java17(), "explore=1", "-Dracecheck.seed=" + seed, "-Dracecheck.explore=1");
        String only = FIXTURE + "/[test-template:waitNotify()]/[test-template-invocation:#1]";
        assertEquals("FAILED", replay.status(only), replay.all());
        assertTrue(replay.message(only).contains("Found in repetition 1 of 1, schedule seed " + seed), replay.all());
        assertEquals("NOT RUN", replay.status(FIXTURE + "/[test-template:waitNotify()]/[test-template-invocation:#2]"));
    }

    @Test
    void withoutTheExploreOptionTheRepetitionsRunUnperturbedWithAWarning() throws Exception {
        Run run = launch(java17(), "", "-Dracecheck.explore=3");
        assertTrue(run.stderr.contains("racecheck-junit: warning: @RaceCheck tests run without schedule exploration"),
                run.all());
        for (int i = 1; i <= 3; i++) {
            assertFalse(run.status(FIXTURE + "/[test-template:clean()]/[test-template-invocation:#" + i + "]")
                    .equals("NOT RUN"), run.all());
        }
    }

    /** Checks one exploration of the fixture from {@code firstSeed}; returns the seed of the repetition that failed. */
    private static long checkExploration(Run run, long firstSeed) {
        assertEquals(0, run.exitCode, run.all());
        String template = FIXTURE + "/[test-template:waitNotify()]";
        int failed = 0;
        long seed = 0;
        for (int i = 1; i <= 20; i++) {
            String id = template + "/[test-template-invocation:#" + i + "]";
            String status = run.status(id);
            if (status.equals("FAILED")) {
                failed++;
                String message = run.message(id);
                assertTrue(message.startsWith(RaceCheckExtension.MESSAGE), message);
                Matcher m = REPLAY.matcher(message);
                assertTrue(m.find(), message);
                assertEquals(i, Integer.parseInt(m.group(1)), message);
                seed = Long.parseLong(m.group(3));
                assertEquals(firstSeed + i - 1, seed, message);
                assertEquals(seed, Long.parseLong(m.group(4)), message);
                // The race's own block names the seed too.
                assertTrue(message.contains("Found with schedule seed " + seed), message);
                assertTrue(run.displayNames.get(id).equals("[" + i + "/20] schedule seed " + seed), run.all());
            } else {
                assertEquals("SUCCESSFUL", status, id + "\n" + run.all());
            }
        }
        // The race is reported once per JVM: the first repetition that finds it fails, later ones pass.
        assertEquals(1, failed, "exactly one repetition should fail\n" + run.all());
        for (int i = 1; i <= 5; i++) {
            assertEquals("SUCCESSFUL", run.status(FIXTURE + "/[test-template:clean()]/[test-template-invocation:#" + i
                    + "]"), run.all());
        }
        return seed;
    }

    private static String java17() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String java25() {
        Path jdk = Path.of(System.getProperty("racecheck.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Path java = jdk.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            if ("true".equals(System.getenv("CI"))) fail("JDK 25 is missing at " + jdk);
            Assumptions.abort("JDK 25 is missing at " + jdk + " (set -Dracecheck.jdk25=DIR)");
        }
        return java.toString();
    }

    private Run launch(String java, String agentOptions, String... properties) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-javaagent:" + agentJar + "=exitcode=0" + (agentOptions.isEmpty() ? "" : "," + agentOptions));
        cmd.add("-Djunit.jupiter.extensions.autodetection.enabled=true");
        cmd.add("-Dfixtures.displayNames=1");
        cmd.addAll(List.of(properties));
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(LaunchFixtures.class.getName());
        cmd.add("sequential");
        cmd.add(ExploreFixture.class.getName());
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the forked JVM did not finish in 300 s: " + String.join(" ", cmd));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** What the forked JVM did: its status, and the RESULT and NAME lines LaunchFixtures printed. */
    private static final class Run {
        final int exitCode;
        final String stdout;
        final String stderr;
        final Map<String, String[]> results = new LinkedHashMap<>();
        final Map<String, String> displayNames = new LinkedHashMap<>();

        Run(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            for (String line : stdout.split("\n")) {
                String[] f = line.split("\t", -1);
                if (f.length == 4 && f[0].equals("RESULT")) {
                    results.put(f[2], new String[] {f[1],
                            new String(Base64.getDecoder().decode(f[3]), StandardCharsets.UTF_8)});
                } else if (f.length == 3 && f[0].equals("NAME")) {
                    displayNames.put(f[1], f[2]);
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
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
