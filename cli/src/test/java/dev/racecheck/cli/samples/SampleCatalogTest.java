package dev.racecheck.cli.samples;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SampleCatalogTest {

    static final String RACE_COUNTER = """
            package dev.racecheck.samples;

            /**
             * Three threads increment one shared counter without synchronization, so increments can be lost.
             * Expected: race on field dev.racecheck.samples.RaceCounter.value
             */
            public class RaceCounter {
                /** Not the class comment. */
                void next() {
                }
            }
            """;

    static final String NO_RACE_COUNTER_ATOMIC = """
            package dev.racecheck.samples;

            import java.util.concurrent.atomic.AtomicInteger;

            /**
             * The counter from {@link RaceCounter}, fixed with an {@code AtomicInteger}: the read and the
             * write become one atomic step.
             *
             * <p>See also {@link java.util.concurrent.atomic.AtomicInteger#incrementAndGet() incrementAndGet}
             * and {@code List<String>}, e.g. this.
             * <pre>
             *   counter.incrementAndGet();
             * </pre>
             *
             * <p>Expected: no race.
             *
             * @see RaceCounter
             */
            @SuppressWarnings("unused")
            public final class NoRaceCounterAtomic {
            }
            """;

    static Sample sample(String simpleName, String source) {
        return SampleCatalog.parse(simpleName, source).orElseThrow();
    }

    @Test
    void parsesFirstSentenceAndExpectedLine() {
        Sample s = sample("RaceCounter", RACE_COUNTER);
        assertEquals("dev.racecheck.samples.RaceCounter", s.className());
        assertEquals("RaceCounter", s.simpleName());
        assertEquals("counter", s.name());
        assertEquals("Three threads increment one shared counter without synchronization, so increments can be lost.", s.summary());
        assertEquals(List.of(s.summary()), s.paragraphs());
        assertEquals("race on field dev.racecheck.samples.RaceCounter.value", s.expected());
        assertTrue(s.expectsRace());
        assertEquals("race", s.expectedShort());
    }

    @Test
    void parsesHtmlInlineTagsAndBlockTags() {
        Sample s = sample("NoRaceCounterAtomic", NO_RACE_COUNTER_ATOMIC);
        assertEquals("no-race-counter-atomic", s.name());
        assertEquals("The counter from RaceCounter, fixed with an AtomicInteger: the read and the write become one atomic step.",
                s.summary());
        assertEquals(List.of(s.summary(), "See also incrementAndGet and List<String>, e.g. this."), s.paragraphs());
        assertEquals("no race", s.expected());
        assertFalse(s.expectsRace());
    }

    @Test
    void helperClassesAreNotSamples() {
        assertTrue(SampleCatalog.parse("Util", "package p;\n/** Helpers. */\nfinal class Util {}\n").isEmpty());
    }

    @Test
    void theNameDecidesWhenThereIsNoExpectedLine() {
        Sample racy = sample("RaceThing", "package p; public class RaceThing {}");
        assertTrue(racy.expectsRace());
        assertEquals("race", racy.expected());
        assertEquals("", racy.summary());
        assertFalse(sample("NoRaceThing", "package p;\n/** Fine. */\nclass NoRaceThing {}").expectsRace());
    }

    @Test
    void deadlockSamplesAndTheJdkTheyNeed() {
        Sample broken = sample("Deadlock", "package p;\n/**\n * Two accounts.\n *\n * <p>Expected: potential deadlock:"
                + " monitor p.Deadlock$Account => monitor p.Deadlock$Account\n */\npublic class Deadlock {}\n");
        assertEquals("deadlock", broken.name());
        assertTrue(broken.expectsDeadlock());
        assertFalse(broken.expectsRace());
        assertTrue(broken.expectsReport());
        assertEquals("deadlock", broken.expectedShort());
        Sample fixed = sample("NoDeadlock", "package p;\n/**\n * Fixed.\n *\n * <p>Expected: no deadlock\n */\npublic class NoDeadlock {}\n");
        assertEquals("no-deadlock", fixed.name());
        assertFalse(fixed.expectsReport());
        assertEquals("no deadlock", fixed.expectedShort());
        assertEquals(List.of("deadlock", "no-deadlock"), SampleCatalog.of(List.of(fixed, broken)).names(),
                "the fix right after the broken one");
        Sample virtual = sample("RaceVirtual", "package p;\n/**\n * Goroutines.\n *\n * <p>Requires: JDK 21\n *\n"
                + " * <p>Expected: race on static field p.RaceVirtual.count\n */\npublic class RaceVirtual {}\n");
        assertEquals(21, virtual.requiresJdk());
        assertEquals(List.of("Goroutines."), virtual.paragraphs(), "the Requires line is not prose");
        assertEquals(17, broken.requiresJdk());
    }

    @Test
    void demoNames() {
        assertEquals("counter", SampleCatalog.demoName("RaceCounter"));
        assertEquals("no-race-counter", SampleCatalog.demoName("NoRaceCounter"));
        assertEquals("double-checked-locking", SampleCatalog.demoName("RaceDoubleCheckedLocking"));
        assertEquals("read-write-lock-read-lock-write", SampleCatalog.demoName("RaceReadWriteLockReadLockWrite"));
        assertEquals("no-race-http-server", SampleCatalog.demoName("NoRaceHTTPServer"));
        assertEquals("racecar", SampleCatalog.demoName("Racecar"));
        assertEquals("race", SampleCatalog.demoName("Race"));
    }

    @Test
    void findByDemoNameOrClassName() {
        SampleCatalog catalog = SampleCatalog.of(List.of(
                sample("NoRaceCounterAtomic", NO_RACE_COUNTER_ATOMIC), sample("RaceCounter", RACE_COUNTER)));
        assertEquals(List.of("counter", "no-race-counter-atomic"), catalog.names(), "racy sample first, then its fixes");
        for (String q : List.of("counter", "Counter", "COUNTER", "RaceCounter", "racecounter", "race-counter",
                "dev.racecheck.samples.RaceCounter", " counter ")) {
            assertEquals("RaceCounter", catalog.find(q).map(Sample::simpleName).orElse("<none>"), q);
        }
        for (String q : List.of("no-race-counter-atomic", "NoRaceCounterAtomic", "no_race_counter_atomic", "noracecounteratomic")) {
            assertEquals("NoRaceCounterAtomic", catalog.find(q).map(Sample::simpleName).orElse("<none>"), q);
        }
        for (String q : List.of("count", "atomic", "", "Race", "dev.racecheck.samples")) {
            assertTrue(catalog.find(q).isEmpty(), q);
        }
    }

    @Test
    void theRealSamplesAreEmbedded() throws Exception {
        Path source = Path.of("../samples/src/main/java/dev/racecheck/samples/RaceCounter.java");
        assumeTrue(Files.exists(source), "no sample sources in this checkout");
        SampleCatalog catalog = SampleCatalog.load();
        Sample counter = catalog.find("counter").orElseThrow(() -> new AssertionError(catalog.names()));
        assertEquals("dev.racecheck.samples.RaceCounter", counter.className());
        assertTrue(counter.expectsRace());
        for (Sample s : catalog.samples()) {
            assertFalse(s.summary().isEmpty(), s.className() + " has no first sentence");
            assertEquals(s.simpleName().startsWith("Race"), s.expectsRace(), s.className() + ": " + s.expected());
            assertEquals(s.simpleName().startsWith("Deadlock"), s.expectsDeadlock(), s.className() + ": " + s.expected());
        }
    }
}
