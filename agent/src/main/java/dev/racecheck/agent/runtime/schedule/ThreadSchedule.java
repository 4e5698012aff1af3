package dev.racecheck.agent.runtime.schedule;

import java.lang.ref.WeakReference;

/**
 * One thread's part in an explored run: its seeded random numbers, its priority, and how many schedule points it
 * has passed. Written only by its own thread (the starter makes it, before the thread runs); other threads read
 * {@link #priority}, {@link #points} and {@link #pausing} racily, which only makes a wait a little longer or shorter.
 */
final class ThreadSchedule {
    /** The thread, weakly: racecheck must not keep a program's thread object alive. */
    final WeakReference<Thread> thread;
    /** The seed of the exploration this thread takes part in. */
    final long seed;
    /**
     * Where the thread stands in the tree of threads started from the exploration's first thread: that thread is
     * {@link #ROOT}, the n-th thread a thread starts is {@code mix(identity, n)}. Stable from run to run as long as
     * each thread starts its children in the same order, whatever the OS does (thread ids and start times differ).
     */
    final long identity;
    /** A tie-breaker between equal priorities: the thread's serial number in this JVM. */
    final long serial;
    /** SplitMix64 state. */
    private long random;
    /** Higher runs first. Initial priorities are non-negative; a priority change point makes it negative. */
    volatile long priority;
    /** Schedule points passed. */
    volatile long points;
    /** The point at which this thread's priority drops below every initial one (PCT's change point); 0: none. */
    long changeAt;
    /** Chance in 65,536 that a point draws a new priority ({@link Strategy#POS}). */
    final int redrawChance;
    /** Chance in 65,536 that a point waits for every other runnable thread, as if this one were the lowest (PCT). */
    final int yieldChance;
    /** While the thread waits in a schedule point: other threads do not wait for it. */
    volatile boolean pausing;
    /**
     * Nesting depth of racecheck's own work on this thread (instrumenting a class it loads, above all), and how many
     * such stretches ended: that work is progress towards the thread's next point, not the program computing, so a
     * thread waiting for this one does not count its CPU time as a stall (instrumenting the classes of a thread pool
     * takes a new thread hundreds of milliseconds).
     */
    volatile int agentWork;
    volatile long agentWorks;
    /** Children started so far, for their identities. */
    int children;
    /** {@link #points} of a higher thread when this thread last gave up waiting for it (stalled: I/O or long work). */
    long stalledAt = -1;

    static final long ROOT = 0x5ca1ab1e0ddba11L;

    ThreadSchedule(Thread thread, long seed, long identity, long serial, Strategy strategy) {
        this.thread = new WeakReference<>(thread);
        this.seed = seed;
        this.identity = identity;
        this.serial = serial;
        this.random = mix(seed ^ mix(identity));
        this.priority = nextLong() >>> 1;
        this.changeAt = strategy == Strategy.PCT ? pctChangePoint() : 0;
        this.redrawChance = strategy == Strategy.POS ? posChance(seed) : 0;
        this.yieldChance = strategy == Strategy.PCT ? YIELD_CHANCES[runChoice(seed, 1)] : 0;
    }

    /**
     * PCT's change point, per thread: none for half of the threads, else a point drawn from ranges of every scale up
     * to 4,096 points (uniform within a range chosen at random), so that short threads are as likely to get one as long
     * ones. PCT proper draws d - 1 points over the estimated length of the whole run.
     */
    private long pctChangePoint() {
        if ((nextLong() & 1) == 0) return 0;
        int scale = 1 + nextInt(12);
        return 1 + nextInt(1 << scale);
    }

    /**
     * How often a point draws a new priority in this run: one of 1/2, 1/4, 1/16 and 1/64, chosen by the run's seed
     * (not the thread's), so that some runs re-order at almost every point and others keep long stretches.
     */
    private static int posChance(long seed) {
        return REDRAW_CHANCES[runChoice(seed, 0)];
    }

    private static final int[] REDRAW_CHANCES = {32768, 16384, 4096, 1024};
    /** None, 1/16, 1/4, 1/2: runs that keep the priorities, and runs that also let a thread step back now and then. */
    private static final int[] YIELD_CHANCES = {0, 4096, 16384, 32768};

    /** One of four choices made per run (the same in every thread), the {@code n}-th such choice. */
    private static int runChoice(long seed, int n) {
        return (int) (mix(seed ^ (0x9e3779b97f4a7c15L * (n + 1))) >>> 62);
    }

    /** The identity of this thread's next child. */
    long childIdentity() {
        return mix(identity + 0x632be59bd9b4e019L * ++children);
    }

    long nextLong() {
        random += 0x9e3779b97f4a7c15L;
        return mix(random);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** A priority below every initial one: where PCT puts a thread at a change point. */
    long lowered() {
        return -1 - (nextLong() >>> 1);
    }

    /** Whether {@code other} goes before this thread: a higher priority, the earlier thread on a tie. */
    boolean yieldsTo(ThreadSchedule other) {
        long p = priority;
        long q = other.priority;
        return q > p || q == p && other.serial < serial;
    }

    /** SplitMix64's finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
