package dev.racecheck.agent.runtime.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ShadowMapTest {

    @Test
    void get_should_return_the_same_shadow_for_the_same_object_and_distinct_ones_for_others() {
        ShadowMap map = new ShadowMap();
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) objects.add(new Object());
        Set<Shadow> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : objects) assertTrue(seen.add(map.get(o)), "a fresh shadow per object");
        for (Object o : objects) assertSame(map.get(o), map.peek(o));
        for (Object o : objects) assertSame(map.get(o), map.get(o));
    }

    @Test
    void get_should_go_by_identity_not_equals() {
        ShadowMap map = new ShadowMap();
        String a = new String("same");
        String b = new String("same");
        assertTrue(map.get(a) != map.get(b));
    }

    @Test
    void peek_should_not_create_a_shadow() {
        ShadowMap map = new ShadowMap();
        Object o = new Object();
        assertNull(map.peek(o));
        assertNull(map.peek(o));
        Shadow s = map.get(o);
        assertSame(s, map.peek(o));
    }

    @Test
    void class_objects_should_get_distinct_class_ids_and_other_objects_none() {
        ShadowMap map = new ShadowMap();
        Shadow a = map.get(String.class);
        Shadow b = map.get(Integer.class);
        Shadow c = map.get(new Object());
        assertTrue(a.classId >= 0 && b.classId >= 0);
        assertNotEquals(a.classId, b.classId);
        assertEquals(-1, c.classId);
        assertEquals(a.classId, map.get(String.class).classId);
    }

    @Test
    void shadow_field_and_element_should_return_one_state_per_variable() {
        Shadow s = new Shadow(-1);
        VarState f1 = s.field(1);
        VarState f2 = s.field(2);
        assertNotNull(f1);
        assertTrue(f1 != f2);
        assertSame(f1, s.field(1));
        assertEquals(2, f2.key);

        Shadow array = new Shadow(-1);
        int[] ints = new int[10];
        VarState e3 = array.element(3, ints);
        assertSame(e3, array.element(3, ints));
        assertEquals(3, e3.key);
        assertTrue(e3 != array.element(4, ints));
        assertSame(e3, array.element(3, ints));
        assertNull(array.element(-1, ints));
        assertNull(array.element(10, ints));
    }

    @Test
    void concurrent_inserts_from_four_threads_should_agree_on_exactly_one_shadow_per_object() throws Exception {
        for (int round = 0; round < 5; round++) {
            ShadowMap map = new ShadowMap();
            int n = 20_000; // many resizes of every stripe while the threads insert
            Object[] objects = new Object[n];
            for (int i = 0; i < n; i++) objects[i] = new Object();
            int threads = 4;
            Shadow[][] results = new Shadow[threads][n];
            CyclicBarrier start = new CyclicBarrier(threads);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread w = new Thread(() -> {
                    try {
                        // Each thread walks the objects in its own order, so inserts of one object collide.
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < n; i++) order.add(i);
                        if (id % 2 == 1) Collections.shuffle(order, new Random(id));
                        start.await();
                        for (int i : order) results[id][i] = map.get(objects[i]);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "shadow-inserter-" + t);
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) w.join();
            if (failure.get() != null) throw new AssertionError(failure.get());
            Set<Shadow> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < n; i++) {
                Shadow s = results[0][i];
                assertNotNull(s);
                for (int t = 1; t < threads; t++) {
                    int obj = i;
                    int thread = t;
                    assertSame(s, results[t][i], () -> "thread " + thread + " got another shadow for object " + obj);
                }
                assertSame(s, map.peek(objects[i]), "the map keeps the shadow all threads got");
                distinct.add(s);
            }
            assertEquals(n, distinct.size(), "one shadow per object, none shared");
        }
    }

    /**
     * The map holds objects weakly: once an object is collected, its entry (and so its shadow) is dropped. GC is not
     * guaranteed to run or to collect, so the test first waits (bounded) for the key to be collected and is aborted,
     * not failed, when it is not; only then does it require the entry to go.
     */
    @Test
    void entries_of_collected_objects_should_be_dropped() throws Exception {
        ShadowMap map = new ShadowMap();
        List<Object> live = new ArrayList<>();
        List<Shadow> liveShadows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Object o = new Object();
            live.add(o);
            liveShadows.add(map.get(o));
        }
        Garbage garbage = insertGarbage(map, 200);
        List<WeakReference<Object>> keys = garbage.keys();
        List<WeakReference<Shadow>> shadows = garbage.shadows();

        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!allCleared(keys) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assumeTrue(allCleared(keys), "GC did not collect the keys within 2 s; nothing to check");

        // The map expunges cleared entries on later inserts; then nothing holds the shadows any more.
        deadline = System.nanoTime() + 5_000_000_000L;
        while (!allCleared(shadows) && System.nanoTime() < deadline) {
            for (int i = 0; i < 500; i++) map.get(new Object()); // inserts, each expunging up to 64 entries
            System.gc();
            Thread.sleep(10);
        }
        int kept = 0;
        for (WeakReference<Shadow> r : shadows) if (r.get() != null) kept++;
        if (kept > 0) fail(kept + " of " + shadows.size() + " shadows of collected objects are still held by the map");

        for (int i = 0; i < live.size(); i++) {
            assertSame(liveShadows.get(i), map.peek(live.get(i)), "live objects keep their shadows");
        }
    }

    /**
     * An entry holds its object weakly and its shadow refers to no program object, so a caller may keep the entry
     * (a thread's last array or lock) without keeping the object alive; once the GC has cleared the entry, a sweep
     * drops the shadow too, so the kept entry holds nothing of the dead object but itself.
     */
    @Test
    void a_kept_entry_should_keep_neither_its_object_nor_once_swept_its_shadow() throws Exception {
        ShadowMap map = new ShadowMap();
        Object[] key = {new int[1024]};
        ShadowMap.Entry entry = map.entry(key[0]);
        assertSame(entry, map.entry(key[0]), "one entry per object");
        assertSame(map.get(key[0]), entry.shadow());
        WeakReference<Shadow> shadow = new WeakReference<>(entry.shadow());
        WeakReference<Object> object = new WeakReference<>(key[0]);
        key[0] = null;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (object.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(object.get(), "the entry kept its object alive");
        assertNull(entry.get());
        map.sweep();
        assertNull(entry.shadow(), "a swept entry lets go of its shadow");
        deadline = System.nanoTime() + 5_000_000_000L;
        while (shadow.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(shadow.get(), "the shadow of a dead object is held by nothing");
    }

    /** Rebuilds copy the chains, not the entries: an entry kept across them is still the object's. */
    @Test
    void an_entry_should_stay_the_same_across_rebuilds() {
        ShadowMap map = new ShadowMap();
        Object o = new Object();
        ShadowMap.Entry entry = map.entry(o);
        List<Object> more = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Object x = new Object();
            more.add(x);
            map.get(x); // every stripe is rebuilt several times
        }
        assertSame(entry, map.entry(o));
        assertSame(entry.shadow(), map.peek(o));
    }

    private record Garbage(List<WeakReference<Object>> keys, List<WeakReference<Shadow>> shadows) {
    }

    /** Inserts objects no one else holds; returns weak references to them and to their shadows. */
    private static Garbage insertGarbage(ShadowMap map, int n) {
        List<WeakReference<Object>> keys = new ArrayList<>();
        List<WeakReference<Shadow>> shadows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object o = new Object();
            keys.add(new WeakReference<>(o));
            shadows.add(new WeakReference<>(map.get(o)));
        }
        return new Garbage(keys, shadows);
    }

    private static boolean allCleared(List<? extends WeakReference<?>> refs) {
        for (WeakReference<?> r : refs) if (r.get() != null) return false;
        return true;
    }
}
