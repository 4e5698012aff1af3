package dev.racecheck.agent.runtime.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.report.QuietReports;

/**
 * The predictive detector on hand-made traces (the shapes of the papers' examples and of the probe corpus), each
 * checked against the brute-force oracle ({@link TraceOracle}), and on random traces: every race it predicts must be
 * one the oracle finds predictable (no false alarm), and the races happens-before saw are still reported as such.
 */
class PredictiveDetectorTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    private static List<TraceRun.Found> predictive(List<TraceOracle.Event> trace) {
        return TraceRun.predictive().run(trace);
    }

    private static List<TraceRun.Found> hb(List<TraceOracle.Event> trace) {
        return new TraceRun(new FastTrack()).run(trace);
    }

    private static TraceRun.Found predicted(int previous, int current) {
        return new TraceRun.Found(previous, current, true);
    }

    /** The pair is predicted, and the oracle agrees it is a race; happens-before alone sees nothing. */
    private static void assertPredicted(List<TraceOracle.Event> trace, int previous, int current) {
        assertTrue(TraceOracle.predictable(trace, previous, current), "the oracle must find the race: " + trace);
        assertEquals(List.of(), hb(trace), "happens-before orders the accesses in this trace");
        assertEquals(List.of(predicted(previous, current)), predictive(trace), () -> "trace " + trace);
    }

    /** Nothing is reported, and the oracle agrees no reordering makes the two accesses race. */
    private static void assertNothing(List<TraceOracle.Event> trace, int e1, int e2) {
        assertFalse(TraceOracle.predictable(trace, e1, e2), "the oracle must find no race: " + trace);
        assertEquals(List.of(), predictive(trace), () -> "trace " + trace);
    }

    private static List<TraceOracle.Event> t(String... events) {
        return TraceOracle.trace(events);
    }

    // ---- the relaxed order -------------------------------------------------------------------------------------

    @Test
    void unrelated_critical_sections_should_not_hide_a_race() {
        // The brief's example: t1 x = 1; M{}  ||  M{}; x = 2.
        assertPredicted(t("t1 w x", "t1 acq m", "t1 rel m", "t2 acq m", "t2 rel m", "t2 w x"), 0, 5);
    }

    @Test
    void a_read_after_the_section_races_with_the_write_before_it() {
        assertPredicted(t("t1 w x", "t1 acq m", "t1 rel m", "t2 acq m", "t2 rel m", "t2 r x"), 0, 5);
    }

    @Test
    void a_read_inside_the_later_section_is_predicted() {
        assertPredicted(t("t1 w x", "t1 acq m", "t1 rel m", "t2 acq m", "t2 r x", "t2 rel m"), 0, 4);
    }

    @Test
    void sections_on_different_variables_do_not_conflict() {
        assertPredicted(t("t1 w x", "t1 acq m", "t1 w a", "t1 rel m", "t2 acq m", "t2 w b", "t2 rel m",
                "t2 w x"), 0, 7);
    }

    @Test
    void reads_in_both_sections_do_not_conflict() {
        assertPredicted(t("t0 w y", "t0 fork t1", "t0 fork t2", "t1 w x", "t1 acq m", "t1 r y", "t1 rel m",
                "t2 acq m", "t2 r y", "t2 rel m", "t2 w x"), 3, 10);
    }

    @Test
    void a_section_fits_between_two_of_the_other_thread() {
        assertPredicted(t("t1 acq m", "t1 rel m", "t1 w x", "t1 acq m", "t1 rel m", "t2 acq m", "t2 rel m",
                "t2 w x"), 2, 7);
    }

    @Test
    void three_threads_on_one_lock() {
        assertPredicted(t("t1 w x", "t1 acq m", "t1 rel m", "t2 acq m", "t2 rel m", "t3 acq m", "t3 rel m",
                "t3 w x"), 0, 7);
    }

    @Test
    void nested_locks_whose_inner_lock_alone_is_shared() {
        assertPredicted(t("t1 w x", "t1 acq m", "t1 acq n", "t1 rel n", "t1 rel m", "t2 acq n", "t2 rel n",
                "t2 w x"), 0, 7);
    }

    @Test
    void an_empty_chain_of_sections_through_a_third_thread() {
        // t1 A{}, t2 A{} B{}, t3 B{}: t3's section can run first, t2 not at all.
        assertPredicted(t("t1 w x", "t1 acq a", "t1 rel a", "t2 acq a", "t2 rel a", "t2 acq b", "t2 rel b",
                "t3 acq b", "t3 rel b", "t3 w x"), 0, 9);
    }

    @Test
    void a_dc_race_that_wcp_orders_is_predicted() {
        // PredictDcOnly: t1 x=1; M{y=1}  t2 M{r=y} N{}  t3 N{}; x=2. WCP composes with happens-before through N.
        assertPredicted(t("t1 w x", "t1 acq m", "t1 w y", "t1 rel m", "t2 acq m", "t2 r y", "t2 rel m",
                "t2 acq n", "t2 rel n", "t3 acq n", "t3 rel n", "t3 w x"), 0, 11);
    }

    @Test
    void a_section_without_reads_may_go_after_a_later_one() {
        // PredictWriteInsideCS: t1 M{x=1}  ||  M{}; x=2. Not sync-preserving: t2's section goes first.
        assertPredicted(t("t1 acq m", "t1 w x", "t1 rel m", "t2 acq m", "t2 rel m", "t2 w x"), 1, 5);
    }

    @Test
    void a_fork_after_the_section_does_not_order_the_child() {
        assertPredicted(t("t1 w x", "t1 acq m", "t1 rel m", "t2 acq m", "t2 rel m", "t2 fork t3", "t3 w x"), 0, 6);
    }

    // ---- what must stay ordered ------------------------------------------------------------------------------------

    @Test
    void conflicting_sections_keep_their_order() {
        // NoPredictConflictingCS: the read of y in t2's section sees t1's write: t1's section comes first.
        assertNothing(t("t1 w x", "t1 acq m", "t1 w y", "t1 rel m", "t2 acq m", "t2 r y", "t2 rel m", "t2 w x"),
                0, 7);
    }

    @Test
    void a_read_value_constrains_the_order() {
        // NoPredictReadValueThenReadX: t2 reads x only after reading ready, set after x = 42.
        assertNothing(t("t1 w x", "t1 acq m", "t1 w r", "t1 rel m", "t2 acq m", "t2 r r", "t2 rel m", "t2 r x"),
                0, 7);
    }

    @Test
    void release_release_order_through_ordered_sections_is_respected() {
        // NoPredictRuleB: t1 M{N{y=1}; x=1}  t2 N{r=y} M{}; x=2. Rule (b) of WCP/DC; the predictive clock here has no
        // rule (b), so this is a candidate, and the witness check rejects it.
        assertNothing(t("t1 acq m", "t1 acq n", "t1 w y", "t1 rel n", "t1 w x", "t1 rel m", "t2 acq n", "t2 r y",
                "t2 rel n", "t2 acq m", "t2 rel m", "t2 w x"), 4, 11);
    }

    @Test
    void a_dc_race_that_is_no_race_is_rejected() {
        // NoPredictDcFalseRace (Vindicator's case): DC leaves the two writes of x unordered, no reordering makes them
        // adjacent.
        assertNothing(t("t2 acq n", "t2 acq p", "t2 w q", "t2 rel p", "t1 acq p", "t1 r q", "t1 rel p", "t1 w x",
                "t1 acq p", "t1 w q2", "t1 rel p", "t2 acq p", "t2 r q2", "t2 rel p", "t2 rel n", "t3 acq n",
                "t3 w x", "t3 rel n"), 7, 16);
    }

    @Test
    void accesses_in_sections_on_one_lock_never_race() {
        assertNothing(t("t1 acq m", "t1 w x", "t1 rel m", "t2 acq m", "t2 w x", "t2 rel m"), 1, 4);
        assertNothing(t("t1 acq m", "t1 r x", "t1 w x", "t1 rel m", "t2 acq m", "t2 r x", "t2 w x", "t2 rel m"),
                2, 6);
    }

    @Test
    void a_volatile_orders_like_happens_before() {
        assertNothing(t("t1 w x", "t1 acq m", "t1 rel m", "t1 vw v", "t2 vr v", "t2 acq m", "t2 rel m", "t2 w x"),
                0, 7);
    }

    @Test
    void a_handed_over_element_orders_like_happens_before() {
        assertEquals(List.of(), predictive(t("t1 w x", "t1 acq m", "t1 rel m", "t1 qput e", "t2 qtake e",
                "t2 acq m", "t2 rel m", "t2 w x")));
    }

    @Test
    void a_lock_the_jdk_takes_for_itself_is_not_relaxed() {
        // A queue's internal lock carries the queue's state, which racecheck does not see.
        assertEquals(List.of(), predictive(t("t1 w x", "t1 jacq q", "t1 jrel q", "t2 jacq q", "t2 jrel q",
                "t2 w x")));
    }

    @Test
    void a_thread_started_after_the_write_is_ordered() {
        assertEquals(List.of(), predictive(t("t1 w x", "t1 acq m", "t1 rel m", "t1 fork t2", "t2 acq m",
                "t2 rel m", "t2 w x")));
    }

    @Test
    void a_joined_thread_is_ordered() {
        assertEquals(List.of(), predictive(t("t0 fork t1", "t1 w x", "t1 acq m", "t1 rel m", "t0 join t1",
                "t0 acq m", "t0 rel m", "t0 w x")));
    }

    @Test
    void a_read_that_raced_with_a_write_makes_no_witness() {
        // t2's read of y races with t3's write (reported as such): which write it saw is not known for sure, so no
        // witness may contain it, and x is not predicted (conservative: the oracle would find it).
        List<TraceRun.Found> found = predictive(t("t1 w x", "t1 acq m", "t1 rel m", "t3 w y", "t2 r y", "t2 acq m",
                "t2 rel m", "t2 w x"));
        assertEquals(List.of(new TraceRun.Found(3, 4, false)), found);
    }

    @Test
    void races_happens_before_sees_are_reported_as_before() {
        List<TraceOracle.Event> trace = t("t1 acq m", "t1 rel m", "t1 w x", "t2 acq m", "t2 rel m", "t2 w x");
        assertEquals(List.of(new TraceRun.Found(2, 5, false)), hb(trace));
        assertEquals(List.of(new TraceRun.Found(2, 5, false)), predictive(trace));
    }

    // ---- random traces -------------------------------------------------------------------------------------------

    @Test
    void every_predicted_race_of_random_traces_is_a_race() {
        // Threads interleaved event by event: many races happens-before sees, which leave reads uncertain (the
        // predictions beside them must still be right). Race-free ones are rare here: the block traces below are those.
        Random rng = new Random(15);
        int[] counts = new int[4];
        List<String> falseAlarms = new ArrayList<>();
        for (int k = 0; k < 400; k++) {
            check(TraceOracle.random(rng, 3, 2, 2, 10 + rng.nextInt(6)), counts, falseAlarms);
        }
        System.out.println("random traces: 400, races seen by happens-before " + counts[0] + ", predicted " + counts[1]
                + ", predictable pairs (oracle) " + counts[2] + " of which happens-before ordered " + counts[3]);
        assertEquals(List.of(), falseAlarms, "predicted races the oracle rejects");
        assertTrue(counts[0] > 100, "the random traces should have races happens-before sees: " + counts[0]);
    }

    @Test
    void every_predicted_race_of_random_block_traces_is_a_race() {
        // Whole critical sections and bare accesses, 3 or 4 threads, 2 or 3 locks, some nesting: happens-before
        // orders most bare accesses through sections, which is where predictions are.
        Random rng = new Random(1999);
        int[] counts = new int[4];
        List<String> falseAlarms = new ArrayList<>();
        int done = 0;
        for (int tries = 0; done < BLOCK_TRACES && tries < 20 * BLOCK_TRACES; tries++) {
            List<TraceOracle.Event> trace = TraceOracle.blocks(rng, 3 + rng.nextInt(2), 2 + rng.nextInt(2), 2,
                    5 + rng.nextInt(4));
            if (trace.size() > 18 || !hb(trace).isEmpty()) continue;
            done++;
            check(trace, counts, falseAlarms);
        }
        System.out.println("random block traces: " + done + " race-free under happens-before, predicted "
                + counts[1] + ", predictable pairs (oracle) " + counts[2] + ", all of them ordered by happens-before");
        assertEquals(List.of(), falseAlarms, "predicted races the oracle rejects");
        assertTrue(done > BLOCK_TRACES / 2, "too few race-free traces: " + done);
        assertTrue(counts[1] > 50, "the block traces should predict races: " + counts[1]);
    }

    private static final int BLOCK_TRACES = 600;

    /** counts: happens-before races, predicted, oracle-predictable pairs, of those the ones happens-before ordered. */
    private static void check(List<TraceOracle.Event> trace, int[] counts, List<String> falseAlarms) {
        List<TraceRun.Found> found = predictive(trace);
        for (TraceRun.Found f : found) {
            if (!f.predicted()) {
                counts[0]++;
                continue;
            }
            counts[1]++;
            if (!TraceOracle.predictable(trace, f.previous(), f.current())) falseAlarms.add(f + " in " + trace);
        }
        List<TraceRun.Found> seen = hb(trace);
        for (int i = 0; i < trace.size(); i++) {
            for (int j = i + 1; j < trace.size(); j++) {
                if (TraceOracle.conflict(trace.get(i), trace.get(j)) && TraceOracle.predictable(trace, i, j)) {
                    counts[2]++;
                    int a = i;
                    int b = j;
                    if (seen.stream().noneMatch(f -> f.previous() == a && f.current() == b)) counts[3]++;
                }
            }
        }
    }
}
