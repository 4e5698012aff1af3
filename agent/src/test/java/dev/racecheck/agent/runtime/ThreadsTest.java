package dev.racecheck.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slot reuse: a new thread takes the slot of an ended one when its starter covers the ended one's accesses, or when
 * the slot is retired (no variable state holds an epoch of it); never otherwise. {@link Threads} is global, so each
 * test first retires whatever earlier tests left vacant, into a map of its own.
 */
class ThreadsTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    private final FastTrack ft = new FastTrack();
    private final ShadowMap shadows = new ShadowMap();
    private final Object owner = new Object(); // the object whose fields the tests access, alive throughout
    private int line = 1;

    private static ThreadState thread(String name, ThreadState parent) {
        return Threads.create(new Thread(name), parent == null ? null : parent.clock, List.of());
    }

    private VarState field(String name) {
        return shadows.get(owner).field(Sites.fieldKey(name + System.nanoTime(), "I"));
    }

    private int site(String field) {
        return Sites.register("test.Slots", "access", "Slots.java", line++, "test.Slots", field);
    }

    private void write(ThreadState t, VarState v) {
        ft.write(t, v, site("f"), 0, owner, Detector.FIELD);
    }

    /** Leaves no vacant slot behind: every one is either retired or taken. */
    private void drainVacantSlots() {
        Threads.retire(new ShadowMap(), 0);
        while (Threads.freeSlots() > 0) thread("filler", null);
    }

    @Test
    void a_slot_no_variable_refers_to_should_be_retired_and_given_to_a_thread_whose_starter_knows_nothing_of_it() {
        drainVacantSlots();
        ThreadState main = thread("main", null);
        ThreadState handler = thread("handler", main);
        ft.fork(main, handler);
        VarState scratch = new Shadow(-1).field(1); // not in the map: as if its object had been collected
        write(handler, scratch);
        long handlerClock = handler.clock.get(handler.slot);
        Threads.ended(handler);

        Threads.retire(shadows, 0);
        assertEquals(1, Threads.freeSlots());
        ThreadState next = thread("next handler", main);
        assertEquals(handler.slot, next.slot, "the retired slot is reused");
        assertTrue(next.clock.get(next.slot) > handlerClock, "its epochs continue past the old occupant's");
        assertEquals(0, main.clock.get(handler.slot), "main never learned of the old occupant");
    }

    @Test
    void a_slot_whose_epoch_a_live_variable_holds_should_not_be_reused_until_that_epoch_is_overwritten() {
        drainVacantSlots();
        ThreadState main = thread("main", null);
        ThreadState handler = thread("handler", main);
        ft.fork(main, handler);
        VarState shared = field("shared");
        write(handler, shared);
        Threads.ended(handler);

        Threads.retire(shadows, 0);
        assertEquals(0, Threads.freeSlots(), "the write epoch is still recorded");
        ThreadState other = thread("other handler", main);
        assertNotEquals(handler.slot, other.slot, "main does not cover the handler's write either");

        // The other handler writes the variable (a race, reported): the old epoch is gone from every variable.
        write(other, shared);
        Threads.retire(shadows, 0);
        assertEquals(1, Threads.freeSlots());
        assertEquals(handler.slot, thread("third handler", main).slot);
    }

    @Test
    void a_slot_in_a_read_vector_should_not_be_retired() {
        drainVacantSlots();
        ThreadState main = thread("main", null);
        ThreadState a = thread("reader a", main);
        ThreadState b = thread("reader b", main);
        ft.fork(main, a);
        ft.fork(main, b);
        VarState v = field("read");
        ft.read(a, v, site("read"), 0, owner, Detector.FIELD);
        ft.read(b, v, site("read"), 0, owner, Detector.FIELD);
        assertEquals(Epoch.SHARED, v.r);
        Threads.ended(a);
        Threads.retire(shadows, 0);
        assertEquals(0, Threads.freeSlots());
    }

    @Test
    void a_slot_the_starter_covers_should_be_reused_without_retirement() {
        drainVacantSlots();
        ThreadState main = thread("main", null);
        ThreadState worker = thread("worker", main);
        ft.fork(main, worker);
        write(worker, field("joined"));
        Threads.ended(worker);
        ft.join(main, worker);
        ThreadState next = thread("next worker", main);
        assertEquals(worker.slot, next.slot);
    }
}
