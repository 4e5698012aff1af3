package dev.racecheck.agent.runtime.schedule;

import java.util.concurrent.locks.LockSupport;

import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Schedule exploration: a seeded perturbation of the schedule at synchronization points (before a monitor is entered
 * or left, before a volatile access, at the entry of every JDK method racecheck models: locks, latches, queues,
 * atomics, futures, thread start, park), so that one run of a program can take an order of events other runs rarely
 * take. Happens-before then reports the races that order leaves unordered.
 *
 * <p>racecheck does not control the OS scheduler: a thread can only be made to wait. At a point a thread waits (in
 * short parks, holding nothing of racecheck's) while another participating thread of higher priority is runnable
 * ({@link Strategy}, {@link #waitForHigher}); a wait ends after {@link #MAX_WAIT_NANOS} in any case, so a program that
 * busy-waits for a lower thread still moves on, and no wait can deadlock. Every decision comes from the run's seed and
 * the thread's place in the tree of thread starts ({@link ThreadSchedule#identity}), so running with the same seed makes
 * the same decisions where the program does the same things; what the OS does in between is not replayed.
 *
 * <p>Armed by the agent options {@code explore_seed} or {@code explore=1} only. {@link #ARMED} is read once, when this
 * class initializes (after the agent has set its options): false, the JIT folds every {@code if (ARMED)} away, and the
 * instrumentation emits no schedule point at all.
 */
public final class Schedule {
    /** Whether exploration can happen in this JVM: the instrumentation emits schedule points only then. */
    public static final boolean ARMED = Config.explore;
    static final Strategy STRATEGY = strategy();

    /** A waiting thread parks this long at a time before it looks again. */
    static final long STEP_NANOS = 200_000L;
    /**
     * A higher thread that passes no point while it uses this much CPU computes for long (class loading alone takes
     * milliseconds): stop waiting for it. One that passes none for {@link #STALL_NANOS}, using next to no CPU, in a
     * native method, is blocked in I/O: stop waiting too. Where the CPU time is unknown (virtual threads), passing no
     * point for {@link #STALL_NANOS} is enough.
     */
    static final long STALL_CPU_NANOS = 100_000_000L;
    static final long STALL_NANOS = 20_000_000L;
    static final long IDLE_CPU_NANOS = 500_000L;
    /**
     * The same for a higher thread that has passed no point yet: it was just started, and on a loaded machine a new
     * thread may wait tens of milliseconds for a core.
     */
    static final long START_NANOS = 100_000_000L;
    /** The longest wait at one point. */
    static final long MAX_WAIT_NANOS = 1_000_000_000L;
    /**
     * What all waits of a run may take together: {@link #BUDGET_NANOS} plus half the time since exploration began. Past
     * it, points do not wait until the run's time has caught up again: the waits of a long program (summed over its
     * threads, so also its wall time spent waiting) stay under about half its time plus a second, and the exploration
     * goes on in the stretches the budget allows. (Waits of at most 1 ms past the budget, as before, slowed a
     * producer-consumer of 300,000 hand-offs down 3x: one short wait per point adds up.)
     */
    static final long BUDGET_NANOS = 1_000_000_000L;
    /** The longest sleep of {@link Strategy#NOISE}. */
    static final int NOISE_MAX_NANOS = 2_000_000;

    /**
     * Set once a thread first explores (and never cleared): until then the JDK's schedule points return without
     * looking up the thread's state, so an armed JVM whose tests do not explore pays next to nothing.
     */
    public static volatile boolean exploring;

    /** Guards changes of {@link #participants}; never held while a thread waits. */
    private static final Object REGISTRY = new Object();
    /** The threads taking part, copied on change: the waiters read it without a lock. */
    private static volatile ThreadSchedule[] participants = new ThreadSchedule[0];
    /** Identities of threads whose starter did not take part (a JDK thread's): stable only if they start in order. */
    private static long orphans;

    /** When exploration began (the first {@link #begin}), and the time all waits took so far: racy sums are fine. */
    private static volatile long began;
    static volatile long waited;
    /** Statistics for verbose=1, guarded by REGISTRY. */
    private static long pauses;
    private static long pausedNanos;
    private static long timeOuts;

    private Schedule() {
        // no instances
    }

    private static Strategy strategy() {
        Strategy s = Config.exploreStrategy == null ? null : Strategy.named(Config.exploreStrategy);
        return s == null ? Strategy.PCT : s;
    }

    // ---- taking part ----------------------------------------------------------------------------------------

    /**
     * The current thread starts exploring with {@code seed}, as the first thread of the exploration; the threads it
     * starts from now on take part too. Replaces what it had.
     */
    public static void begin(ThreadState ts, Thread self, long seed) {
        if (!ARMED) throw new IllegalStateException("racecheck: schedule exploration needs the agent option explore=1");
        ts.ignore++;
        try {
            leave(ts);
            CpuTime.load();
            if (began == 0L) began = System.nanoTime();
            exploring = true;
            join(ts, new ThreadSchedule(self, seed, ThreadSchedule.ROOT, ts.record.serial, STRATEGY));
        } finally {
            ts.ignore--;
        }
    }

    /** The current thread stops exploring (threads it started keep their part until they end). */
    public static void end(ThreadState ts) {
        ts.ignore++;
        try {
            leave(ts);
        } finally {
            ts.ignore--;
        }
    }

    /**
     * {@code parent} starts {@code thread}, whose state is {@code child}: the child takes part if its starter does, or
     * if the whole run explores ({@code explore_seed}). The threads that run virtual threads never take part.
     */
    public static void started(ThreadState parent, ThreadState child, Thread thread) {
        if (isScheduler(thread)) return;
        Object o = parent.schedule;
        ThreadSchedule s;
        if (o != null) {
            ThreadSchedule p = (ThreadSchedule) o;
            s = new ThreadSchedule(thread, p.seed, p.childIdentity(), child.record.serial, STRATEGY);
        } else if (Config.exploreSeed != null) {
            long identity;
            synchronized (REGISTRY) {
                identity = ThreadSchedule.mix(~ThreadSchedule.ROOT + ++orphans);
            }
            s = new ThreadSchedule(thread, Config.exploreSeed, identity, child.record.serial, STRATEGY);
        } else {
            return;
        }
        join(child, s);
    }

    /** The thread has ended. */
    public static void ended(ThreadState ts) {
        leave(ts);
    }

    private static boolean isScheduler(Thread t) {
        String type = t.getClass().getName();
        return type.equals("jdk.internal.misc.CarrierThread")
                || type.equals("jdk.internal.misc.InnocuousThread") && t.getName().equals("VirtualThread-unblocker");
    }

    /** The thread of {@code ts} takes part with {@code s} (tests; the agent goes through begin and started). */
    static void participate(ThreadState ts, ThreadSchedule s) {
        join(ts, s);
    }

    private static void join(ThreadState ts, ThreadSchedule s) {
        synchronized (REGISTRY) {
            ThreadSchedule[] old = participants;
            ThreadSchedule[] now = new ThreadSchedule[old.length + 1];
            System.arraycopy(old, 0, now, 0, old.length);
            now[old.length] = s;
            participants = now;
        }
        ts.exploreSeed = s.seed;
        ts.schedule = s;
    }

    private static void leave(ThreadState ts) {
        Object o = ts.schedule;
        if (o == null) return;
        ts.schedule = null;
        ts.exploreSeed = null;
        synchronized (REGISTRY) {
            ThreadSchedule[] old = participants;
            for (int i = 0; i < old.length; i++) {
                if (old[i] != o) continue;
                ThreadSchedule[] now = new ThreadSchedule[old.length - 1];
                System.arraycopy(old, 0, now, 0, i);
                System.arraycopy(old, i + 1, now, i, old.length - i - 1);
                participants = now;
                return;
            }
        }
    }

    // ---- schedule points --------------------------------------------------------------------------------------

    /** A synchronization operation of the current thread is about to happen. Never throws. */
    public static void point(ThreadState ts) {
        Object o = ts.schedule;
        if (o == null || ts.ignore != 0) return;
        ts.ignore++; // what runs here (Thread.getState, parking) is racecheck's, not the program's
        try {
            ThreadSchedule s = (ThreadSchedule) o;
            long n = s.points + 1;
            s.points = n;
            switch (STRATEGY) {
                case NOISE:
                    if (s.nextInt(4) == 0) pause(s, s.nextInt(NOISE_MAX_NANOS));
                    break;
                case POS:
                    if (s.nextInt(65536) < s.redrawChance) s.priority = s.nextLong() >>> 1;
                    waitForHigher(s);
                    break;
                default:
                    if (n == s.changeAt) s.priority = s.lowered();
                    if (s.yieldChance != 0 && s.nextInt(65536) < s.yieldChance) {
                        // A step back: for this point only, below every other thread.
                        long priority = s.priority;
                        s.priority = s.lowered();
                        waitForHigher(s);
                        s.priority = priority;
                    } else {
                        waitForHigher(s);
                    }
                    break;
            }
        } catch (Throwable e) {
            Internal.error("exploring schedules", e);
        } finally {
            ts.ignore--;
        }
    }

    /** racecheck's own work (see {@link ThreadSchedule#agentWork}) begins on the current thread. Never throws. */
    public static void agentWorkBegins(ThreadState ts) {
        Object o = ts.schedule;
        if (o != null) ((ThreadSchedule) o).agentWork++;
    }

    /** racecheck's own work on the current thread ends. Never throws. */
    public static void agentWorkEnds(ThreadState ts) {
        Object o = ts.schedule;
        if (o == null) return;
        ThreadSchedule s = (ThreadSchedule) o;
        if (s.agentWork > 0) s.agentWork--;
        s.agentWorks++;
    }

    /**
     * A timed wait of the current thread ({@code Thread.join(millis)}, {@code Object.wait(millis)}) is about to start:
     * true when it should return at once, as if its time had run out (both may: join waits "at most" its time, and a
     * wait may wake up spuriously). A seeded coin decides, for a thread that takes part.
     */
    public static boolean timesOutNow(ThreadState ts) {
        Object o = ts.schedule;
        if (o == null || ts.ignore != 0) return false;
        boolean now = ((ThreadSchedule) o).nextInt(2) == 0;
        if (now && Config.verbose) {
            synchronized (REGISTRY) {
                timeOuts++;
            }
        }
        return now;
    }

    /**
     * Waits while a participating thread that goes before this one ({@link ThreadSchedule#yieldsTo}) is runnable, or
     * waiting in a point itself (for one higher still). Threads wait only for higher ones, and the order of priorities
     * is total, so no two threads wait for each other. Gives up on such a thread once it is stalled: it used
     * {@link #STALL_CPU_NANOS} of CPU without passing a point (it computes), or passed none for {@link #STALL_NANOS} in
     * a native method using next to no CPU (blocked in I/O), or, where its CPU time is unknown (a virtual thread),
     * passed none for {@link #STALL_NANOS} ({@link #START_NANOS} before its first point). A runnable thread that waits
     * for a core is waited for, up to {@link #MAX_WAIT_NANOS} in all. An interrupted thread does not wait: its parks
     * would return at once, and its interrupt is left as it is.
     */
    private static void waitForHigher(ThreadSchedule me) {
        if (Thread.currentThread().isInterrupted() || overBudget()) return;
        long max = MAX_WAIT_NANOS;
        Watch[] watches = null;
        int watched = 0;
        long start = 0L;
        boolean parked = false;
        for (;;) {
            ThreadSchedule[] all = participants;
            boolean waiting = false;
            long now = 0L;
            for (ThreadSchedule o : all) {
                if (o == me || !me.yieldsTo(o)) continue;
                long p = o.points;
                if (p == o.stalledAt) continue;
                Thread t = o.thread.get();
                if (t == null) continue;
                // A higher thread waiting in a point of its own is runnable too: it goes once the ones above it let it.
                boolean pausing = o.pausing;
                if (!pausing && t.getState() != Thread.State.RUNNABLE) continue;
                if (now == 0L) now = System.nanoTime();
                if (start == 0L) start = now;
                Watch w = null;
                for (int i = 0; i < watched && w == null; i++) {
                    if (watches[i].thread == o) w = watches[i];
                }
                if (w == null) {
                    if (watches == null) watches = new Watch[4];
                    else if (watched == watches.length) watches = java.util.Arrays.copyOf(watches, watched * 2);
                    w = watches[watched++] = new Watch(o);
                }
                long works = o.agentWorks;
                if (w.points != p || w.works != works || o.agentWork != 0) {
                    // Progress: a point passed, or racecheck's own work (instrumenting classes) done or under way.
                    w.points = p;
                    w.works = works;
                    w.since = now;
                    w.cpu = CpuTime.of(t);
                    waiting = true;
                } else if (pausing) {
                    waiting = true;
                } else if (w.stalled(t, now)) {
                    o.stalledAt = p; // not waited for again, by any thread, until it passes a point
                } else {
                    waiting = true;
                }
            }
            if (!waiting || now - start >= max) break;
            me.pausing = true;
            LockSupport.parkNanos(STEP_NANOS);
            me.pausing = false;
            parked = true;
        }
        if (parked) givePermitBack();
        if (start != 0L) {
            long took = System.nanoTime() - start;
            waited += took;
            if (Config.verbose) count(took);
        }
    }

    /** What a waiting thread knows of a higher thread: the point count it last saw, since when, and its CPU time then. */
    private static final class Watch {
        final ThreadSchedule thread;
        long points = -1L;
        long works;
        long since;
        long cpu;

        Watch(ThreadSchedule thread) {
            this.thread = thread;
        }

        boolean stalled(Thread t, long now) {
            long used = cpu < 0L ? -1L : CpuTime.of(t);
            if (used >= 0L && used - cpu >= STALL_CPU_NANOS) return true;
            long idle = now - since;
            if (idle < STALL_NANOS) return false;
            if (used < 0L && idle >= (points == 0L ? START_NANOS : STALL_NANOS)) return true;
            return (used < 0L || used - cpu < IDLE_CPU_NANOS) && inNative(t);
        }
    }

    /** Whether a runnable thread is in a native method (blocked reading a socket, a pipe, the console). */
    private static boolean inNative(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod();
    }

    /** Whether the waits so far have used up the run's budget ({@link #BUDGET_NANOS}). */
    static boolean overBudget() {
        return waited > BUDGET_NANOS + (System.nanoTime() - began) / 2;
    }

    private static void pause(ThreadSchedule me, long nanos) {
        if (nanos <= 0L || Thread.currentThread().isInterrupted() || overBudget()) return;
        long start = System.nanoTime();
        me.pausing = true;
        try {
            // parkNanos may return early (a stray unpark): sleep out the rest, never throwing, never clearing an interrupt.
            long left = nanos;
            while (left > 0L && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(left);
                left = nanos - (System.nanoTime() - start);
            }
        } finally {
            me.pausing = false;
            givePermitBack();
        }
        long took = System.nanoTime() - start;
        waited += took;
        if (Config.verbose) count(took);
    }

    /**
     * Our parks share the thread's one park permit with the program's: an unpark meant for the program's next park (a
     * lock handed over while this thread waited here) may have ended one of ours instead. Give it back: the program's
     * park then returns at once, which LockSupport allows (a spurious return; every correct caller checks its condition
     * again). VirtualThread.sleepNanos does the same.
     */
    private static void givePermitBack() {
        LockSupport.unpark(Thread.currentThread());
    }

    private static void count(long nanos) {
        synchronized (REGISTRY) {
            pauses++;
            pausedNanos += nanos;
        }
    }

    /** A line for verbose=1 at exit. */
    public static String summary() {
        synchronized (REGISTRY) {
            return "schedule exploration (" + STRATEGY.name().toLowerCase(java.util.Locale.ROOT) + "): " + pauses
                    + " waits, " + pausedNanos / 1_000_000L + " ms in all, " + timeOuts + " timed waits cut short";
        }
    }
}
