package dev.racecheck.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;
import dev.racecheck.it.ProgramSource;
import dev.racecheck.it.RaceAssertions;
import dev.racecheck.it.RaceText;

/**
 * Races on the JDK's containers that are not thread-safe, as pairs of programs in this package: each
 * {@code Race<Container>} uses one from two threads with nothing ordering the calls and must report a race between
 * the two operations its {@code Expected:} line names ({@code java.util.HashMap (HashMap.put vs HashMap.get)}), both
 * stacks starting with the operation's frame followed by the program's {@code // racy access} line, and exit 66;
 * each of its {@code NoRace} partners ({@link #PAIRS}) does the same correctly (a lock, a synchronized wrapper, a
 * concurrent map, join, a queue or a future in between, or only reads) and must report nothing and exit 0.
 *
 * <p>Every program runs in a JVM of its own with the real agent, on every JDK of {@link Jdks#all()}, a few at a time.
 * A Race program that reported nothing is run again, up to {@link #RETRIES} more times (JDK-internal first-use work
 * can order two threads by accident, see {@code Programs}); a NoRace program never is.
 */
class ContainersIT {
    private static final String PACKAGE_DIR = "dev/racecheck/it/containers";
    private static final int RETRIES = 2;

    private static final List<String> VIEW_PARTNERS = List.of("NoRaceViewsJoined", "NoRaceViewsLocked",
            "NoRaceViewsOfOwnContainers");
    private static final List<String> SYNCHRONIZED_VIEW_PARTNERS = List.of("NoRaceSynchronizedViewsIterateLocked",
            "NoRaceSynchronizedViewSharedLocked", "NoRaceSynchronizedViewsDataMethods");
    private static final List<String> COPY_PARTNERS = List.of("NoRaceCopiesJoined", "NoRaceCopiesOfReadOnlyShared");

    /** Each Race program and the NoRace programs that are its correct forms. */
    static final Map<String, List<String>> PAIRS = Map.ofEntries(
            Map.entry("RaceHashMap", List.of("NoRaceHashMapLocked", "NoRaceHashMapReentrantLock", "NoRaceHashMapJoin",
                    "NoRaceHashMapBlockingQueue", "NoRaceHashMapSynchronizedMap", "NoRaceConcurrentHashMap",
                    "NoRaceHashMapReads")),
            Map.entry("RaceArrayList", List.of("NoRaceArrayListLocked", "NoRaceArrayListSynchronizedList")),
            Map.entry("RaceStringBuilder", List.of("NoRaceStringBuilderJoin")),
            Map.entry("RaceSimpleDateFormat", List.of("NoRaceSimpleDateFormatThreadLocal")),
            Map.entry("RaceTreeMap", List.of("NoRaceTreeMapReadWriteLock")),
            Map.entry("RaceArrayDeque", List.of("NoRaceArrayDequeLocked")),
            Map.entry("RaceHashSet", List.of("NoRaceHashSetFuture")),
            Map.entry("RaceLinkedHashMapSubclass", List.of("NoRaceLinkedHashMapSubclass")),
            Map.entry("RaceLinkedHashMapAccessOrder", List.of("NoRaceLinkedHashMapInsertionOrder")),
            Map.entry("RaceHashMapsThreadPool", List.of("NoRaceHashMapsThreadPool")),
            Map.entry("RaceArrayListMethodReference", List.of("NoRaceArrayListMethodReferenceSynchronized")),
            // Synchronized wrappers: iteration without the lock, two wrappers over one collection.
            Map.entry("RaceSynchronizedListIterateUnlocked", List.of("NoRaceSynchronizedListIterateLocked")),
            Map.entry("RaceSynchronizedMapKeySetLockedOnView", List.of("NoRaceSynchronizedMapKeySetLocked")),
            Map.entry("RaceSynchronizedCollectionsOneBacking", List.of("NoRaceSynchronizedCollectionOneWrapper")),
            Map.entry("RaceSynchronizedListStream", List.of("NoRaceSynchronizedListBulkMethods")),
            // Synchronized wrappers' views made (after another thread's write) and iterated without the lock: the
            // lock their view-making methods take inside is no edge.
            Map.entry("RaceSynchronizedMapKeySetUnlocked", SYNCHRONIZED_VIEW_PARTNERS),
            Map.entry("RaceSynchronizedMapEntrySetUnlocked", SYNCHRONIZED_VIEW_PARTNERS),
            Map.entry("RaceSynchronizedMapValuesUnlocked", SYNCHRONIZED_VIEW_PARTNERS),
            Map.entry("RaceSynchronizedMapKeySetMadeLateLockedOnView", SYNCHRONIZED_VIEW_PARTNERS),
            Map.entry("RaceSynchronizedListSubListUnlocked", SYNCHRONIZED_VIEW_PARTNERS),
            Map.entry("RaceSynchronizedSortedMapHeadMapUnlocked", SYNCHRONIZED_VIEW_PARTNERS),
            Map.entry("RaceSynchronizedNavigableSetDescendingIterator", SYNCHRONIZED_VIEW_PARTNERS),
            // Views, iterators and entries.
            Map.entry("RaceIteratorRemove", VIEW_PARTNERS),
            Map.entry("RaceKeySetRemoveIf", VIEW_PARTNERS),
            Map.entry("RaceEntrySetValue", VIEW_PARTNERS),
            Map.entry("RaceSubListClear", VIEW_PARTNERS),
            Map.entry("RaceTreeMapSubMapPut", VIEW_PARTNERS),
            Map.entry("RaceNavigableKeySetPollFirst", VIEW_PARTNERS),
            Map.entry("RaceHashSetIterator", VIEW_PARTNERS),
            Map.entry("RaceTreeSetTailSetRemove", VIEW_PARTNERS),
            Map.entry("RaceUnmodifiableListRead", VIEW_PARTNERS),
            Map.entry("RaceListIteratorSet", VIEW_PARTNERS),
            // Copies, conversions and helpers that read (or write) a container passed to them.
            Map.entry("RaceCopyConstructor", COPY_PARTNERS),
            Map.entry("RaceCollectionsSort", COPY_PARTNERS),
            Map.entry("RaceCollectionsMax", COPY_PARTNERS),
            Map.entry("RaceStringJoin", COPY_PARTNERS),
            Map.entry("RaceAddAllArgument", COPY_PARTNERS),
            Map.entry("RaceMapCopyOf", COPY_PARTNERS),
            Map.entry("RaceListEquals", COPY_PARTNERS),
            Map.entry("RaceStringConcatBuilder", COPY_PARTNERS),
            Map.entry("RacePrintMap", COPY_PARTNERS));

