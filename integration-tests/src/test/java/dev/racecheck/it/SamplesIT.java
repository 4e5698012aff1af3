package dev.racecheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every sample program of racecheck-samples under the agent, on every JDK of {@link Jdks#all()} (a sample whose
 * Javadoc says {@code Requires: JDK <n>} is skipped on older ones), and checks the result against what the sample's
 * source declares: its {@code Expected:} line (a race, a potential deadlock, or neither) and its
 * {@code // racy access} lines.
 */
class SamplesIT {
    private static final String PACKAGE_DIR = "dev/racecheck/samples";

    /** The sample sources, sorted by name. */
    private static List<Path> sampleFiles() throws IOException {
        Path dir = Env.samplesSources().resolve(PACKAGE_DIR);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void everySampleDeclaresWhatItExpects() throws IOException {
        List<Path> files = sampleFiles();
        assertFalse(files.isEmpty(), "no samples found");
        long races = 0;
        for (Path file : files) {
            ProgramSource source = ProgramSource.read(file); // throws on a missing or malformed Expected line
            checkName(source);
            races += source.expectation().race() ? 1 : 0;
        }
        assertTrue(races > 0 && races < files.size(), "the samples should include both racy and race-free programs");
    }

    @TestFactory
    Stream<DynamicNode> samples() throws IOException {
        List<Path> files = sampleFiles();
        return Jdks.all().stream().map(slot -> dynamicContainer(slot.label(),
                files.stream().map(file -> dynamicTest(
                        file.getFileName().toString().replace(".java", "") + " [" + slot.label() + "]",
                        file.toUri(), () -> runSample(slot, file)))));
    }

    private static final Pattern REQUIRES = Pattern.compile("(?m)^\\s*\\*\\s*(?:<p>\\s*)?Requires:\\s*JDK\\s*(\\d+)\\s*$");
    private static final Pattern HASH = Pattern.compile("@\\p{XDigit}+\\b");

    private static void runSample(Jdks.Slot slot, Path file) throws IOException {
        Jdks.Jdk jdk = slot.require();
        ProgramSource source = ProgramSource.read(file);
        checkName(source);
        Matcher requires = REQUIRES.matcher(Files.readString(file));
        if (requires.find() && jdk.feature() < Integer.parseInt(requires.group(1))) {
            Assumptions.abort(source.simpleName() + " needs JDK " + requires.group(1) + "; " + jdk.label()
                    + " cannot run it");
        }
        Path classes = Env.samplesClasses();
        JvmRun.Result run = JvmRun.on(jdk).agent(Env.agentJar()).classpath(classes).mainClass(source.className())
                .runShared();
        if (source.expectation().race()) {
            RaceAssertions.assertRaceDetected(run, source);
            return;
        }
        if (source.expectation().deadlock()) {
            assertPotentialDeadlock(run, source);
            return;
        }
        RaceAssertions.assertNoRaceDetected(run, source.simpleName());
        // The agent must not change what a correct program does: same stdout, byte for byte, as without it.
        JvmRun.Result plain = JvmRun.on(jdk).classpath(classes).mainClass(source.className()).run();
        RaceAssertions.assertExitStatus(0, plain);
        if (!Arrays.equals(plain.out(), run.out())) {
            fail(source.simpleName() + ": stdout under the agent differs from stdout without it"
                    + "\n===== run without the agent:" + plain.describe()
                    + "===== run with the agent:" + run.describe());
        }
    }

    /**
     * Status 66, one potential deadlock report whose cycle is the expected one (identity hashes aside, wherever it
     * starts), each acquisition with its stack, and no race.
     */
    private static void assertPotentialDeadlock(JvmRun.Result run, ProgramSource source) {
        RaceAssertions.assertExitStatus(RaceAssertions.RACE_EXIT_STATUS, run);
        String err = run.stderr();
        assertFalse(err.contains("DATA RACE"), () -> source.simpleName() + ": a race was reported" + run.describe());
        assertTrue(err.contains("WARNING: POTENTIAL DEADLOCK (lock-order inversion)"),
                () -> source.simpleName() + ": no potential deadlock report" + run.describe());
        Matcher cycle = Pattern.compile("(?m)^Cycle: (.*)$").matcher(err);
        assertTrue(cycle.find(), run::describe);
        List<String> locks = new ArrayList<>(Arrays.asList(HASH.matcher(cycle.group(1)).replaceAll("").split(" => ")));
        locks.remove(locks.size() - 1);
        boolean same = false;
        for (int shift = 0; shift < locks.size() && !same; shift++) {
            List<String> rotated = new ArrayList<>(locks);
            Collections.rotate(rotated, shift);
            same = rotated.equals(source.expectation().cycle());
        }
        boolean matches = same;
        assertTrue(matches, () -> source.simpleName() + ": cycle " + locks + ", expected " + source.expectation().cycle()
                + run.describe());
        long stacks = err.lines().filter(l -> l.contains(" acquired while holding ")
                || l.endsWith(" previously acquired by the same thread at:")).count();
        assertEquals(2L * locks.size(), stacks, () -> source.simpleName() + ": every edge and where its held lock was"
                + " taken" + run.describe());
        assertTrue(err.strip().endsWith("racecheck: found 0 data race(s), 1 potential deadlock(s)"), run::describe);
    }

    /** Race* samples expect a race, NoRace* samples expect none; Deadlock* a potential deadlock, NoDeadlock* none. */
    private static void checkName(ProgramSource source) {
        String name = source.simpleName();
        if (name.startsWith("NoDeadlock")) {
            assertFalse(source.expectation().race() || source.expectation().deadlock(),
                    name + " is named NoDeadlock* but expects " + source.expectation());
        } else if (name.startsWith("Deadlock")) {
            assertTrue(source.expectation().deadlock(), name + " is named Deadlock* but expects " + source.expectation());
        } else if (name.startsWith("NoRace")) {
            assertFalse(source.expectation().race(), name + " is named NoRace* but expects " + source.expectation());
        } else if (name.startsWith("Race")) {
            assertTrue(source.expectation().race(), name + " is named Race* but expects " + source.expectation());
        } else {
            fail(name + ": sample names start with Race (racy), NoRace (race-free), Deadlock (a lock-order inversion)"
                    + " or NoDeadlock");
        }
        assertEquals("dev.racecheck.samples." + name, source.className(), name + " is not in package dev.racecheck.samples");
    }
}
