package dev.racecheck.agent.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.locks.BlockedThreads;
import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.Deadlock;

/**
 * racecheck's deadlock watchdog: a daemon thread that looks once a second for threads blocked in a cycle, reports
 * them ({@code WARNING: DEADLOCK}) and ends the JVM ({@link ExitStatus#deadlocked()}), so that a CI job fails in
 * seconds with the answer instead of hanging until it is killed. A cycle is acted on only when two consecutive checks
 * see it, on the same acquisitions; a check that sees a new one is followed by the next a quarter of a second later:
 * a deadlock is reported within about 1.25 s of the moment the threads block.
 *
 * <p>Two sources: racecheck's own record of each thread's held locks and blocking acquisition
 * ({@link BlockedThreads#scan()}: platform and virtual threads, every lock racecheck models); and, when a platform
 * thread holding a lock is blocked somewhere racecheck did not record (a synchronized method, whose monitor is taken
 * before its first instruction; a monitor in code it does not instrument), the JVM's
 * {@code ThreadMXBean.findDeadlockedThreads}. A check reads thread states and racecheck's records; it takes no lock of
 * the program and runs none of its code, and it costs nothing while no thread holding a lock is blocked.
 */
final class DeadlockWatchdog implements Runnable {
    /** Between checks. */
    static final long PERIOD_MILLIS = 1000;
    /**
     * Between a check that saw a cycle and the one that confirms it: a deadlock is reported at most
     * {@code PERIOD_MILLIS + CONFIRM_MILLIS} after the threads block.
     */
    static final long CONFIRM_MILLIS = 250;

    /** Cycles seen by the previous check, and those already reported (deadlock_exit=0 keeps running). */
    private Set<String> previous = Set.of();
    private final Set<String> reported = new HashSet<>();
    private ThreadMXBean jvm;
    private boolean jvmUnavailable;

    private DeadlockWatchdog() {
    }

    static void start() {
        Thread t = new Thread(new DeadlockWatchdog(), "racecheck-deadlock-watchdog");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        // racecheck's own thread: never analysed, and given no thread number of the program's.
        Analysis.CURRENT.set(Threads.unanalysed(Thread.currentThread()));
        long pause = PERIOD_MILLIS;
        while (true) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            try {
                pause = check() ? CONFIRM_MILLIS : PERIOD_MILLIS;
            } catch (Throwable e) {
                Internal.error("looking for deadlocked threads", e);
                pause = PERIOD_MILLIS;
            }
        }
    }

    /** One check; true when it saw a cycle it has not reported yet (the next check comes sooner, to confirm it). */
    private boolean check() {
        Set<String> now = new HashSet<>();
        BlockedThreads.Scan scan = BlockedThreads.scan();
        for (BlockedThreads.Cycle c : scan.cycles) {
            now.add(c.key);
            if (previous.contains(c.key) && !reported.contains(c.key)) {
                Deadlock d = c.report();
                if (d != null) found(c.key, d, c.testId());
            }
        }
        if (scan.unexplained) {
            for (ThreadInfo[] cycle : jvmCycles()) {
                String key = key(cycle);
                now.add(key);
                if (previous.contains(key) && !reported.contains(key)) found(key, BlockedThreads.report(cycle), null);
            }
        }
        previous = now;
        for (String key : now) {
            if (!reported.contains(key)) return true;
        }
        return false;
    }

    private void found(String key, Deadlock d, String testId) {
        reported.add(key);
        int what = Reporter.recordDeadlock(d, testId);
        if (what == Reporter.SUPPRESSED) return;
        // A deadlock reported before (deadlock_exit=0) is not reported again; the threads stay blocked either way.
        if (Config.deadlockExit || Config.haltOnError) ExitStatus.deadlocked();
    }

    /** The cycles of platform threads the JVM finds deadlocked, each as its threads in waiting order. */
    private List<ThreadInfo[]> jvmCycles() {
        ThreadMXBean mx = jvm();
        if (mx == null) return List.of();
        long[] ids = mx.findDeadlockedThreads();
        if (ids == null) return List.of();
        ThreadInfo[] infos = mx.getThreadInfo(ids, true, true);
        List<ThreadInfo[]> out = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        for (ThreadInfo start : infos) {
            if (start == null || done.contains(start.getThreadId())) continue;
            List<ThreadInfo> path = new ArrayList<>();
            ThreadInfo t = start;
            while (t != null && !path.contains(t) && !done.contains(t.getThreadId())) {
                path.add(t);
                t = find(infos, t.getLockOwnerId());
            }
            for (ThreadInfo p : path) done.add(p.getThreadId());
            if (t == null || !path.contains(t)) continue;
            List<ThreadInfo> cycle = path.subList(path.indexOf(t), path.size());
            // A timed wait ends by itself: such a cycle is not a deadlock.
            boolean blocked = true;
            for (ThreadInfo c : cycle) {
                Thread.State s = c.getThreadState();
                blocked &= s == Thread.State.BLOCKED || s == Thread.State.WAITING;
            }
            if (blocked) out.add(cycle.toArray(new ThreadInfo[0]));
        }
        return out;
    }

    private static ThreadInfo find(ThreadInfo[] infos, long id) {
        for (ThreadInfo i : infos) {
            if (i != null && i.getThreadId() == id) return i;
        }
        return null;
    }

    /** The threads and the locks they wait for. */
    private static String key(ThreadInfo[] cycle) {
        String[] parts = new String[cycle.length];
        for (int i = 0; i < cycle.length; i++) {
            java.lang.management.LockInfo l = cycle[i].getLockInfo();
            parts[i] = cycle[i].getThreadId() + "/" + (l == null ? 0 : l.getIdentityHashCode());
        }
        Arrays.sort(parts);
        return "jvm " + String.join(",", parts);
    }

    /** The JVM's thread bean, made on first need (it loads java.management); null where that module is missing. */
    private ThreadMXBean jvm() {
        if (jvm == null && !jvmUnavailable) {
            try {
                jvm = ManagementFactory.getThreadMXBean();
            } catch (Throwable e) {
                jvmUnavailable = true;
                Internal.verbose("no ThreadMXBean (" + e + "): deadlocks in synchronized methods of platform threads"
                        + " are not seen");
            }
        }
        return jvm;
    }
}