    record Program(String name, ProgramSource source) {
        boolean racy() {
            return source.expectation().race();
        }
    }

    private static List<Program> programs;

    static synchronized List<Program> programs() {
        if (programs != null) {
            return programs;
        }
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = base.resolve("src/test/java").resolve(PACKAGE_DIR);
        List<Program> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".java") && (name.startsWith("Race") || name.startsWith("NoRace"))) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    list.add(new Program(name.substring(0, name.length() - 5), ProgramSource.parse(text, name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        programs = List.copyOf(list);
        return programs;
    }

    @Test
    void everyProgramIsPairedAndNamedForWhatItExpects() {
        Set<String> names = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Program p : programs()) {
            names.add(p.name());
            assertEquals("dev.racecheck.it.containers." + p.name(), p.source().className());
            if (p.name().startsWith("NoRace") == p.racy()) {
                problems.add(p.name() + " expects " + p.source().expectation());
            }
            if (p.racy() && p.source().expectation().operations().isEmpty()) {
                problems.add(p.name() + " does not name the two operations: 'Expected: race on <Class> (<op> vs <op>)'");
            }
        }
        Set<String> paired = new TreeSet<>();
        PAIRS.forEach((race, partners) -> {
            paired.add(race);
            paired.addAll(partners);
        });
        if (!paired.equals(names)) {
            problems.add("PAIRS names " + paired + " but the programs are " + names);
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static final ExecutorService LAUNCHER = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors() + 1, r -> {
                Thread t = new Thread(r, "containers-launcher");
                t.setDaemon(true);
                return t;
            });

    @TestFactory
    Stream<DynamicNode> containers() {
        List<DynamicNode> perJdk = new ArrayList<>();
        for (Jdks.Slot slot : Jdks.all()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Program p : programs()) {
                String name = p.name() + " [" + slot.label() + "]";
                if (!slot.present()) {
                    tests.add(dynamicTest(name, () -> slot.require()));
                    continue;
                }
                Jdks.Jdk jdk = slot.jdk();
                Future<JvmRun.Result> run = LAUNCHER.submit(() -> launchShared(p, jdk));
                tests.add(dynamicTest(name, () -> check(p, retryMissed(p, jdk, await(run)))));
            }
            perJdk.add(dynamicContainer(slot.label(), tests));
        }
        return perJdk.stream();
    }

    private static JvmRun.Result launch(Program p, Jdks.Jdk jdk) {
        return JvmRun.on(jdk).agent(Env.agentJar()).classpath(Env.testClasses()).mainClass(p.source().className())
                .run();
    }

    /** The first run of a program: shared with the optimization differential test. */
    private static JvmRun.Result launchShared(Program p, Jdks.Jdk jdk) {
        return JvmRun.on(jdk).agent(Env.agentJar()).classpath(Env.testClasses()).mainClass(p.source().className())
                .runShared();
    }

    private static JvmRun.Result retryMissed(Program p, Jdks.Jdk jdk, JvmRun.Result first) {
        JvmRun.Result run = first;
        for (int attempt = 2; p.racy() && missed(run) && attempt <= RETRIES + 1; attempt++) {
            System.err.println("[ContainersIT] " + p.name() + " on " + jdk.label() + " reported no race; running it"
                    + " again, attempt " + attempt);
            run = launch(p, jdk);
        }
        return run;
    }

    private static boolean missed(JvmRun.Result run) {
        return !run.timedOut() && run.exitCode() == 0 && !run.stderr().contains(RaceText.WARNING);
    }

    private static JvmRun.Result await(Future<JvmRun.Result> run) throws Throwable {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void check(Program p, JvmRun.Result run) {
        if (p.racy()) {
            RaceAssertions.assertRaceDetected(run, p.source());
        } else {
            RaceAssertions.assertNoRaceDetected(run, p.name());
        }
    }
}
