package dev.racecheck.it.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;
import dev.racecheck.it.ProgramSource;
import dev.racecheck.it.RaceAssertions;
import dev.racecheck.it.RaceText;

/**
 * Stacks under a test framework: {@link FrameworkSuite} runs {@value #TESTS} generated test methods, each under about
 * 70 frames of which the framework's are the same for every test, and races once. racecheck must report the race's
 * earlier access (the one rebuilt from what racecheck kept) with exactly the stack a StackWalker saw there, every
 * frame from the racy line down to {@code main}, JDK frames ({@code ArrayList.forEach}) included; and must keep the
 * stacks of the suite's ~8,000 distinct call paths in little memory, walking little of each stack.
 *
 * <p>The bounds, from what racecheck prints with verbose=1:
 * <ul>
 *   <li>Stack nodes: the framework's frames are the same for every test, so a test adds only the frames above the
 *       framework's: its test method and what it calls ({@link FrameworkSuite#touch}: 5 frames at most), each kept
 *       once per test. At most {@value #NODES_PER_TEST} per test plus the framework's own once: without sharing,
 *       each of the ~8 captures of a test would keep its ~70 frames, over 500,000 in all.</li>
 *   <li>Arrays: at most about 40 bytes per call path and per stack node (see CallPaths), under 1 MB for this suite.</li>
 *   <li>Walks: a test's frame below the framework's is still in the same call for every capture of the class's tests
 *       (the class's {@code children.forEach}), so walks are partial and stop there: on average under
 *       {@value #FRAMES_PER_WALK} frames of the ~70.</li>
 * </ul>
 */
class StacksIT {
    static final int CLASSES = 20;
    static final int METHODS = 50;
    static final int TESTS = CLASSES * METHODS;
    static final int NODES_PER_TEST = 10;
    static final int FRAMES_PER_WALK = 25;

    private static final Pattern STACKS = Pattern.compile("racecheck: stacks: (\\d+) call paths.*?, (\\d+) stack nodes"
            + " over (\\d+) distinct frames, (\\d+) KB of arrays; (\\d+) stack walks \\((\\d+) partial\\), (\\d+) frames"
            + " walked");

    @TempDir
    static Path work;
    /** The generated test classes' directory and names, made once. */
    private static Path generated;
    private static List<String> generatedNames;

    static Stream<Jdks.Slot> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aThousandTestsUnderADeepFrameworkStackKeepWholeStacksInLittleMemory(Jdks.Slot slot) {
        Jdks.Jdk jdk = slot.require();
        Path classes = generate();
        JvmRun.Result run = JvmRun.on(jdk)
                .agent(Env.agentJar(), "verbose=1,exclude=" + Signal.class.getName())
                .classpath(Env.testClasses(), classes)
                .mainClass(FrameworkSuite.class.getName(), generatedNames.toArray(String[]::new))
                .timeout(Duration.ofMinutes(3))
                .run();
        RaceAssertions.assertRaceDetected(run, source());
        assertTrue(run.stdout().contains("tests=" + TESTS + " "), () -> "every test should have run" + run.describe());

        List<String> printed = run.stdout().lines().filter(l -> l.startsWith("STACK ")).map(l -> l.substring(6)).toList();
        assertTrue(printed.size() > 60, () -> "the program should print the racy write's stack" + run.describe());
        List<RaceText.Warning> warnings = RaceText.parse(run.stderr());
        assertEquals(1, warnings.size(), () -> "one race" + run.describe());
        RaceText.Access previous = warnings.get(0).previous();
        assertTrue(previous.header().contains("\"main\""), () -> "main's write comes first (Signal)" + run.describe());
        List<String> reported = previous.frames().stream().map(f -> f == null ? "?" : f.text()).toList();
        assertEquals(printed, reported, () -> "the earlier access's stack should be the one the StackWalker saw"
                + run.describe());
        assertEquals("main", previous.frames().get(previous.frames().size() - 1).method());

        RaceText.ThreadLine racer = warnings.get(0).threads().stream().filter(t -> t.name().equals("racer"))
                .findFirst().orElseThrow(() -> new AssertionError("no racer thread block" + run.describe()));
        List<String> startedAt = racer.startedAt().stream().map(f -> f == null ? "?" : f.text()).toList();
        // Started one line above the racy write, in the same frames below.
        assertEquals(printed.subList(1, printed.size()), startedAt.subList(1, startedAt.size()),
                () -> "the racer's start stack" + run.describe());

        Matcher m = STACKS.matcher(run.stderr());
        assertTrue(m.find(), () -> "verbose=1 should describe the stacks kept" + run.describe());
        long nodes = Long.parseLong(m.group(2));
        long kilobytes = Long.parseLong(m.group(4));
        long walks = Long.parseLong(m.group(5));
        long partial = Long.parseLong(m.group(6));
        long walked = Long.parseLong(m.group(7));
        assertTrue(nodes <= (long) NODES_PER_TEST * TESTS + printed.size(),
                () -> nodes + " stack nodes for " + TESTS + " tests" + run.describe());
        assertTrue(kilobytes < 1024, () -> kilobytes + " KB of stack arrays" + run.describe());
        assertTrue(walks >= TESTS, () -> walks + " walks: each test makes new call paths" + run.describe());
        assertTrue(partial * 10 >= walks * 9, () -> partial + " partial walks of " + walks + run.describe());
        assertTrue(walked <= FRAMES_PER_WALK * walks, () -> walked + " frames walked in " + walks + " walks"
                + run.describe());
    }

    /** Writes and compiles the test classes once; returns their directory. */
    private static synchronized Path generate() {
        if (generated != null) return generated;
        Path out = work.resolve("classes");
        Path src = work.resolve("src");
        List<String> names = GeneratedTests.write(src, CLASSES, METHODS);
        Jdks.Jdk jdk = Jdks.current();
        if (!jdk.hasJavac()) fail(jdk + " has no javac (" + jdk.javac() + "); the integration tests need a full JDK");
        try (Stream<Path> files = Files.walk(src)) {
            List<String> command = new ArrayList<>(List.of(jdk.javac().toString(), "--release", "17", "-encoding",
                    "UTF-8", "-cp", Env.testClasses().toString(), "-d", out.toString()));
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> command.add(p.toString()));
            JvmRun.Result javac = JvmRun.exec(command, Map.of(), work, Duration.ofMinutes(2));
            if (javac.timedOut() || javac.exitCode() != 0) fail("javac failed for the generated tests" + javac.describe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generatedNames = names;
        generated = out;
        return out;
    }

    private static ProgramSource source() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        return ProgramSource.read(base.resolve("src/test/java").resolve(
                FrameworkSuite.class.getName().replace('.', '/') + ".java"));
    }
}
