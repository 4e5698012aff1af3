package dev.racecheck.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * racecheck's own state never keeps a program object strongly reachable: each test lets the event interface meet
 * objects on the current thread, whose state lives on, drops them, and requires the GC to collect them. (See also
 * the integration test ReachabilityIT, which does this for every construct with the real agent.)
 */
@Timeout(60)
class ReachabilityTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    private final List<String> names = new ArrayList<>();
    private final List<WeakReference<Object>> refs = new ArrayList<>();

    private void track(String what, Object o) {
        names.add(what);
        refs.add(new WeakReference<>(o));
    }

    /** GC until every tracked object is collected (at most 5 s); fails naming those that are not. */
    private void assertAllCollected() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> reachable;
        do {
            System.gc();
            Thread.sleep(20);
            reachable = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                if (refs.get(i).get() != null) reachable.add(names.get(i));
            }
        } while (!reachable.isEmpty() && System.nanoTime() < deadline);
        assertEquals(List.of(), reachable, "racecheck keeps these reachable");
    }

    private static int site(String owner, String field) {
        return Sites.register("test.Reach", "run", "Reach.java", 1, owner, field);
    }

    @Test
    void arrays_a_thread_touched_last_should_not_be_kept_by_its_caches() throws InterruptedException {
        touchArrays(RaceEvents.thread());
        assertAllCollected();
    }

    private void touchArrays(ThreadState ts) {
        int site = site(null, null);
        // More arrays than the direct-mapped cache has slots, touched in turn, twice; the last one is also lastArray.
        int[][] rows = new int[40][4];
        for (int pass = 0; pass < 2; pass++) {
            for (int[] row : rows) {
                RaceEvents.arrayWrite(row, pass, site, ts, 0);
                RaceEvents.arrayRead(row, pass, site, ts, 0);
            }
        }
        for (int i = 0; i < rows.length; i++) track("row " + i, rows[i]);
    }

    @Test
    void the_lock_or_volatile_owner_a_thread_used_last_should_not_be_kept_by_its_cache() throws InterruptedException {
        ThreadState ts = RaceEvents.thread();
        useMonitor(ts);
        assertAllCollected();
        useVolatile(ts);
        assertAllCollected();
    }

    private void useMonitor(ThreadState ts) {
        Object lock = new Object();
        RaceEvents.monitorEnter(lock, ts);
        RaceEvents.monitorExit(lock, ts);
        track("monitor", lock);
    }

    private void useVolatile(ThreadState ts) {
        Object owner = new Object();
        int key = Sites.syncKey("flag");
        RaceEvents.volatileWrite(owner, key, ts);
        RaceEvents.volatileRead(owner, key, ts);
        track("volatile owner", owner);
    }

    /** A thread that began an optimistic read and never validated it keeps neither the lock nor what it read. */
    @Test
    void an_optimistic_read_never_validated_should_keep_neither_its_lock_nor_what_it_read() throws Exception {
        ThreadState ts = RaceEvents.thread();
        readOptimistically(ts);
        assertAllCollected();
        // The window of a lock that is gone ends at the next read, which is recorded as usual.
        int[] later = new int[1];
        RaceEvents.arrayRead(later, 0, site(null, null), ts, ts.depth);
    }

    private void readOptimistically(ThreadState ts) {
        boolean enabled = dev.racecheck.agent.runtime.analysis.Analysis.enabled;
        dev.racecheck.agent.runtime.analysis.Analysis.enabled = true; // the StampedLock hooks run only once it is
        try {
            StampedLock lock = new StampedLock();
            long stamp = lock.tryOptimisticRead();
            RaceEvents.optimisticRead(stamp, lock);
            int[] cells = new int[2];
            Object owner = new Object();
            int fieldSite = site(Object.class.getName(), "value");
            RaceEvents.arrayRead(cells, 1, site(null, null), ts, ts.depth);
            RaceEvents.read(owner, Sites.fieldKey("value", "I"), fieldSite, ts, ts.depth);
            track("the StampedLock", lock);
            track("an array read optimistically", cells);
            track("an object whose field was read optimistically", owner);
        } finally {
            dev.racecheck.agent.runtime.analysis.Analysis.enabled = enabled;
        }
    }

    /**
     * The static-field site cache and a VarHandle's target (the value of the handle's shadow) hold the class weakly:
     * a handle kept in a static field of its own class would otherwise keep the class, its loader and itself alive.
     */
    @Test
    void a_class_whose_statics_and_varhandle_racecheck_met_should_unload_with_its_loader() throws Exception {
        useThrowawayClass(RaceEvents.thread());
        assertAllCollected();
    }

    private void useThrowawayClass(ThreadState ts) throws Exception {
        ClassLoader loader = new Throwaway();
        Class<?> c = loader.loadClass(UnloadableStatics.class.getName());
        assertTrue(c != UnloadableStatics.class && c.getClassLoader() == loader);
        int site = site(c.getName(), "counter");
        int key = Sites.fieldKey("counter", "I");
        RaceEvents.staticWrite(c, key, site, ts, 0);
        RaceEvents.staticRead(c, key, site, ts, 0);
        int versionSite = site(c.getName(), "version");
        RaceEvents.staticVolatileWrite(c, Sites.syncKey("version"), versionSite, ts);
        RaceEvents.monitorEnter(c, ts); // a static synchronized method
        RaceEvents.monitorExit(c, ts);
        VarHandle h = MethodHandles.publicLookup().findStaticVarHandle(c, "counter", int.class);
        c.getField("handle").set(null, h);
        VarHandles.register(h, c, "counter", int.class, true);
        VarHandles.plainWrite(h, null, 0, site(null, null), ts, 0);
        track("the class", c);
        track("its loader", loader);
        track("its VarHandle", h);
    }

    /** Defines {@link UnloadableStatics} anew, from its class file. */
    private static final class Throwaway extends ClassLoader {
        Throwaway() {
            super(null);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = ReachabilityTest.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new ClassNotFoundException(name);
                byte[] b = in.readAllBytes();
                return defineClass(name, b, 0, b.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
