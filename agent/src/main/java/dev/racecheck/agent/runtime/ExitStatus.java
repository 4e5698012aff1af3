package dev.racecheck.agent.runtime;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.schedule.Schedule;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.text.TextRenderer;

/**
 * Decides the exit status, as Go's detector does: if races were found and the program would exit with 0, the JVM
 * exits with {@link Config#exitCode}; a program that exits non-zero by itself keeps its status.
 *
 * <p>The status the program asked for is seen at {@code Runtime.exit}; a main thread that dies of an exception
 * makes the launcher exit with 1. The decision runs in a JDK system shutdown hook slot after the application's
 * own hooks (slot 1) have finished, so halting cannot cut them short; where that slot cannot be had, in an
 * ordinary shutdown hook.
 */
final class ExitStatus {
    private static final Object LOCK = new Object();
    private static boolean requested;
    private static int requestedStatus;
    private static volatile boolean mainDied;
    /** Weakly: a main thread that ended while others run on must not stay reachable because of racecheck. */
    private static volatile WeakReference<Thread> mainThread = new WeakReference<>(null);

    private ExitStatus() {
        // no instances
    }

    static void requested(int status) {
        synchronized (LOCK) {
            if (!requested) {
                requested = true;
                requestedStatus = status;
            }
        }
    }

    static void uncaught(Thread t) {
        if (t == mainThread.get()) mainDied = true;
    }

    /** The status the JVM would exit with if racecheck did not step in. */
    static int programStatus() {
        synchronized (LOCK) {
            if (requested) return requestedStatus;
        }
        return mainDied ? 1 : 0;
    }

    /** Installs the exit hook; {@code main} is the thread that runs {@code main()}. */
    static void install(Thread main) {
        mainThread = new WeakReference<>(main);
        Runnable hook = new Runnable() {
            @Override
            public void run() {
                atExit();
            }
        };
        try {
            Method add = Class.forName("java.lang.Shutdown").getDeclaredMethod("add", int.class, boolean.class, Runnable.class);
            add.setAccessible(true);
            // Slots 0-2 are the console, application hooks and delete-on-exit; take the last free one.
            for (int slot = 9; slot >= 3; slot--) {
                try {
                    add.invoke(null, slot, false, hook);
                    return;
                } catch (java.lang.reflect.InvocationTargetException e) {
                    if (!(e.getCause() instanceof IllegalArgumentException)) throw e;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Internal.verbose("no system shutdown hook slot (" + e + "); using an application shutdown hook");
        }
        Thread t = new Thread(hook, "racecheck-exit");
        Runtime.getRuntime().addShutdownHook(t);
    }

    /** The exit status of a JVM that racecheck ends because its threads are deadlocked: exitcode, or 66 if that is 0. */
    static int deadlockStatus() {
        return Config.exitCode != 0 ? Config.exitCode : 66;
    }

    /**
     * Threads are deadlocked and were reported: what the exit would do (the JSON report, the summary line), then the
     * JVM stops with {@link #deadlockStatus()}. It halts: shutdown hooks, the program's among them, could wait for
     * the locks the deadlocked threads hold. Runs on racecheck's watchdog thread.
     */
    static void deadlocked() {
        int status = deadlockStatus();
        try {
            ReportFiles.writeWithStatus(status);
            Reporter.printLine(TextRenderer.summary(Reporter.count(), Reporter.deadlockCount()));
            Reporter.printLine("racecheck: threads are deadlocked; ending the JVM with status " + status
                    + " (deadlock_exit=0 keeps it waiting)");
            flushProgramStreams(500);
        } catch (Throwable e) {
            Internal.error("ending a deadlocked JVM", e);
        }
        Runtime.getRuntime().halt(status);
    }

    /**
     * The program's buffered output goes out, from a helper thread given at most {@code millis}: a deadlocked thread
     * may hold a stream's lock.
     */
    private static void flushProgramStreams(long millis) {
        Thread flusher = new Thread(new Runnable() {
            @Override
            public void run() {
                RaceEvents.thread().ignore++; // racecheck's own thread
                Reporter.flushProgramStreams();
            }
        }, "racecheck-flush");
        flusher.setDaemon(true);
        flusher.start();
        try {
            flusher.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void atExit() {
        ThreadState ts = RaceEvents.thread();
        ts.ignore++;
        try {
            int races = Reporter.count();
            int deadlocks = Reporter.deadlockCount();
            int failing = Reporter.failing() + Reporter.failingDeadlocks();
            ReportFiles.write(failing);
            if (Config.verbose) {
                long[] census = Analysis.SHADOWS.census();
                Internal.verbose("shadows: " + census[0] + " live, " + census[1] + " cleared but not yet unlinked");
            }
            Internal.verbose("threads: " + Threads.slots() + " clock slots for " + Threads.started()
                    + " threads, at most " + Threads.mostAlive() + " alive at once, " + Threads.retired()
                    + " slots retired; " + CallPaths.size()
                    + " call paths; " + Sites.count() + " sites");
            if (Schedule.ARMED) Internal.verbose(Schedule.summary());
            Internal.verbose(CallPaths.summary());
            if (Reporter.suppressedCount() > 0) {
                Internal.verbose(Reporter.suppressedCount() + " race(s) suppressed");
            }
            if (Reporter.suppressedDeadlockCount() > 0) {
                Internal.verbose(Reporter.suppressedDeadlockCount() + " deadlock(s) suppressed");
            }
            if (races + deadlocks == 0) return;
            Reporter.printLine(TextRenderer.summary(races, deadlocks));
            if (failing < races + deadlocks) {
                Reporter.printLine("racecheck: " + (races + deadlocks - failing) + " of them in the baseline");
            }
            if (failing > 0 && programStatus() == 0 && Config.exitCode != 0) {
                Reporter.flushProgramStreams();
                Runtime.getRuntime().halt(Config.exitCode);
            }
        } catch (Throwable e) {
            Internal.error("deciding the exit status", e);
        } finally {
            ts.ignore--;
        }
    }
}
