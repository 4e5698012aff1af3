package dev.racecheck.agent.runtime.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.TestShadows;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.Target;

/**
 * Every transition of the rules table in {@link FastTrack}'s Javadoc, driven in-process on thread states made with
 * {@link Threads#create} (distinct slots) and variable states made here. Races are observed through
 * {@link Reporter#races()}; its state is global, so every test uses fresh sites with a field name of its own and
 * only looks at the races on that name.
 */
class FastTrackTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final FastTrack ft = new FastTrack();
    private final String field = "f" + NAMES.incrementAndGet() + "_" + System.nanoTime();
    private final Object target = new Object();
    private final VarState v = TestShadows.newVarState(Sites.fieldKey(field, "I"));
    private int line = 1;

    // ---- helpers ------------------------------------------------------------------------------------------

    private static ThreadState thread(String name) {
        return Threads.create(new Thread(name), null, 0);
    }

    /** A fresh access site on this test's field: each pair of sites is reported at most once. */
    private int site() {
        return Sites.register("test.Racy", "access", "Racy.java", line++, "test.Racy", field);
    }

    private void read(ThreadState t) {
        ft.read(t, v, site(), 0, target, Detector.FIELD);
    }

    private void write(ThreadState t) {
        ft.write(t, v, site(), 0, target, Detector.FIELD);
    }

    private List<Race> races() {
        return Reporter.races().stream().filter(r -> field.equals(r.target().name())).toList();
    }

    private void assertNoRace() {
        assertEquals(List.of(), races(), "no race expected on " + field);
    }

    private Race onlyRace() {
        List<Race> rs = races();
        assertEquals(1, rs.size(), () -> "exactly one race expected on " + field + ": " + rs);
        return rs.get(0);
    }

    private static void assertRace(Race r, AccessKind current, ThreadState currentThread, AccessKind previous,
                                   ThreadState previousThread) {
        assertEquals(current, r.current().kind(), "current access kind");
        assertEquals(previous, r.previous().kind(), "previous access kind");
        assertEquals(currentThread.record.serial, r.current().thread(), "current thread");
        assertEquals(previousThread.record.serial, r.previous().thread(), "previous thread");
        assertEquals(Target.Kind.FIELD, r.target().kind());
        assertEquals("test.Racy", r.target().owner());
        assertNotNull(r.thread(currentThread.record.serial));
        assertNotNull(r.thread(previousThread.record.serial));
    }

    /** {@code from} releases into a fresh lock and {@code to} acquires it: from's accesses so far happen-before to's next. */
    private void handOff(ThreadState from, ThreadState to) {
        Shadow lock = TestShadows.newShadow();
        ft.release(from, lock);
        ft.acquire(to, lock);
    }

    // ---- thread states ---------------------------------------------------------------------------------------

    @Test
    void thread_states_should_get_distinct_slots_and_an_epoch_of_their_own_clock() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        assertTrue(a.slot != b.slot);
        assertEquals(a.slot, Epoch.slot(a.epoch));
        assertTrue(Epoch.clock(a.epoch) >= 1);
        assertEquals(Epoch.clock(a.epoch), a.clock.get(a.slot));
        assertEquals(0, a.clock.get(b.slot), "a fresh thread knows nothing of another");
        assertEquals(a.record, Threads.record(a.slot, Epoch.clock(a.epoch)));
    }

    @Test
    void tick_should_start_a_new_epoch_and_an_access_in_it_should_raise_the_own_entry() {
        ThreadState a = thread("a");
        long c = Epoch.clock(a.epoch);
        a.tick();
        assertEquals(Epoch.of(a.slot, c + 1), a.epoch);
        assertEquals(c, a.clock.get(a.slot), "no access in the new epoch yet");
        write(a);
        assertEquals(c + 1, a.clock.get(a.slot));
        a.tick();
        assertEquals(Epoch.of(a.slot, c + 2), a.epoch);
    }

    @Test
    void releases_without_an_access_between_them_should_publish_the_same_own_entry() {
        ThreadState a = thread("a");
        write(a);
        Shadow first = TestShadows.newShadow();
        Shadow second = TestShadows.newShadow();
        ft.release(a, first);
        long epochAfterFirst = a.epoch;
        ft.release(a, second);
        assertEquals(epochAfterFirst, a.epoch, "nothing to tell apart: the epoch stays");
        ThreadState b = thread("b");
        ThreadState c = thread("c");
        ft.acquire(b, first);
        ft.acquire(c, second);
        assertEquals(b.clock.get(a.slot), c.clock.get(a.slot));
        assertEquals(Epoch.clock(epochAfterFirst) - 1, b.clock.get(a.slot), "the epoch of the write");
    }

    @Test
    void an_access_between_two_releases_should_be_covered_by_the_second_only() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        ThreadState c = thread("c");
        Shadow first = TestShadows.newShadow();
        Shadow second = TestShadows.newShadow();
        ft.release(a, first);
        write(a);
        ft.release(a, second);
        ft.acquire(c, second);
        read(c);
        assertNoRace();
        ft.acquire(b, first);
        read(b);
        assertRace(onlyRace(), AccessKind.READ, b, AccessKind.WRITE, a);
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    @Test
    void read_should_record_an_exclusive_epoch_when_there_was_no_read() {
        ThreadState t = thread("t");
        read(t);
        assertEquals(t.epoch, v.r);
        assertEquals(Epoch.NONE, v.w);
        assertNull(v.readClocks);
        assertTrue(v.rPath != 0);
        assertNoRace();
    }

    @Test
    void read_should_do_nothing_in_the_same_epoch() {
        ThreadState t = thread("t");
        read(t);
        int path = v.rPath;
        read(t); // another site, same epoch
        assertEquals(t.epoch, v.r);
        assertEquals(path, v.rPath, "the same-epoch read changes nothing, not even the recorded call path");
        assertNull(v.readClocks);
        assertNoRace();
    }

    @Test
    void read_should_stay_exclusive_when_the_previous_read_is_covered_by_the_same_thread() {
        ThreadState t = thread("t");
        read(t);
        t.tick();
        read(t);
        assertEquals(t.epoch, v.r);
        assertNull(v.readClocks);
        assertNoRace();
    }

    @Test
    void read_should_stay_exclusive_when_the_previous_read_of_another_thread_happens_before() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        read(a);
        handOff(a, b);
        read(b);
        assertEquals(b.epoch, v.r, "R := E (exclusive)");
        assertNull(v.readClocks);
        assertNoRace();
    }

    @Test
    void concurrent_reads_should_share_the_read_state_as_a_vector() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        read(a);
        long aClock = Epoch.clock(a.epoch);
        read(b);
        assertEquals(Epoch.SHARED, v.r);
        assertNotNull(v.readClocks);
        assertEquals(aClock, v.readClocks[a.slot]);
        assertEquals(Epoch.clock(b.epoch), v.readClocks[b.slot]);
        assertTrue(v.readPaths[a.slot] != 0 && v.readPaths[b.slot] != 0, "both reads keep their call path");
        assertNoRace();
    }

    @Test
    void read_shared_should_do_nothing_in_the_same_epoch() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        read(a);
        read(b);
        long[] before = v.readClocks.clone();
        int[] pathsBefore = v.readPaths.clone();
        read(b);
        read(a);
        assertEquals(Epoch.SHARED, v.r);
        assertArrayEquals(before, v.readClocks);
        assertArrayEquals(pathsBefore, v.readPaths);
        assertNoRace();
    }

    @Test
    void read_shared_should_update_the_readers_entry_in_a_later_epoch() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        read(a);
        read(b);
        a.tick();
        a.tick();
        read(a);
        assertEquals(Epoch.SHARED, v.r);
        assertEquals(Epoch.clock(a.epoch), v.readClocks[a.slot], "R[t] := C[t]");
        assertEquals(Epoch.clock(b.epoch), v.readClocks[b.slot]);
        assertNoRace();
    }

    @Test
    void read_shared_should_add_a_new_reader_and_grow_the_vector() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        read(a);
        read(b);
        // A reader with a slot far past the vector's length.
        ThreadState c = null;
        for (int i = 0; i < 40; i++) c = thread("c" + i);
        assertTrue(c.slot >= v.readClocks.length, "the new reader's slot is past the vector");
        c.tick();
        read(c);
        assertEquals(Epoch.SHARED, v.r);
        assertTrue(v.readClocks.length > c.slot);
        assertEquals(v.readClocks.length, v.readPaths.length);
        assertEquals(Epoch.clock(c.epoch), v.readClocks[c.slot]);
        assertEquals(Epoch.clock(a.epoch), v.readClocks[a.slot]);
        assertEquals(Epoch.clock(b.epoch), v.readClocks[b.slot]);
        assertTrue(v.readPaths[c.slot] != 0);
        assertNoRace();
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    @Test
    void write_should_record_the_epoch_when_there_was_no_access() {
        ThreadState t = thread("t");
        write(t);
        assertEquals(t.epoch, v.w);
        assertEquals(Epoch.NONE, v.r);
        assertTrue(v.wPath != 0);
        assertNoRace();
    }

    @Test
    void write_should_do_nothing_in_the_same_epoch() {
        ThreadState t = thread("t");
        write(t);
        int path = v.wPath;
        write(t);
        assertEquals(t.epoch, v.w);
        assertEquals(path, v.wPath);
        assertNoRace();
    }

    @Test
    void write_should_replace_a_covered_write_and_leave_a_covered_read() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        write(a);
        read(a);
        long aRead = v.r;
        handOff(a, b);
        write(b);
        assertEquals(b.epoch, v.w, "W := E (exclusive)");
        assertEquals(aRead, v.r, "an exclusive covered read is kept");
        assertNoRace();
    }

    @Test
    void write_after_shared_reads_that_happen_before_it_should_clear_the_read_vector() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        ThreadState w = thread("w");
        read(a);
        read(b);
        assertEquals(Epoch.SHARED, v.r);
        Shadow lock = TestShadows.newShadow();
        ft.release(a, lock);
        ft.release(b, lock);
        ft.acquire(w, lock);
        write(w);
        assertEquals(Epoch.NONE, v.r, "shared -> none");
        assertNull(v.readClocks);
        assertNull(v.readPaths);
        assertEquals(w.epoch, v.w);
        assertNoRace();
    }

    @Test
    void write_by_a_shared_reader_should_not_race_with_its_own_read() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        read(a);
        read(b);
        handOff(b, a);
        write(a); // a's own read and b's (handed off) read are both ordered before this write
        assertEquals(Epoch.NONE, v.r);
        assertNoRace();
    }

    // ---- races ------------------------------------------------------------------------------------------------

    @Test
    void write_then_unordered_read_should_be_a_write_read_race() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        write(a);
        read(b);
        assertRace(onlyRace(), AccessKind.READ, b, AccessKind.WRITE, a);
        assertEquals(b.epoch, v.r, "the racy read is still recorded");
    }

    @Test
    void write_then_unordered_read_should_race_even_when_reads_are_shared() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        ThreadState c = thread("c");
        write(a);
        handOff(a, b);
        read(b);
        read(c); // races with a's write, and shares the read state with b
        assertRace(onlyRace(), AccessKind.READ, c, AccessKind.WRITE, a);
        assertEquals(Epoch.SHARED, v.r);
    }

    @Test
    void two_unordered_writes_should_be_a_write_write_race() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        write(a);
        write(b);
        assertRace(onlyRace(), AccessKind.WRITE, b, AccessKind.WRITE, a);
        assertEquals(b.epoch, v.w);
    }

    @Test
    void exclusive_read_then_unordered_write_should_be_a_read_write_race() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        read(a);
        write(b);
        assertRace(onlyRace(), AccessKind.WRITE, b, AccessKind.READ, a);
    }

    @Test
    void shared_reads_then_write_should_race_with_the_one_unordered_reader() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        ThreadState w = thread("w");
        read(a);
        read(b);
        handOff(a, w); // only a's read happens-before the write
        write(w);
        assertRace(onlyRace(), AccessKind.WRITE, w, AccessKind.READ, b);
        assertEquals(Epoch.NONE, v.r, "shared -> none, race or not");
        assertNull(v.readClocks);
    }

    @Test
    void shared_reads_then_write_should_report_every_unordered_reader() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        ThreadState c = thread("c");
        ThreadState ordered = thread("ordered");
        ThreadState w = thread("w");
        read(a);
        read(b);
        read(c);
        read(ordered);
        handOff(ordered, w);
        write(w);
        List<Race> rs = races();
        assertEquals(3, rs.size(), () -> "one race per unordered reader: " + rs);
        Set<Long> readers = new HashSet<>();
        for (Race r : rs) {
            assertEquals(AccessKind.WRITE, r.current().kind());
            assertEquals(AccessKind.READ, r.previous().kind());
            assertEquals(w.record.serial, r.current().thread());
            readers.add(r.previous().thread());
        }
        assertEquals(Set.of(a.record.serial, b.record.serial, c.record.serial), readers);
        assertEquals(Epoch.NONE, v.r);
    }

    @Test
    void a_write_racing_with_a_write_and_a_read_should_report_both() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        ThreadState c = thread("c");
        write(a);
        handOff(a, b);
        read(b);
        write(c); // unordered with a's write and with b's read
        List<Race> rs = races();
        assertEquals(2, rs.size(), () -> rs.toString());
        assertTrue(rs.stream().anyMatch(r -> r.previous().kind() == AccessKind.WRITE && r.previous().thread() == a.record.serial));
        assertTrue(rs.stream().anyMatch(r -> r.previous().kind() == AccessKind.READ && r.previous().thread() == b.record.serial));
    }

    @Test
    void the_same_pair_of_sites_should_be_reported_once_and_counted() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        int readSite = site();
        write(a);
        int before = Reporter.count();
        for (int i = 0; i < 3; i++) {
            ft.read(b, v, readSite, 0, target, Detector.FIELD); // a new epoch each time: the slow path runs
            b.tick();
        }
        assertEquals(before + 1, Reporter.count());
        assertEquals(3, onlyRace().occurrences());
    }

    // ---- ordered accesses: no race ----------------------------------------------------------------------------

    @Test
    void release_then_acquire_through_a_shadow_should_order_write_and_read() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        Shadow lock = TestShadows.newShadow();
        write(a);
        ft.release(a, lock);
        ft.acquire(b, lock);
        read(b);
        write(b);
        assertNoRace();
    }

    @Test
    void accesses_after_a_release_should_not_be_covered_by_it() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        Shadow lock = TestShadows.newShadow();
        ft.release(a, lock);
        write(a); // a's new epoch, after the release
        ft.acquire(b, lock);
        read(b);
        assertRace(onlyRace(), AccessKind.READ, b, AccessKind.WRITE, a);
    }

    @Test
    void acquire_of_a_never_released_shadow_should_order_nothing() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        write(a);
        ft.acquire(b, TestShadows.newShadow());
        read(b);
        assertEquals(1, races().size());
    }

    @Test
    void fork_should_order_the_parents_earlier_accesses_before_the_child() {
        ThreadState parent = thread("parent");
        write(parent);
        ThreadState child = Threads.create(new Thread("child"), parent.clock, 0);
        long parentEpoch = parent.epoch;
        ft.fork(parent, child);
        assertTrue(parent.epoch != parentEpoch, "the parent moves on to a new epoch");
        read(child);
        write(child);
        assertNoRace();
    }

    @Test
    void fork_should_not_order_the_parents_later_accesses() {
        ThreadState parent = thread("parent");
        ThreadState child = Threads.create(new Thread("child"), parent.clock, 0);
        ft.fork(parent, child);
        write(parent);
        read(child);
        assertRace(onlyRace(), AccessKind.READ, child, AccessKind.WRITE, parent);
    }

    @Test
    void join_should_order_the_childs_accesses_before_the_joiner() {
        ThreadState parent = thread("parent");
        ThreadState child = Threads.create(new Thread("child"), parent.clock, 0);
        ft.fork(parent, child);
        write(child);
        ft.join(parent, child);
        read(parent);
        write(parent);
        assertNoRace();
    }

    @Test
    void without_join_the_childs_write_should_race_with_the_parent() {
        ThreadState parent = thread("parent");
        ThreadState child = Threads.create(new Thread("child"), parent.clock, 0);
        ft.fork(parent, child);
        write(child);
        write(parent);
        assertRace(onlyRace(), AccessKind.WRITE, parent, AccessKind.WRITE, child);
    }

    @Test
    void transitive_happens_before_should_order_three_threads() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        ThreadState c = thread("c");
        write(a);
        handOff(a, b);
        handOff(b, c);
        write(c);
        read(c);
        assertNoRace();
    }

    // ---- what a report says -----------------------------------------------------------------------------------

    @Test
    void a_report_should_carry_both_stacks_and_the_target() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        write(a);
        read(b);
        Race r = onlyRace();
        assertEquals(field, r.target().name());
        assertTrue(r.target().instance().startsWith("java.lang.Object@"), r.target().instance());
        assertTrue(!r.current().stack().isEmpty(), "current stack");
        assertTrue(!r.previous().stack().isEmpty(), "previous stack, rebuilt from the call path");
        assertEquals(2, r.threads().size());
    }

    @Test
    void static_and_element_targets_should_be_described() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        int[] array = new int[4];
        VarState element = TestShadows.newVarState(2);
        String name = field;
        ft.write(a, element, site(), 0, array, Detector.ELEMENT);
        ft.write(b, element, site(), 0, array, Detector.ELEMENT);
        Race r = Reporter.races().stream()
                .filter(x -> x.target().kind() == Target.Kind.ARRAY_ELEMENT && x.target().instance() != null
                        && x.target().instance().equals("int[]@" + Integer.toHexString(System.identityHashCode(array))))
                .findFirst().orElseThrow();
        assertEquals("[2]", r.target().name());
        assertEquals("int[]", r.target().owner());

        VarState staticVar = TestShadows.newVarState(Sites.fieldKey(name, "J"));
        ft.write(a, staticVar, site(), 0, FastTrackTest.class, Detector.STATIC);
        ft.read(b, staticVar, site(), 0, FastTrackTest.class, Detector.STATIC);
        Race s = races().stream().filter(x -> x.target().kind() == Target.Kind.STATIC_FIELD).findFirst().orElseThrow();
        assertEquals(FastTrackTest.class.getName(), s.target().owner());
        assertNull(s.target().instance());
    }

    // ---- volatile fields: the re-read fast path ----------------------------------------------------------------

    @Test
    void rereading_an_unchanged_volatile_should_skip_the_join_but_still_order_the_data() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        Shadow flag = TestShadows.newShadow();
        int key = Sites.syncKey(field + "_flag");
        write(a);
        ft.releaseField(a, flag, key);
        ft.acquireField(b, flag, key);
        long afterFirst = b.clock.get(a.slot);
        ft.acquireField(b, flag, key); // nothing new released: the fast path
        assertEquals(afterFirst, b.clock.get(a.slot));
        read(b);
        assertEquals(0, races().size(), "the volatile orders the write before the read");
    }

    @Test
    void a_new_release_should_be_acquired_after_a_fast_path_read() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        Shadow flag = TestShadows.newShadow();
        int key = Sites.syncKey(field + "_flag");
        ft.releaseField(a, flag, key);
        ft.acquireField(b, flag, key);
        ft.acquireField(b, flag, key);
        write(a);
        ft.releaseField(a, flag, key); // a new version
        ft.acquireField(b, flag, key);
        read(b);
        assertEquals(0, races().size(), "the second release orders the second write");
    }

    @Test
    void a_write_after_the_last_release_should_still_race_with_a_fast_path_reader() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        Shadow flag = TestShadows.newShadow();
        int key = Sites.syncKey(field + "_flag");
        ft.releaseField(a, flag, key);
        ft.acquireField(b, flag, key);
        write(a); // no release after it
        ft.acquireField(b, flag, key);
        read(b);
        assertEquals(1, races().size(), "nothing orders the write after the release before the read");
    }

    // ---- array elements as synchronization variables (VarHandles, atomic arrays) ------------------------------

    @Test
    void an_element_release_should_order_only_an_acquire_of_the_same_element() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        Shadow array = TestShadows.newShadow();
        write(a);
        ft.releaseElement(a, array, 5, 8);
        ft.acquireElement(b, array, 4); // another element: nothing released there
        ft.acquireElement(b, array, 7); // past the clocks made so far
        read(b);
        assertEquals(1, races().size(), "element 4 and 7 are not element 5");
    }

    @Test
    void an_element_release_should_order_the_acquire_of_that_element_and_grow_to_the_array_length() {
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        Shadow array = TestShadows.newShadow();
        ft.releaseElement(a, array, 0, 100_000);
        write(a);
        ft.releaseElement(a, array, 99_999, 100_000); // the last element: clocks grow to the length, no further
        ft.acquireElement(b, array, 99_999);
        read(b);
        assertEquals(0, races().size(), "the release of element 99999 orders the write before the read");
    }
}
