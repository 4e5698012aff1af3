package dev.racecheck.reports;

import java.util.List;

/**
 * One data race: two accesses to the same variable, at least one a write, not ordered by happens-before. A
 * <em>predicted</em> race ({@link #predicted()} not null) was ordered in the run, but only by critical sections on a
 * lock that does not guard the variable; another schedule reorders those critical sections and the accesses race.
 *
 * @param target      the variable
 * @param current     the access that revealed the race (the later one in the run)
 * @param previous    the earlier access it conflicts with
 * @param threads     the threads of both accesses (one entry each, current first)
 * @param occurrences how often this pair of code locations raced in the run (1 when first reported; a final
 *                    report carries the total)
 * @param predicted   {@code null} for a race seen in the run (the accesses were not ordered by happens-before);
 *                    for a predicted race, the lock whose unrelated critical sections ordered the accesses
 * @param seed        the schedule-exploration seed of the run that found the race, or {@code null} when the run
 *                    did not explore schedules
 */
public record Race(Target target, Access current, Access previous, List<ThreadInfo> threads, long occurrences,
                   Prediction predicted, Long seed) {
    public Race {
        threads = List.copyOf(threads);
    }

    /** A race seen in a run without schedule exploration: not predicted, no seed. */
    public Race(Target target, Access current, Access previous, List<ThreadInfo> threads, long occurrences) {
        this(target, current, previous, threads, occurrences, null, null);
    }

    /** The same race with another count of occurrences; everything else kept. */
    public Race withOccurrences(long n) {
        return new Race(target, current, previous, threads, n, predicted, seed);
    }

    /** The same race found with schedule seed {@code s} ({@code null}: none); everything else kept. */
    public Race withSeed(Long s) {
        return new Race(target, current, previous, threads, occurrences, predicted, s);
    }

    /** The thread with the given serial number, or {@code null}. */
    public ThreadInfo thread(long id) {
        for (ThreadInfo t : threads) if (t.id() == id) return t;
        return null;
    }

    /**
     * What a container access did, {@code HashMap.put}: the class's simple binary name and the method of the access's
     * first frame, which for a {@link Target.Kind#CONTAINER} target names the operation
     * ({@code java.util.HashMap.put(HashMap.java)}); {@code null} for other targets and for an empty stack.
     */
    public String operation(Access a) {
        if (target.kind() != Target.Kind.CONTAINER || a.stack().isEmpty()) return null;
        Frame f = a.stack().get(0);
        String cls = f.className();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.methodName();
    }

    /**
     * Where in the program an access happened (the racy line): its first frame, or for a container target the frame
     * below the operation's; {@code null} for an empty stack.
     */
    public Frame racyFrame(Access a) {
        int i = racyFrameIndex(a);
        return i < 0 ? null : a.stack().get(i);
    }

    /** The index of {@link #racyFrame} in the access's stack, or -1 for an empty stack. */
    public int racyFrameIndex(Access a) {
        int n = a.stack().size();
        if (n == 0) return -1;
        return target.kind() == Target.Kind.CONTAINER && n > 1 ? 1 : 0;
    }
}
