package dev.racecheck.it;

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

/**
 * The Race and NoRace programs of one test package, each run under the agent on every JDK: a Race program must be
 * reported as its {@code Expected:} line says and exit 66, a NoRace program must report nothing and exit 0.
 */
public final class PackagePrograms {
    private PackagePrograms() {
    }

    /**
     * One container per JDK, one test per program of {@code javaPackage}. {@code shared}: runs go through
     * {@link JvmRun#runShared()}, so that another IT of the same JVM (the optimize differential) reuses them.
     */
    public static Stream<DynamicNode> tests(String javaPackage, boolean shared) {
        List<ProgramSource> programs = programs(javaPackage);
        List<DynamicNode> perJdk = new ArrayList<>();
        for (Jdks.Slot slot : Jdks.all()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (ProgramSource source : programs) {
                String name = source.simpleName();
                tests.add(dynamicTest(name, () -> {
                    JvmRun launch = JvmRun.on(slot.require())
                            .agent(Env.agentJar())
                            .classpath(Env.testClasses())
                            .mainClass(javaPackage + "." + name)
                            .timeout(Duration.ofMinutes(2));
                    JvmRun.Result run = shared ? launch.runShared() : launch.run();
                    if (source.expectation().race()) RaceAssertions.assertRaceDetected(run, source);
                    else RaceAssertions.assertNoRaceDetected(run, name);
                }));
            }
            perJdk.add(dynamicContainer(slot.label(), tests));
        }
        return perJdk.stream();
    }

    /** The sources of the Race* and NoRace* programs of {@code javaPackage}, by file name. */
    public static List<ProgramSource> programs(String javaPackage) {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = base.resolve("src/test/java").resolve(javaPackage.replace('.', '/'));
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
