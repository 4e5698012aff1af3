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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every sample program of racecheck-samples under the agent, on every JDK of {@link Jdks#all()}, and checks
 * the result against what the sample's source declares: its {@code Expected:} line and its {@code // racy access}
 * lines.
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

    private static void runSample(Jdks.Slot slot, Path file) {
        Jdks.Jdk jdk = slot.require();
        ProgramSource source = ProgramSource.read(file);
        checkName(source);
        Path classes = Env.samplesClasses();
        JvmRun.Result run = JvmRun.on(jdk).agent(Env.agentJar()).classpath(classes).mainClass(source.className())
                .runShared();
        if (source.expectation().race()) {
            RaceAssertions.assertRaceDetected(run, source);
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

    /** Race* samples expect a race, NoRace* samples expect none. */
    private static void checkName(ProgramSource source) {
        String name = source.simpleName();
        if (name.startsWith("NoRace")) {
            assertFalse(source.expectation().race(), name + " is named NoRace* but expects " + source.expectation());
        } else if (name.startsWith("Race")) {
            assertTrue(source.expectation().race(), name + " is named Race* but expects " + source.expectation());
        } else {
            fail(name + ": sample names start with Race (racy) or NoRace (race-free)");
        }
        assertEquals("dev.racecheck.samples." + name, source.className(), name + " is not in package dev.racecheck.samples");
    }
}
