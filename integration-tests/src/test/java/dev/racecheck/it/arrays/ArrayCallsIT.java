package dev.racecheck.it.arrays;

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
 * Array elements read or written inside the JDK ({@code System.arraycopy}, {@code clone()}, {@code Arrays.fill},
 * {@code sort}, {@code copyOf}): each Race program of this package must be reported, naming the element, with the
 * program's call as the top frame of that access, and exit 66; each NoRace program must report nothing and exit 0.
 * Every program is deterministic: its two accesses are ordered by nothing, or by a join or a lock, in every schedule.
 */
class ArrayCallsIT {
    private static final String PACKAGE_DIR = "dev/racecheck/it/arrays";

    @TestFactory
    Stream<DynamicNode> arrayCalls() {
        List<DynamicNode> perJdk = new ArrayList<>();
        for (Jdks.Slot slot : Jdks.all()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (ProgramSource source : programs()) {
                String name = source.simpleName();
                tests.add(dynamicTest(name, () -> {
                    JvmRun.Result run = JvmRun.on(slot.require())
                            .agent(Env.agentJar())
                            .classpath(Env.testClasses())
                            .mainClass("dev.racecheck.it.arrays." + name)
                            .timeout(Duration.ofMinutes(2))
                            .runShared();
                    if (source.expectation().race()) RaceAssertions.assertRaceDetected(run, source);
                    else RaceAssertions.assertNoRaceDetected(run, name);
                }));
            }
            perJdk.add(dynamicContainer(slot.label(), tests));
        }
        return perJdk.stream();
    }

    private static List<ProgramSource> programs() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = base.resolve("src/test/java").resolve(PACKAGE_DIR);
        List<ProgramSource> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".java") && (name.startsWith("Race") || name.startsWith("NoRace"))) {
                    list.add(ProgramSource.parse(Files.readString(file, StandardCharsets.UTF_8), name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }
}
