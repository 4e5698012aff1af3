package dev.racecheck.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.reports.Race;

/**
 * Real threads driving the event interface ({@link RaceEvents}) in-process, as instrumented code would. No agent is
 * attached, so {@code Thread.start} is not hooked: each thread gets a fresh state (no fork edge), and only
 * happens-before this test creates itself (modelled lock, volatile, join) orders their accesses.
 */
@Timeout(60)
class RaceEventsConcurrencyTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final int THREADS = 4;
    private static final int ITERATIONS = 5_000;

    private final String field = "h" + NAMES.incrementAndGet() + "_" + System.nanoTime();
    private final int key = Sites.fieldKey(field, "I");
    private final int readSite = Sites.register("test.Hammer", "run", "Hammer.java", 10, "test.Hammer", field);
    private final int writeSite = Sites.register("test.Hammer", "run", "Hammer.java", 11, "test.Hammer", field);

    private List<Race> races() {
        return Reporter.races().stream().filter(r -> field.equals(r.target().name())).toList();
    }

    private static void runAll(List<Thread> threads) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (Thread t : threads) {
            t.setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
            t.start();
        }
        for (Thread t : threads) t.join();
        if (failure.get() != null) throw new AssertionError("worker failed", failure.get());
    }

    /**
     * The lock-protected hammer, in this JVM. When earlier tests have handed out many thread slots, the threads'
     * clocks have slot + 1 entries (slots of 16 and more) and differ in length, which triggers the vector clock growth
     * bug (see {@code VectorClockTest.acquire_back_and_forth_should_not_grow_the_clocks_without_bound}): every lock
     * round trip doubles the clocks, and the test never finishes.
     */
    @Test
    void threads_hammering_one_field_under_a_modelled_lock_should_report_nothing() throws Exception {
        assertEquals(THREADS * ITERATIONS, LockedHammer.run(field, THREADS, ITERATIONS));
        assertEquals(List.of(), races());
    }

    /**
     * The same hammer in a fresh JVM (this test class path), where the worker threads get slots 1 to 4: their clocks
     * stay at 8 entries, so this checks the detector's concurrency (variable states updated by several cores under
     * the lock model) apart from the clock growth bug above.
     */
    @Test
    void threads_hammering_one_field_under_a_modelled_lock_in_a_fresh_jvm_should_report_nothing() throws Exception {
        Path log = Files.createTempFile("racecheck-hammer", ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockedHammer.class.getName(), log.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(50, TimeUnit.SECONDS), "child JVM finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("races=0 value=80000"), out);
    }

    @Test
    void threads_hammering_one_field_without_synchronization_should_report_a_race() throws Exception {
        Object owner = new Object();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(new Thread(() -> {
                ThreadState ts = RaceEvents.thread();
                await(start);
                for (int n = 0; n < ITERATIONS; n++) {
                    RaceEvents.read(owner, key, readSite, ts, 0);
                    RaceEvents.write(owner, key, writeSite, ts, 0);
                }
            }, "unlocked-" + i));
        }
        runAll(threads);
        List<Race> rs = races();
        // Two sites make at most three distinct pairs (w-w, w-r, and r-w folds into w-r): reported once each.
        assertFalse(rs.isEmpty(), "unsynchronized writes of several threads race");
        assertTrue(rs.size() <= 2, () -> "each pair of sites is reported once: " + rs);
        long occurrences = rs.stream().mapToLong(Race::occurrences).sum();
        assertTrue(occurrences >= 1);
    }

    @Test
    void a_modelled_volatile_publication_should_order_the_data() throws Exception {
        Object data = new Object();
        Object flagOwner = new Object();
        AtomicInteger flag = new AtomicInteger(); // the real publication; the model sees volatileWrite/volatileRead
        Thread producer = new Thread(() -> {
            ThreadState ts = RaceEvents.thread();
            RaceEvents.write(data, key, writeSite, ts, 0);
            RaceEvents.volatileWrite(flagOwner, 0, ts);
            flag.set(1);
        }, "producer");
        Thread consumer = new Thread(() -> {
            ThreadState ts = RaceEvents.thread();
            while (flag.get() == 0) Thread.onSpinWait();
            RaceEvents.volatileRead(flagOwner, 0, ts);
            RaceEvents.read(data, key, readSite, ts, 0);
            RaceEvents.write(data, key, writeSite, ts, 0);
        }, "consumer");
        runAll(List.of(consumer, producer));
        assertEquals(List.of(), races());
    }

    @Test
    void concurrent_readers_then_a_joining_writer_should_not_race() throws Exception {
        Object owner = new Object();
        List<Thread> readers = readers(owner);
        for (Thread t : readers) t.start();
        ThreadState main = RaceEvents.thread();
        for (Thread t : readers) RaceEvents.join(t); // Thread.join as instrumented code calls it
        RaceEvents.write(owner, key, writeSite, main, 0);
        assertEquals(List.of(), races());
    }

    @Test
    void concurrent_readers_then_a_writer_that_did_not_join_should_race_with_each_reader() throws Exception {
        Object owner = new Object();
        List<Thread> readers = readers(owner);
        runAll(readers); // joined for real, but the model is not told
        ThreadState main = RaceEvents.thread();
        int before = races().size();
        RaceEvents.write(owner, key, writeSite, main, 0);
        List<Race> rs = races();
        // All readers used one site, so the read-write races of this one write fold into one report...
        assertEquals(before + 1, rs.size(), () -> rs.toString());
        // ...that counts every unordered reader.
        assertEquals(THREADS, rs.get(rs.size() - 1).occurrences());
    }

    private List<Thread> readers(Object owner) {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            readers.add(new Thread(() -> {
                ThreadState ts = RaceEvents.thread();
                await(start);
                for (int n = 0; n < ITERATIONS; n++) {
                    RaceEvents.read(owner, key, readSite, ts, 0);
                    if (n % 100 == 0) ts.tick(); // new epochs: the read-shared slow path runs concurrently
                }
            }, "reader-" + i));
        }
        return readers;
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
