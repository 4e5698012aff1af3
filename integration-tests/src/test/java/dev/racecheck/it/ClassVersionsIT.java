package dev.racecheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Races in class files of different versions and with newer language features: programs compiled at test time with
 * {@code javac --release 8} (class version 52) by the JDK running the tests, with {@code --release 25} (class
 * version 69) by the JDK 25, and a program full of records, enums with constant bodies, default methods, lambdas,
 * anonymous and inner classes. Each runs without the agent first (it must work) and then under it (the race must
 * be reported with both stacks).
 */
class ClassVersionsIT {

    /** Java 8 source: an anonymous class and a lambda race on a static field. */
    static final String JAVA8_RACE = """
            package classversions;

            /**
             * A race in a class file of version 52 (Java 8).
             * Expected: race on static field classversions.Java8Race.shared
             */
            public class Java8Race {
                static int shared;

                public static void main(String[] args) throws InterruptedException {
                    Thread writer = new Thread(new Runnable() {
                        @Override
                        public void run() {
                            shared = 1; // racy access
                        }
                    }, "writer");
                    writer.start();
                    Runnable reader = () -> {
                        int seen = shared; // racy access
                        System.out.println("Java8Race: main read " + (seen >= 0 ? "a value" : "?"));
                    };
                    reader.run();
                    writer.join();
                }
            }
            """;

    /** Java 25 source: sealed types, record patterns, unnamed variables, a flexible constructor body. */
    static final String JAVA25_RACE = """
            package classversions;

            /**
             * A race in a class file of version 69 (Java 25): record patterns, unnamed variables, a flexible constructor body.
             * Expected: race on field classversions.Java25Race$Counter.hits
             */
            public class Java25Race {
                sealed interface Shape permits Circle, Rect {}
                record Circle(double r) implements Shape {}
                record Rect(double w, double h) implements Shape {}

                static final class Counter {
                    private final String name;
                    int hits;

                    Counter(String name) {
                        if (name.isBlank()) {
                            throw new IllegalArgumentException("blank name");
                        }
                        this.name = name; // assigned before super(): a Java 25 flexible constructor body
                        super();
                    }
                }

                static String kind(Shape s) {
                    return switch (s) {
                        case Circle(var r) when r > 10 -> "big circle";
                        case Circle _ -> "circle";
                        case Rect(var w, _) -> "rect of width " + w;
                    };
                }

                public static void main(String[] args) throws InterruptedException {
                    Counter counter = new Counter("shapes");
                    Thread worker = new Thread(() -> {
                        for (Shape s : new Shape[] {new Circle(1), new Rect(2, 3)}) {
                            if (!kind(s).isEmpty()) {
                                counter.hits++; // racy access
                            }
                        }
                    }, "worker");
                    worker.start();
                    counter.hits++; // racy access
                    worker.join();
                    System.out.println("Java25Race: " + counter.name + " done");
                }
            }
            """;

    /** Java 17 source: the race happens inside lambdas created in an inner class and in an anonymous class. */
    static final String MODERN_RACE = """
            package classversions;

            import java.util.function.IntSupplier;

            /**
             * Records, enums with constant-specific bodies, default methods, lambdas, anonymous and inner classes; the race is inside lambdas.
             * Expected: race on field classversions.ModernRace.total
             */
            public class ModernRace {
                interface Named {
                    String name();

                    default String greet() {
                        return "hello " + name();
                    }
                }

                record Point(int x, int y) implements Named {
                    public String name() {
                        return "point(" + x + ", " + y + ")";
                    }
                }

                enum Mode {
                    FAST { @Override int cost() { return 1; } },
                    SLOW { @Override int cost() { return 10; } };

                    abstract int cost();
                }

                int total;

                final class Adder {
                    Runnable task(int amount) {
                        return () -> {
                            total += amount; // racy access
                        };
                    }
                }

                public static void main(String[] args) throws InterruptedException {
                    ModernRace app = new ModernRace();
                    Point p = new Point(1, 2);
                    Runnable viaInnerClass = app.new Adder().task(p.x() + Mode.FAST.cost());
                    Runnable viaAnonymousClass = new Runnable() {
                        @Override
                        public void run() {
                            IntSupplier amount = Mode.SLOW::cost;
                            Runnable add = () -> {
                                app.total += amount.getAsInt(); // racy access
                            };
                            add.run();
                        }
                    };
                    Thread a = new Thread(viaInnerClass, "inner-class-lambda");
                    Thread b = new Thread(viaAnonymousClass, "anonymous-class-lambda");
                    a.start();
                    b.start();
                    a.join();
                    b.join();
                    System.out.println("ModernRace: " + p.greet() + ", total " + (app.total > 0 ? "positive" : "zero"));
                }
            }
            """;

