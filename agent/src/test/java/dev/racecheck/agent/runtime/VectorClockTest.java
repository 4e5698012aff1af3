package dev.racecheck.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorClockTest {

    @Test
    void a_new_clock_should_be_all_zero_and_cover_no_real_epoch() {
        VectorClock c = new VectorClock();
        for (int slot = 0; slot < 100; slot++) assertEquals(0, c.get(slot));
        assertFalse(c.covers(Epoch.of(0, 1)));
        assertFalse(c.covers(Epoch.of(500, 1)));
        assertEquals("[]", c.toString());
    }

    @Test
    void covers_should_be_true_exactly_when_the_epoch_clock_is_at_most_the_slot_entry() {
        VectorClock c = new VectorClock();
        c.set(3, 10);
        assertTrue(c.covers(Epoch.of(3, 1)));
        assertTrue(c.covers(Epoch.of(3, 10)));
        assertFalse(c.covers(Epoch.of(3, 11)));
        assertFalse(c.covers(Epoch.of(4, 1)), "another slot is not covered");
    }

    @Test
    void set_should_grow_the_clock_for_large_slots() {
        VectorClock c = new VectorClock();
        c.set(1000, 42);
        assertEquals(42, c.get(1000));
        assertTrue(c.size() > 1000);
        assertTrue(c.covers(Epoch.of(1000, 42)));
        assertEquals(0, c.get(999));
        assertEquals(0, c.get(5000), "reading past the end is zero, not an exception");
    }

    @Test
    void acquire_should_take_the_pointwise_maximum() {
        VectorClock a = new VectorClock();
        a.set(0, 5);
        a.set(1, 1);
        a.set(2, 7);
        VectorClock b = new VectorClock();
        b.set(0, 3);
        b.set(1, 9);
        b.set(3, 4);
        a.acquire(b);
        assertEquals(5, a.get(0));
        assertEquals(9, a.get(1));
        assertEquals(7, a.get(2));
        assertEquals(4, a.get(3));
        // b is unchanged.
        assertEquals(3, b.get(0));
        assertEquals(0, b.get(2));
    }

    @Test
    void acquire_should_grow_to_a_larger_clock() {
        VectorClock small = new VectorClock();
        small.set(0, 2);
        VectorClock big = new VectorClock();
        big.set(200, 11);
        small.acquire(big);
        assertEquals(2, small.get(0));
        assertEquals(11, small.get(200));
        assertTrue(small.size() >= big.size());
    }

    @Test
    void acquire_of_a_smaller_clock_should_keep_the_larger_entries() {
        VectorClock big = new VectorClock();
        big.set(100, 6);
        VectorClock small = new VectorClock();
        small.set(1, 2);
        big.acquire(small);
        assertEquals(6, big.get(100));
        assertEquals(2, big.get(1));
    }

    @Test
    void assign_should_copy_not_alias() {
        VectorClock a = new VectorClock();
        a.set(0, 1);
        a.set(50, 1);
        VectorClock b = new VectorClock();
        b.set(2, 8);
        a.assign(b);
        assertEquals(0, a.get(0));
        assertEquals(0, a.get(50));
        assertEquals(8, a.get(2));
        b.set(2, 9);
        assertEquals(8, a.get(2), "assign copies");
        a.set(3, 1);
        assertEquals(0, b.get(3));
    }

    @Test
    void copy_constructor_should_copy_not_alias() {
        VectorClock a = new VectorClock();
        a.set(4, 4);
        VectorClock b = new VectorClock(a);
        assertEquals(4, b.get(4));
        b.set(4, 5);
        assertEquals(4, a.get(4));
    }

    @Test
    void toString_should_list_nonzero_entries_as_clock_at_slot() {
        VectorClock c = new VectorClock();
        c.set(0, 3);
        c.set(9, 1);
        assertEquals("[3@0, 1@9]", c.toString());
    }

    @Test
    void acquire_should_grow_only_as_far_as_the_other_clock() {
        VectorClock a = new VectorClock();
        a.set(17, 1); // 18 entries
        VectorClock b = new VectorClock();
        b.set(15, 1); // 16 entries
        a.acquire(b);
        assertEquals(18, a.size(), "a is already long enough");
        b.acquire(a);
        assertTrue(b.size() >= 18);
        assertEquals(1, b.get(17));
    }

    /**
     * A thread's clock and a lock's release clock acquire each other on every lock round trip. Their lengths must
     * settle at the number of slots in use; {@code grow(o.length - 1)} instead takes {@code max(slot + 1, 2 * length)},
     * so whenever the other clock is longer but less than twice as long, the acquiring clock doubles, and the two
     * leapfrog each other: 18/16 entries become 18/32, 36/32, 36/64, 72/64, ... (exponential in round trips).
     */
    @Test
    void acquire_back_and_forth_should_not_grow_the_clocks_without_bound() {
        VectorClock thread = new VectorClock();
        thread.set(17, 1);
        VectorClock lock = new VectorClock();
        lock.set(15, 1);
        for (int roundTrip = 0; roundTrip < 20; roundTrip++) {
            lock.acquire(thread); // release
            thread.acquire(lock); // acquire
            int r = roundTrip;
            assertTrue(thread.size() <= 64 && lock.size() <= 64,
                    () -> "after " + (r + 1) + " round trips: thread clock " + thread.size() + " entries, lock clock "
                            + lock.size() + " entries, for 18 slots in use");
        }
    }
}
