package dev.racecheck.agent.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

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
        int page = VectorClock.PAGE_SLOTS;
        VectorClock a = new VectorClock();
        a.set(2 * page + 1, 1); // three pages
        VectorClock b = new VectorClock();
        b.set(page + 1, 1); // two pages
        a.acquire(b);
        assertEquals(3 * page, a.size(), "a is already long enough");
        b.acquire(a);
        assertEquals(3 * page, b.size());
        assertEquals(1, b.get(2 * page + 1));
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
            assertTrue(thread.size() <= VectorClock.PAGE_SLOTS && lock.size() <= VectorClock.PAGE_SLOTS,
                    () -> "after " + (r + 1) + " round trips: thread clock " + thread.size() + " entries, lock clock "
                            + lock.size() + " entries, for 18 slots in use");
        }
    }

    // ---- chunks shared copy-on-write ----------------------------------------------------------------------------

    @Test
    void a_copy_should_share_every_chunk_until_either_is_written() {
        VectorClock thread = new VectorClock();
        thread.set(1, 5);
        thread.set(40, 7);
        VectorClock copy = new VectorClock(thread);
        assertTrue(copy.sharesChunk(thread, 1) && copy.sharesChunk(thread, 40));
        assertEquals(0, copy.ownedChunks());
        assertEquals(0, thread.ownedChunks(), "the original may no longer write its chunks in place either");
        thread.set(1, 6);
        assertEquals(5, copy.get(1), "the copy keeps what it was given");
        assertFalse(copy.sharesChunk(thread, 1));
        assertTrue(copy.sharesChunk(thread, 40), "only the written chunk was copied");
        copy.set(40, 9);
        assertEquals(7, thread.get(40));
    }

    @Test
    void acquire_should_take_over_a_chunk_that_already_holds_the_result() {
        VectorClock lock = new VectorClock();
        lock.set(3, 10);
        lock.set(4, 10);
        VectorClock thread = new VectorClock(new VectorClock()); // nothing of its own yet
        thread.set(40, 1); // another chunk
        thread.acquire(lock);
        assertTrue(thread.sharesChunk(lock, 3), "the lock's chunk is the join");
        assertEquals(10, thread.get(4));
        lock.set(3, 11); // the lock copies before it writes
        assertEquals(10, thread.get(3));
        assertEquals(11, lock.get(3));
    }

    @Test
    void acquire_of_chunks_that_each_know_something_the_other_does_not_should_take_the_pointwise_maximum() {
        VectorClock a = new VectorClock();
        a.set(0, 5);
        a.set(1, 1);
        VectorClock b = new VectorClock(a); // shares, then both move on
        a.set(0, 6);
        b.set(1, 2);
        a.acquire(b);
        assertEquals(6, a.get(0));
        assertEquals(2, a.get(1));
        assertEquals(5, b.get(0), "the other clock is unchanged");
        assertEquals(2, b.get(1));
    }

    @Test
    void receive_should_keep_a_copy_of_its_own_so_that_the_thread_keeps_writing_in_place() {
        VectorClock thread = new VectorClock();
        thread.set(2, 1);
        VectorClock lock = new VectorClock(thread); // first release into a new lock: shares
        thread.set(2, 2); // the thread copies its chunk once
        lock.receive(thread);
        assertEquals(2, lock.get(2));
        assertFalse(lock.sharesChunk(thread, 2), "the lock made its own copy");
        for (int round = 3; round < 10; round++) { // lock round trips: both write in place from now on
            thread.set(2, round);
            lock.receive(thread);
            thread.acquire(lock);
            assertEquals(round, lock.get(2));
            assertEquals(1, thread.ownedChunks());
            assertEquals(1, lock.ownedChunks());
        }
    }

    @Test
    void receive_into_a_fresh_clock_should_share_the_thread_clock() {
        VectorClock thread = new VectorClock();
        thread.set(7, 3);
        VectorClock volatileField = new VectorClock();
        volatileField.receive(thread);
        assertTrue(volatileField.sharesChunk(thread, 7));
        thread.set(7, 4);
        assertEquals(3, volatileField.get(7));
    }

    @Test
    void clocks_wider_than_64_pages_should_keep_track_of_what_they_own() {
        int wide = 70 * VectorClock.PAGE_SLOTS + 3;
        VectorClock a = new VectorClock();
        a.set(wide, 1);
        a.set(wide, 2); // written in place: a owns the chunk
        assertEquals(1, a.ownedChunks());
        VectorClock b = new VectorClock(a);
        a.set(wide, 3);
        assertEquals(2, b.get(wide));
        assertEquals(3, a.get(wide));
        b.acquire(a);
        assertEquals(3, b.get(wide));
        assertTrue(b.sharesPage(a, wide), "a's page holds the join");
        a.set(wide, 4);
        assertEquals(3, b.get(wide), "the takeover made a copy before writing again");
        assertEquals(4, a.get(wide));
    }

    @Test
    void acquire_should_take_over_a_whole_page_that_holds_the_result_and_skip_it_next_time() {
        VectorClock lock = new VectorClock();
        for (int slot = 0; slot < VectorClock.PAGE_SLOTS; slot += 3) lock.set(slot, 5);
        VectorClock thread = new VectorClock();
        thread.set(3, 1); // the lock knows more of slot 3
        thread.set(VectorClock.PAGE_SLOTS + 3, 1); // a page of its own
        thread.acquire(lock);
        assertTrue(thread.sharesPage(lock, 0));
        assertFalse(thread.sharesPage(lock, VectorClock.PAGE_SLOTS + 3));
        assertEquals(5, thread.get(6));
        assertEquals(1, thread.get(VectorClock.PAGE_SLOTS + 3));
        lock.set(6, 6);
        assertEquals(5, thread.get(6), "the lock copied its page before writing");
        thread.acquire(lock);
        assertEquals(6, thread.get(6));
    }

    @Test
    void covers_should_read_entries_across_chunks() {
        VectorClock c = new VectorClock();
        c.set(VectorClock.CHUNK * 5 + 2, 8);
        assertTrue(c.covers(Epoch.of(VectorClock.CHUNK * 5 + 2, 8)));
        assertFalse(c.covers(Epoch.of(VectorClock.CHUNK * 5 + 2, 9)));
        assertFalse(c.covers(Epoch.of(VectorClock.CHUNK * 4 + 2, 1)), "a missing chunk is all zero");
    }

    /**
     * Random programs of sets, acquires, receives, copies and assigns over a handful of clocks, checked entry by
     * entry against plain dense arrays after every step: sharing must never let a write to one clock show in another.
     */
    @Test
    void random_operations_should_agree_with_dense_arrays() {
        int clocks = 6;
        int slots = 2 * VectorClock.PAGE_SLOTS + 50;
        for (int seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            VectorClock[] c = new VectorClock[clocks];
            long[][] model = new long[clocks][slots];
            for (int i = 0; i < clocks; i++) c[i] = new VectorClock();
            for (int step = 0; step < 300; step++) {
                int x = random.nextInt(clocks);
                int y = random.nextInt(clocks);
                String op;
                switch (random.nextInt(6)) {
                    case 0, 1 -> {
                        // Mostly a few chunks, so that clocks overlap; sometimes anywhere, on other pages.
                        int slot = random.nextInt(3) == 0 ? random.nextInt(slots) : random.nextInt(3 * VectorClock.CHUNK);
                        long value = model[x][slot] + 1 + random.nextInt(3);
                        c[x].set(slot, value);
                        model[x][slot] = value;
                        op = "set " + x + "[" + slot + "]";
                    }
                    case 2 -> {
                        c[x].acquire(c[y]);
                        for (int s = 0; s < slots; s++) model[x][s] = Math.max(model[x][s], model[y][s]);
                        op = x + " acquire " + y;
                    }
                    case 3 -> {
                        c[x].receive(c[y]);
                        for (int s = 0; s < slots; s++) model[x][s] = Math.max(model[x][s], model[y][s]);
                        op = x + " receive " + y;
                    }
                    case 4 -> {
                        if (x == y) continue;
                        c[x] = new VectorClock(c[y]);
                        model[x] = model[y].clone();
                        op = x + " = copy of " + y;
                    }
                    default -> {
                        c[x].assign(c[y]);
                        model[x] = model[y].clone();
                        op = x + " assign " + y;
                    }
                }
                for (int i = 0; i < clocks; i++) {
                    for (int s = 0; s < slots; s++) {
                        int clock = i;
                        int slot = s;
                        int at = step;
                        int run = seed;
                        assertEquals(model[i][s], c[i].get(s),
                                () -> "seed " + run + " step " + at + " (" + op + "): clock " + clock + " slot " + slot);
                    }
                }
            }
        }
    }
}