    @TempDir
    static Path work;

    /** Compiled class directories by "javac home + release + file", so each program is compiled once. */
    private static final Map<String, Path> COMPILED = new HashMap<>();

    static Stream<Jdks.Slot> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void classVersion52CompiledWithRelease8(Jdks.Slot slot) {
        Jdks.Jdk runOn = slot.require();
        Path classes = compile(Jdks.current(), 8, "Java8Race.java", JAVA8_RACE);
        assertClassVersion(52, classes.resolve("classversions/Java8Race.class"));
        runRacy(runOn, classes, ProgramSource.parse(JAVA8_RACE, "Java8Race.java"));
    }

    @Test
    void classVersion69CompiledWithRelease25() {
        Jdks.Jdk jdk25 = Jdks.jdk25().require();
        Path classes = compile(jdk25, 25, "Java25Race.java", JAVA25_RACE);
        assertClassVersion(69, classes.resolve("classversions/Java25Race.class"));
        runRacy(jdk25, classes, ProgramSource.parse(JAVA25_RACE, "Java25Race.java"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void raceInsideLambdasOfInnerAndAnonymousClasses(Jdks.Slot slot) {
        Jdks.Jdk runOn = slot.require();
        Path classes = compile(Jdks.current(), 17, "ModernRace.java", MODERN_RACE);
        runRacy(runOn, classes, ProgramSource.parse(MODERN_RACE, "ModernRace.java"));
    }

    /** Runs the program without the agent (it must work and exit 0), then under it (race reported, status 66). */
    private static void runRacy(Jdks.Jdk jdk, Path classes, ProgramSource source) {
        JvmRun.Result plain = JvmRun.on(jdk).classpath(classes).mainClass(source.className()).run();
        RaceAssertions.assertExitStatus(0, plain);
        JvmRun.Result run = JvmRun.on(jdk).agent(Env.agentJar()).classpath(classes).mainClass(source.className()).run();
        RaceAssertions.assertRaceDetected(run, source);
    }

    /** Compiles one source file with {@code jdk}'s javac at the given release; returns the class output directory. */
    private static synchronized Path compile(Jdks.Jdk jdk, int release, String fileName, String source) {
        String key = jdk.home() + "|" + release + "|" + fileName;
        Path cached = COMPILED.get(key);
        if (cached != null) {
            return cached;
        }
        if (!jdk.hasJavac()) {
            fail(jdk + " has no javac (" + jdk.javac() + "); the integration tests need a full JDK");
        }
        try {
            Path dir = Files.createTempDirectory(work, jdk.label() + "-release" + release + "-");
            Path src = dir.resolve("src/classversions").resolve(fileName);
            Files.createDirectories(src.getParent());
            Files.writeString(src, source, StandardCharsets.UTF_8);
            Path out = dir.resolve("classes");
            List<String> command = new ArrayList<>(List.of(jdk.javac().toString(), "--release", String.valueOf(release),
                    "-Xlint:-options", "-encoding", "UTF-8", "-d", out.toString(), src.toString()));
            JvmRun.Result javac = JvmRun.exec(command, Map.of(), dir, JvmRun.DEFAULT_TIMEOUT);
            if (javac.timedOut() || javac.exitCode() != 0) {
                fail("javac failed for " + fileName + javac.describe());
            }
            COMPILED.put(key, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertClassVersion(int expectedMajor, Path classFile) {
        try {
            byte[] b = Files.readAllBytes(classFile);
            int major = ((b[6] & 0xff) << 8) | (b[7] & 0xff);
            assertEquals(expectedMajor, major, "class file version (major) of " + classFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
