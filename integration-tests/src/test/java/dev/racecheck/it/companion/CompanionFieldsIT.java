package dev.racecheck.it.companion;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;
import dev.racecheck.it.ProgramSource;
import dev.racecheck.it.RaceAssertions;

/**
 * racecheck keeps each instance field's race state in a companion field it adds to the class (private, transient,
 * synthetic). These programs check what that must not change: a clone is an object of its own (clone() copies the
 * companion), serialization sees the same serialVersionUID, fields and bytes, and the race on a shared clone is
 * still found. Each runs on every JDK; a race-free one must print the same as without the agent.
 */
class CompanionFieldsIT {
    private static final List<String> PROGRAMS = List.of("NoRaceClonedObject", "RaceClonedObject", "NoRaceSerializedObject");

    @TestFactory
    Stream<DynamicNode> programs() {
        return Jdks.all().stream().map(slot -> dynamicContainer(slot.label(), PROGRAMS.stream()
                .map(name -> dynamicTest(name + " [" + slot.label() + "]", () -> run(slot, name)))));
    }

    private static void run(Jdks.Slot slot, String name) {
        Jdks.Jdk jdk = slot.require();
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        ProgramSource source = ProgramSource.read(base.resolve("src/test/java/dev/racecheck/it/companion/" + name + ".java"));
        Path classes = Env.testClasses();
        JvmRun.Result run = JvmRun.on(jdk).agent(Env.agentJar()).classpath(classes).mainClass(source.className()).run();
        if (source.expectation().race()) {
            RaceAssertions.assertRaceDetected(run, source);
            return;
        }
        RaceAssertions.assertNoRaceDetected(run, name);
        JvmRun.Result plain = JvmRun.on(jdk).classpath(classes).mainClass(source.className()).run();
        RaceAssertions.assertExitStatus(0, plain);
        if (!Arrays.equals(plain.out(), run.out())) {
            fail(name + ": stdout under the agent differs from stdout without it"
                    + "\n===== run without the agent:" + plain.describe() + "===== run with the agent:" + run.describe());
        }
    }
}
