package dev.racecheck.agent.runtime.schedule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time a thread has used, so that a waiting thread can tell a higher thread that computes without passing a
 * schedule point (stalled: stop waiting for it) from one that waits for a core on a loaded machine (keep waiting).
 */
final class CpuTime {
    private static final ThreadMXBean THREADS = threads();

    private CpuTime() {
        // no instances
    }

    /**
     * The platform's thread bean, or null: java.management may be absent (a jlinked runtime, a modular program that does
     * not require it), and some platforms measure no thread CPU time.
     */
    private static ThreadMXBean threads() {
        try {
            ThreadMXBean b = ManagementFactory.getThreadMXBean();
            if (!b.isThreadCpuTimeSupported()) return null;
            if (!b.isThreadCpuTimeEnabled()) b.setThreadCpuTimeEnabled(true);
            return b;
        } catch (Throwable e) {
            return null;
        }
    }

    /** Loads this class and the bean ahead of the first wait. */
    static void load() {
        // the static initializer did it
    }

    /** CPU nanoseconds {@code t} has used, or -1 when unknown (a virtual thread, no thread bean, the thread ended). */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+
    static long of(Thread t) {
        if (THREADS == null) return -1L;
        try {
            return THREADS.getThreadCpuTime(t.getId());
        } catch (RuntimeException e) {
            return -1L;
        }
    }
}
