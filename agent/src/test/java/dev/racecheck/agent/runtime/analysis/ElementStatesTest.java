package dev.racecheck.agent.runtime.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.ElementStates;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.TestShadows;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.Target;

/**
 * FastTrack's rules on packed element states ({@link ElementStates}) against the same rules on one {@link VarState}
 * per element, which {@link FastTrackTest} checks rule by rule: random runs of reads, writes, hand-offs and releases
 * on a few threads, applied to both, must leave every element in the same state and report the same races. Then the
 * element lock under real concurrency, and the pages.
 */
class ElementStatesTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    private static final AtomicInteger NAMES = new AtomicInteger();
    private final FastTrack ft = new FastTrack();
    private final String name = "e" + NAMES.incrementAndGet() + "_" + System.nanoTime();
    private int line = 1;

    private int site() {
        return Sites.register("test.Elements", "access", "Elements.java", line++, "test.Elements", name);
    }

    private static ThreadState thread(String name) {
        return Threads.create(new Thread(name), null, 0);
    }

    /** Races on {@code array}, as (kind of current access, kind of previous, their threads, element) strings. */
    private static List<String> racesOn(Object array) {
        return racesOn(array, Reporter.races());
    }

    private static List<String> racesOn(Object array, List<Race> races) {
        String id = array.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(array));
        List<String> out = new ArrayList<>();
        for (Race r : races) {
            if (r.target().kind() != Target.Kind.ARRAY_ELEMENT || !id.equals(r.target().instance())) continue;
            for (long n = 0; n < r.occurrences(); n++) {
                out.add(r.current().kind() + "/" + r.current().thread() + " after " + r.previous().kind() + "/"
                        + r.previous().thread() + " on " + r.target().name());
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void random_runs_should_leave_the_same_states_and_report_the_same_races_as_var_states() {
        Random random = new Random(20261208L);
        List<Object[]> compared = new ArrayList<>(); // per run: its two arrays and its trace
        for (int run = 0; run < 60; run++) {
            int threads = 2 + random.nextInt(4);
            int elements = 1 + random.nextInt(6);
            ThreadState[] ts = new ThreadState[threads];
            for (int i = 0; i < threads; i++) ts[i] = thread("t" + i);
            int[] objects = new int[elements]; // the VarState side's array, for its reports
            long[] packed = new long[elements];
            VarState[] vars = new VarState[elements];
            for (int i = 0; i < elements; i++) vars[i] = TestShadows.newVarState(i);
            ElementStates es = new ElementStates(elements);
            List<String> trace = new ArrayList<>();
            for (int op = 0; op < 60; op++) {
                int t = random.nextInt(threads);
                int i = random.nextInt(elements);
                switch (random.nextInt(6)) {
                    case 0, 1 -> {
                        trace.add("read t" + t + " [" + i + "]");
                        ft.read(ts[t], vars[i], site(), 0, objects, Detector.ELEMENT);
                        ft.readElement(ts[t], es.page(i), i, site(), 0, 0, packed);
                    }
                    case 2, 3 -> {
                        trace.add("write t" + t + " [" + i + "]");
                        ft.write(ts[t], vars[i], site(), 0, objects, Detector.ELEMENT);
                        ft.writeElement(ts[t], es.page(i), i, site(), 0, 0, packed);
                    }
                    case 4 -> {
                        int u = random.nextInt(threads);
                        trace.add("hand-off t" + t + " -> t" + u);
                        Shadow lock = TestShadows.newShadow();
                        ft.release(ts[t], lock);
                        ft.acquire(ts[u], lock);
                    }
                    default -> {
                        trace.add("release t" + t);
                        ft.release(ts[t], TestShadows.newShadow());
                    }
                }
                for (int k = 0; k < elements; k++) {
                    String where = "run " + run + " element " + k + " after " + trace;
                    assertEquals(vars[k].w, es.w(k), where + ": W");
                    assertEquals(vars[k].r, es.r(k), where + ": R");
                    if (vars[k].r == Epoch.SHARED) {
                        long[] expected = trimmed(vars[k].readClocks);
                        ElementStates.ReadShared rs = es.page(k).shared(k & ElementStates.MASK);
                        assertNotNull(rs, where);
                        assertArrayEquals(expected, trimmed(rs.clocks), where + ": read clocks");
                    }
                }
            }
            compared.add(new Object[] {objects, packed, trace});
        }
        List<Race> races = Reporter.races();
        for (int run = 0; run < compared.size(); run++) {
            Object[] c = compared.get(run);
            assertEquals(racesOn(c[0], races), racesOn(c[1], races), "run " + run + ": " + c[2]);
        }
    }

    private static long[] trimmed(long[] clocks) {
        int n = clocks.length;
        while (n > 0 && clocks[n - 1] == 0) n--;
        return Arrays.copyOf(clocks, n);
    }

    @Test
    void a_write_after_shared_reads_should_report_each_unordered_reader_and_clear_the_reads() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        ThreadState c = thread("c");
        long[] array = new long[3000];
        ElementStates es = new ElementStates(array.length);
        int i = 2047; // the last element of the second page
        ft.readElement(a, es.page(i), i, site(), 0, 0, array);
        ft.readElement(b, es.page(i), i, site(), 0, 0, array);
        assertEquals(Epoch.SHARED, es.r(i));
        ft.writeElement(c, es.page(i), i, site(), 0, 0, array);
        assertEquals(2, racesOn(array).size(), () -> "" + racesOn(array));
        assertEquals(Epoch.NONE, es.r(i));
        assertNull(es.page(i).shared(i & ElementStates.MASK));
        assertEquals(c.epoch, es.w(i));
        assertNull(es.existingPage(0), "a page no element of which was touched is never made");
        assertNull(es.page(3000), "out of bounds");
        assertNull(es.page(-1), "out of bounds");
    }

    @Test
    void a_freeze_should_forget_the_writes_before_it_only() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        int[] array = new int[10];
        ElementStates es = new ElementStates(array.length);
        ft.writeElement(a, es.page(1), 1, site(), 0, 0, array);
        ft.writeElement(b, es.page(2), 2, site(), 0, 0, array);
        ft.freeze(a, es);
        assertEquals(Epoch.NONE, es.w(1), "a's write happens-before a's freeze");
        assertEquals(b.epoch, es.w(2), "b's write does not");
        assertNull(ft.lastWrite(es.page(1), 1));
        assertEquals(b.epoch, ft.lastWrite(es.page(2), 2)[0]);
    }

    /**
     * Threads that take turns under a real lock never race, however the element locks interleave; the same threads
     * without the lock do. Each pass starts the threads at a barrier so their accesses overlap in time.
     */
    @Test
    void concurrent_updates_under_the_element_lock_should_lose_no_state() throws Exception {
        int threads = 4;
        int[] array = new int[64];
        ElementStates es = new ElementStates(array.length);
        Shadow lock = TestShadows.newShadow();
        Object monitor = new Object();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread worker = new Thread(() -> {
                try {
                    ThreadState t = thread(Thread.currentThread().getName());
                    start.await();
                    for (int n = 0; n < 20_000; n++) {
                        int i = n & 63;
                        synchronized (monitor) {
                            ft.acquire(t, lock);
                            ft.readElement(t, es.page(i), i, site0, 0, 0, array);
                            ft.writeElement(t, es.page(i), i, site1, 0, 0, array);
                            ft.release(t, lock);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "w" + w);
            workers.add(worker);
            worker.start();
        }
        for (Thread t : workers) t.join();
        assertEquals(List.of(), failures);
        assertEquals(List.of(), racesOn(array), "ordered by the lock");
        for (int i = 0; i < 64; i++) assertTrue(es.w(i) != Epoch.NONE && es.w(i) > 0, "unlocked, with an epoch");
    }

    private final int site0 = site();
    private final int site1 = site();

    @Test
    void simultaneous_unordered_writes_should_always_be_reported() throws Exception {
        // Two threads released together write fresh elements with no order between them: the element lock makes one
        // see the other's epoch, every time.
        int rounds = 1_000;
        long[] array = new long[rounds];
        ElementStates es = new ElementStates(array.length);
        CyclicBarrier start = new CyclicBarrier(2);
        int sa = site();
        int sb = site();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable[] bodies = new Runnable[2];
        for (int w = 0; w < 2; w++) {
            int mySite = w == 0 ? sa : sb;
            boolean reads = w == 1;
            bodies[w] = () -> {
                try {
                    ThreadState t = thread(Thread.currentThread().getName());
                    for (int i = 0; i < rounds; i++) {
                        start.await();
                        if (reads) ft.readElement(t, es.page(i), i, mySite, 0, 0, array);
                        else ft.writeElement(t, es.page(i), i, mySite, 0, 0, array);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            };
        }
        Thread x = new Thread(bodies[0], "writer");
        Thread y = new Thread(bodies[1], "reader");
        x.start();
        y.start();
        x.join();
        y.join();
        assertEquals(List.of(), failures);
        // One site pair: every round is one occurrence of it, whichever access came first.
        assertEquals(rounds, racesOn(array).size(), "one race per element");
    }

    @Test
    void simultaneous_first_reads_should_all_be_kept() throws Exception {
        // Readers released together read fresh elements: without the element lock two of them would both find no
        // read and one's epoch would be lost, and with it the race against a later unordered write.
        int readers = 4;
        int rounds = 2_000;
        int[] array = new int[rounds];
        ElementStates es = new ElementStates(array.length);
        CyclicBarrier start = new CyclicBarrier(readers);
        int readSite = site();
        ThreadState[] states = new ThreadState[readers];
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < readers; w++) {
            int me = w;
            Thread worker = new Thread(() -> {
                try {
                    ThreadState t = thread(Thread.currentThread().getName());
                    states[me] = t;
                    for (int i = 0; i < rounds; i++) {
                        start.await();
                        ft.readElement(t, es.page(i), i, readSite, 0, 0, array);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "r" + w);
            workers.add(worker);
            worker.start();
        }
        for (Thread t : workers) t.join();
        assertEquals(List.of(), failures);
        for (int i = 0; i < rounds; i++) {
            assertEquals(Epoch.SHARED, es.r(i), "element " + i + " read by every reader");
            long[] clocks = es.page(i).shared(i & ElementStates.MASK).clocks;
            for (ThreadState t : states) {
                assertTrue(t.slot < clocks.length && clocks[t.slot] != 0, "element " + i + ": a read was lost");
            }
        }
    }
}
