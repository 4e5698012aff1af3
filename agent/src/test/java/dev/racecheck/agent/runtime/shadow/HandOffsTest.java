package dev.racecheck.agent.runtime.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HandOffsTest {

    @Test
    void an_element_should_have_one_clock_per_collection_found_by_identity() {
        HandOffs a = new HandOffs();
        HandOffs b = new HandOffs();
        String x = new String("x");
        SyncClock inA = a.placing(x);
        assertSame(inA, a.placing(x), "a second placing of the same object joins the same clock");
        assertSame(inA, a.find(x));
        assertNull(a.find(new String("x")), "an equal object is another element");
        assertNull(b.find(x), "nothing was placed in the other collection");
        assertNotSame(inA, b.placing(x), "each collection has its own clock for the object");
    }

    @Test
    void null_should_be_an_element_of_its_own() {
        HandOffs h = new HandOffs();
        assertNull(h.find(null));
        SyncClock c = h.placing(null);
        assertSame(c, h.find(null));
        assertNull(h.find(new Object()));
    }

    @Test
    void an_entry_should_go_when_every_placing_was_taken_out() {
        HandOffs h = new HandOffs();
        Object x = new Object();
        SyncClock first = h.placing(x);
        h.placing(x);
        assertSame(first, h.takenOut(x), "the first take acquires the clock of both placings");
        assertSame(first, h.find(x), "one placing is still in the queue");
        assertSame(first, h.takenOut(x));
        assertNull(h.find(x), "both were taken out");
        assertNull(h.takenOut(x), "a take of an element never placed acquires nothing");
        SyncClock again = h.placing(x);
        assertNotSame(first, again, "a later placing starts a clock of its own");
        assertEquals(1, h.size());
    }

    @Test
    void many_elements_should_each_keep_their_clock() {
        HandOffs h = new HandOffs();
        List<Object> elements = new ArrayList<>();
        List<SyncClock> clocks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Object o = new Object();
            elements.add(o);
            clocks.add(h.placing(o));
        }
        for (int i = 0; i < elements.size(); i++) assertSame(clocks.get(i), h.find(elements.get(i)));
        for (int i = 0; i < elements.size(); i += 2) assertSame(clocks.get(i), h.takenOut(elements.get(i)));
        for (int i = 0; i < elements.size(); i++) {
            if (i % 2 == 0) assertNull(h.find(elements.get(i)));
            else assertSame(clocks.get(i), h.find(elements.get(i)));
        }
        assertEquals(5_000, h.size());
    }

    /**
     * Elements are held weakly: the entries of collected ones are dropped from the bucket of the next placing there,
     * and all at once when a stripe's table grows (sized by its live entries).
     */
    @Test
    void entries_of_collected_elements_should_be_dropped() throws Exception {
        HandOffs h = new HandOffs();
        List<WeakReference<Object>> gone = placeGarbage(h, 1_000);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!allCleared(gone) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assumeTrue(allCleared(gone), "GC did not collect the elements within 2 s; nothing to check");
        List<Object> live = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Object o = new Object();
            live.add(o);
            assertNotNull(h.placing(o));
        }
        assertTrue(h.size() < 10_000 + 100, "the cleared entries were dropped as the tables grew: " + h.size());
        for (Object o : live) assertNotNull(h.find(o));
    }

    private static List<WeakReference<Object>> placeGarbage(HandOffs h, int n) {
        List<WeakReference<Object>> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object o = new Object();
            h.placing(o);
            refs.add(new WeakReference<>(o));
        }
        return refs;
    }

    private static boolean allCleared(List<WeakReference<Object>> refs) {
        for (WeakReference<Object> r : refs) if (r.get() != null) return false;
        return true;
    }
}
