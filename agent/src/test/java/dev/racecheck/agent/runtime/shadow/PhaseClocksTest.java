package dev.racecheck.agent.runtime.shadow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseClocksTest {

    @Test
    void each_phase_should_have_its_own_clock_and_awaiting_should_get_the_phase_awaited() {
        PhaseClocks p = new PhaseClocks();
        assertNull(p.upTo(0), "nothing arrived yet");
        SyncClock zero = p.arrival(0);
        assertSame(zero, p.arrival(0), "every arrival at phase 0 releases into one clock");
        SyncClock one = p.arrival(1);
        assertNotSame(zero, one);
        assertSame(zero, p.upTo(0), "awaiting phase 0 acquires phase 0's arrivals, not phase 1's");
        assertSame(one, p.upTo(1));
        assertSame(one, p.upTo(5), "a later phase with no arrivals: the newest before it");
        assertSame(one, p.newest());
    }

    @Test
    void only_the_last_phases_should_be_kept_and_an_older_one_gets_the_oldest_kept() {
        PhaseClocks p = new PhaseClocks();
        for (int phase = 0; phase < 10; phase++) p.arrival(phase);
        SyncClock six = p.upTo(6);
        assertSame(six, p.upTo(2), "phase 2 is forgotten: the oldest kept one (6) stands for it");
        assertNotSame(six, p.upTo(9));
    }

    @Test
    void a_late_arrival_at_an_older_phase_should_go_to_the_newest() {
        PhaseClocks p = new PhaseClocks();
        p.arrival(0);
        SyncClock three = p.arrival(3);
        assertSame(three, p.arrival(1));
    }

    @Test
    void phases_should_compare_around_the_wrap() {
        assertTrue(PhaseClocks.before(0, 1));
        assertFalse(PhaseClocks.before(1, 0));
        assertFalse(PhaseClocks.before(5, 5));
        assertTrue(PhaseClocks.before(Integer.MAX_VALUE, 0), "phase numbers wrap to 0 after Integer.MAX_VALUE");
        assertFalse(PhaseClocks.before(0, Integer.MAX_VALUE));
    }
}
