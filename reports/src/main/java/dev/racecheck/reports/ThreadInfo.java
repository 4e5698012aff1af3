package dev.racecheck.reports;

import java.util.List;

/**
 * A thread that took part in a race.
 *
 * @param id        racecheck's serial number for the thread, printed as {@code T<id>}; never reused in one run
 * @param name      the thread's name when it was last seen
 * @param alive     whether the thread was still running when the report was made
 * @param startedAt where {@code Thread.start} was called, innermost frame first; empty when racecheck did not see the
 *                  start (the main thread, threads started before the agent)
 */
public record ThreadInfo(long id, String name, boolean alive, List<Frame> startedAt) {
    public ThreadInfo {
        startedAt = List.copyOf(startedAt);
    }
}
