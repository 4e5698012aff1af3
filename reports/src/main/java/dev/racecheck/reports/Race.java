package dev.racecheck.reports;

import java.util.List;

/**
 * One data race: two accesses to the same variable, at least one a write, not ordered by happens-before.
 *
 * @param target      the variable
 * @param current     the access that revealed the race (the later one in the run)
 * @param previous    the earlier access it conflicts with
 * @param threads     the threads of both accesses (one entry each, current first)
 * @param occurrences how often this pair of code locations raced in the run (1 when first reported; a final
 *                    report carries the total)
 */
public record Race(Target target, Access current, Access previous, List<ThreadInfo> threads, long occurrences) {
    public Race {
        threads = List.copyOf(threads);
    }

    /** The thread with the given serial number, or {@code null}. */
    public ThreadInfo thread(long id) {
        for (ThreadInfo t : threads) if (t.id() == id) return t;
        return null;
    }
}
