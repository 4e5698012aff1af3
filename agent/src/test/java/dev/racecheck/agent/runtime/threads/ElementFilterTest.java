package dev.racecheck.agent.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The element filter's marks and the thread's generations that make them stale. */
class ElementFilterTest {
    private static ThreadState thread() {
        return new ThreadState(3, new ThreadRecord(3, Thread.currentThread(), 0), null, 1, null);
    }

    private static ElementFilter filter(ThreadState ts, int length) {
        ts.makeArrayCache(new Object[ThreadState.ARRAY_CACHE], true);
        ts.arrayCached(0, length);
        return ts.arrayFilters[0];
    }

    @Test
    void a_mark_holds_for_its_generation_and_kind() {
        ThreadState ts = thread();
        ElementFilter f = filter(ts, 5000);
        int mark = ts.filterMark();
        assertFalse(f.read(7, mark));
        f.markRead(7, mark);
        assertTrue(f.read(7, mark));
        assertFalse(f.written(7, mark), "a read does not cover a write");
        f.markWritten(4999, mark);
        assertTrue(f.written(4999, mark));
        assertTrue(f.read(4999, mark), "a write covers a read of the same generation");
        f.markRead(4999, mark);
        assertTrue(f.written(4999, mark), "a later read keeps the write mark");
        assertFalse(f.read(8, mark));
        assertFalse(f.read(1024 + 7, mark), "another page");
    }

    @Test
    void out_of_bounds_indexes_are_never_marked() {
        ThreadState ts = thread();
        ElementFilter f = filter(ts, 300);
        int mark = ts.filterMark();
        f.markRead(-1, mark);
        f.markWritten(300, mark);
        f.markWritten(Integer.MAX_VALUE, mark);
        assertFalse(f.read(-1, mark));
        assertFalse(f.read(300, mark));
        assertFalse(f.written(Integer.MIN_VALUE, mark));
        assertFalse(f.written(Integer.MAX_VALUE, mark));
    }

    @Test
    void short_arrays_get_no_marks() {
        ThreadState ts = thread();
        ElementFilter f = filter(ts, ElementFilter.MIN_LENGTH - 1);
        int mark = ts.filterMark();
        f.markWritten(3, mark);
        assertFalse(f.written(3, mark));
    }

    @Test
    void a_release_an_acquire_or_a_freeze_ends_the_generation() {
        ThreadState ts = thread();
        int first = ts.filterMark();
        assertEquals(first, ts.filterMark(), "nothing happened");
        ts.tick(); // a release
        int second = ts.filterMark();
        assertNotEquals(first, second);
        VectorClock other = new VectorClock();
        other.set(9, 4);
        ts.clock.acquire(other); // an acquire
        int third = ts.filterMark();
        assertNotEquals(second, third);
        ts.accessed(); // the clock's own entry moves up to the epoch: a change of the clock too
        int fourth = ts.filterMark();
        ts.endFilterGeneration(); // a final-field freeze
        assertNotEquals(fourth, ts.filterMark());
    }

    @Test
    void marks_of_an_earlier_generation_do_not_count() {
        ThreadState ts = thread();
        ElementFilter f = filter(ts, 2048);
        int mark = ts.filterMark();
        f.markWritten(10, mark);
        ts.tick();
        int next = ts.filterMark();
        assertFalse(f.read(10, next));
        assertFalse(f.written(10, next));
    }

    @Test
    void a_new_array_in_the_slot_starts_unmarked_on_the_same_pages() {
        ThreadState ts = thread();
        long before = ElementFilter.bytesHeld();
        ElementFilter f = filter(ts, 100_000);
        int mark = ts.filterMark();
        for (int i = 0; i < 100_000; i += 100) f.markWritten(i, mark);
        long held = ElementFilter.bytesHeld();
        assertTrue(held >= before + 4L * 100_000, "pages held: " + held);
        for (int k = 0; k < 5; k++) {
            ts.arrayCached(0, 100_000); // another array of the same length takes the slot
            assertFalse(f.written(0, mark));
            assertFalse(f.read(500, mark));
            f.markRead(700, mark);
            assertTrue(f.read(700, mark));
            assertEquals(held, ElementFilter.bytesHeld(), "the pages are kept");
        }
        ts.arrayCached(0, 300); // a shorter one: its end falls inside a page marked for a longer array
        assertFalse(f.read(700, mark), "past the end of the shorter array");
        f.markWritten(700, mark);
        assertFalse(f.written(700, mark), "never marked past the end");
        ts.tick();
        int later = ts.filterMark();
        ts.arrayCached(0, 200_000); // a longer one
        f.markWritten(150_000, later);
        assertTrue(f.written(150_000, later));
        assertFalse(f.read(700, later));
        ts.shrink(); // the thread ended: every page is given back
        assertEquals(before, ElementFilter.bytesHeld());
    }

    @Test
    void clearing_forgets_every_mark() {
        ThreadState ts = thread();
        ElementFilter f = filter(ts, 4096);
        int mark = ts.filterMark();
        f.markWritten(4095, mark);
        f.clear();
        assertFalse(f.read(4095, mark));
        f.markRead(1, mark);
        assertTrue(f.read(1, mark));
    }

    @Test
    void an_array_whose_marks_do_not_pay_gets_no_more_until_they_do() {
        ThreadState ts = thread();
        ElementFilter f = filter(ts, 100_000);
        int mark = ts.filterMark();
        for (int i = 0; i < ElementFilter.TRIAL; i++) f.markRead(i, mark); // touched once each: nothing skipped
        f.markRead(50_000, mark);
        assertFalse(f.read(50_000, mark), "no mark once marks did not pay");
        for (int i = 0; i < ElementFilter.TRIAL / ElementFilter.PAYOFF; i++) assertTrue(f.read(i, mark));
        f.markRead(50_001, mark);
        assertTrue(f.read(50_001, mark), "marked again once earlier marks paid");
        ts.arrayCached(0, 100_000); // a new array gets its own trial
        f.markWritten(7, mark);
        assertTrue(f.written(7, mark));
    }
}
