package dev.racecheck.agent.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpochTest {
    private static final int MAX_SLOT = (1 << 23) - 1;

    @Test
    void of_should_round_trip_slot_and_clock() {
        int[] slots = {0, 1, 2, 63, 64, 1000, 65_535, MAX_SLOT};
        long[] clocks = {1, 2, 255, 1L << 31, 1L << 39, Epoch.CLOCK_MASK};
        for (int slot : slots) {
            for (long clock : clocks) {
                long e = Epoch.of(slot, clock);
                assertEquals(slot, Epoch.slot(e), () -> "slot of " + Long.toHexString(e));
                assertEquals(clock, Epoch.clock(e), () -> "clock of " + Long.toHexString(e));
            }
        }
    }

    @Test
    void real_epochs_should_never_equal_none_or_shared() {
        int[] slots = {0, 1, 7, 4096, MAX_SLOT};
        long[] clocks = {1, 2, 1L << 20, Epoch.CLOCK_MASK};
        for (int slot : slots) {
            for (long clock : clocks) {
                long e = Epoch.of(slot, clock);
                assertNotEquals(Epoch.NONE, e);
                assertNotEquals(Epoch.SHARED, e);
                assertTrue(e > 0, "a real epoch is positive: " + Long.toHexString(e));
            }
        }
        assertNotEquals(Epoch.NONE, Epoch.SHARED);
    }

    @Test
    void epochs_of_different_slots_or_clocks_should_differ() {
        assertNotEquals(Epoch.of(1, 5), Epoch.of(2, 5));
        assertNotEquals(Epoch.of(1, 5), Epoch.of(1, 6));
        // The clock never spills into the slot bits.
        assertEquals(0, Epoch.slot(Epoch.of(0, Epoch.CLOCK_MASK)));
    }

    @Test
    void toString_should_name_none_shared_and_clock_at_slot() {
        assertEquals("none", Epoch.toString(Epoch.NONE));
        assertEquals("shared", Epoch.toString(Epoch.SHARED));
        assertEquals("7@3", Epoch.toString(Epoch.of(3, 7)));
    }
}
