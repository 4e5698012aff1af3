package dev.racecheck.agent.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.analysis.Detector;
import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.TestShadows;
import dev.racecheck.agent.runtime.shadow.VarState;

/**
 * Slot reuse: a new thread takes the slot of an ended one when its starter covers the ended one's accesses, or when
 * the slot is retired (the GC collected its lease: no variable state holds an epoch of it); never otherwise.
 * {@link Threads} is global, so each test first retires whatever earlier tests left vacant and hands it out.
 */
class ThreadsTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    private final Detector ft = Analysis.DETECTOR;
    private final Object owner = new Object();
    private int line = 1;

    private static ThreadState thread(String name, ThreadState parent) {
        return Threads.create(new Thread(name), parent == null ? null : parent.clock, 0);
    }

    /** A thread {@code parent} starts (the start is a fork: the child inherits the parent's clock). */
    private ThreadState started(String name, ThreadState parent) {
        ThreadState child = thread(name, parent);
        ft.fork(parent, child);
        return child;
    }

    /** A variable state of the kind a companion field holds: reachable only from the test (the "object"). */
    private VarState field() {
        return TestShadows.newCompanionState(1, owner);
    }

    private int site(String field) {
        return Sites.register("test.Slots", "access", "Slots.java", line++, "test.Slots", field);
    }

    private void write(ThreadState t, VarState v) {
        ft.write(t, v, site("f"), 0, owner, Detector.FIELD);
    }

    private void read(ThreadState t, VarState v) {
        ft.read(t, v, site("f"), 0, owner, Detector.FIELD);
    }

    /** Collects garbage until {@code slot} is retired, or gives up after a few collections. */
    private static boolean retiredAfterGc(int slot) {
        for (int i = 0; i < 10; i++) {
            System.gc();
            Threads.retireCollected();
            if (Threads.isRetired(slot)) return true;
        }
        return false;
    }

    /** Leaves no retired slot behind, so that the next new thread without a covering starter gets a known slot. */
    private static void drainRetiredSlots() {
        System.gc();
        Threads.retireCollected();
        while (Threads.freeSlots() > 0) thread("filler", null);
    }

    @Test
    void a_slot_whose_variables_are_gone_should_be_retired_and_given_to_a_thread_whose_starter_knows_nothing_of_it() {
        drainRetiredSlots();
        ThreadState main = thread("main", null);
        ThreadState handler = started("handler", main);
        write(handler, field()); // the object dies at once
        long handlerClock = handler.clock.get(handler.slot);
        Threads.ended(handler);

        assertTrue(retiredAfterGc(handler.slot), "nothing holds the lease");
        ThreadState next = thread("next handler", main);
        assertEquals(handler.slot, next.slot, "the retired slot is reused");
        assertTrue(next.clock.get(next.slot) > handlerClock, "its epochs continue past the old occupant's");
        assertEquals(0, main.clock.get(handler.slot), "main never learned of the old occupant");
    }

    @Test
    void a_slot_whose_epoch_a_live_variable_holds_should_not_be_reused_until_that_epoch_is_overwritten() {
        drainRetiredSlots();
        ThreadState main = thread("main", null);
        ThreadState handler = started("handler", main);
        VarState shared = field();
        write(handler, shared);
        int slot = handler.slot;
        Threads.ended(handler);

        assertFalse(retiredAfterGc(slot), "the write epoch is still recorded");
        ThreadState other = thread("other handler", main);
        assertNotEquals(slot, other.slot, "main does not cover the handler's write either");

        // The other handler writes the variable (a race, reported): the old epoch is gone from every variable.
        write(other, shared);
        assertTrue(retiredAfterGc(slot));
        assertEquals(slot, thread("third handler", main).slot);
    }

    @Test
    void a_slot_in_a_read_vector_should_not_be_retired_until_a_write_clears_the_vector() {
        drainRetiredSlots();
        ThreadState main = thread("main", null);
        ThreadState a = started("reader a", main);
        ThreadState b = started("reader b", main);
        VarState v = field();
        read(a, v);
        read(b, v);
        assertEquals(Epoch.SHARED, v.r);
        int slot = a.slot;
        Threads.ended(a);
        assertFalse(retiredAfterGc(slot));

        Threads.ended(b);
        ft.join(main, a);
        ft.join(main, b);
        write(main, v); // covers both reads: the read vector goes
        assertTrue(retiredAfterGc(slot));
    }

    @Test
    void a_read_epoch_should_hold_its_slot() {
        drainRetiredSlots();
        ThreadState main = thread("main", null);
        ThreadState reader = started("reader", main);
        VarState v = field();
        read(reader, v);
        int slot = reader.slot;
        Threads.ended(reader);
        assertFalse(retiredAfterGc(slot));
        assertNotNull(v.rLease);
    }

    @Test
    void a_slot_the_starter_covers_should_be_reused_without_retirement_and_keep_its_lease() {
        drainRetiredSlots();
        ThreadState main = thread("main", null);
        ThreadState worker = started("worker", main);
        VarState v = field();
        write(worker, v);
        SlotLease lease = worker.lease;
        Threads.ended(worker);
        ft.join(main, worker);
        ThreadState next = thread("next worker", main);
        assertEquals(worker.slot, next.slot);
        assertSame(lease, next.lease, "v still holds an epoch of the slot's earlier occupant");

        // The next worker ends unjoined: v's epoch from the first worker still holds the slot.
        Threads.ended(next);
        assertFalse(retiredAfterGc(next.slot));
        assertSame(lease, v.wLease);
    }
}
