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

    static void atExit() {
        ThreadState ts = RaceEvents.thread();
        ts.ignore++;
        try {
            int races = Reporter.count();
            int failing = Reporter.failing();
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
            if (races == 0) return;
            // No deadlock detection yet: 0 deadlocks keeps the summary line as it always was.
            Reporter.printLine(TextRenderer.summary(races, 0));
            if (failing < races) {
                Reporter.printLine("racecheck: " + (races - failing) + " of them in the baseline");
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
