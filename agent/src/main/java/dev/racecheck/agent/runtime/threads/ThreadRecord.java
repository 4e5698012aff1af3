package dev.racecheck.agent.runtime.threads;

import java.lang.ref.WeakReference;
import java.util.List;

import dev.racecheck.reports.Frame;

/**
 * What a report says about a thread, kept after the thread has ended: its serial number, last known name
 * and where it was started.
 */
public final class ThreadRecord {
    public final long serial;
    private final WeakReference<Thread> thread;
    private volatile String name;
    /** Where it was started: a node of the captured stacks ({@link CallPaths#startStack}); 0 when not seen. */
    private final int startStack;

    ThreadRecord(long serial, Thread thread, int startStack) {
        this.serial = serial;
        this.thread = new WeakReference<>(thread);
        this.name = thread.getName();
        this.startStack = startStack;
    }

    /** Where the thread was started, innermost frame first; empty when racecheck did not see the thread start. */
    public List<Frame> startedAt() {
        return CallPaths.stack(startStack);
    }

    public String name() {
        Thread t = thread.get();
        if (t != null) name = t.getName();
        // Virtual threads have no name by default: say which one it is, without the state and carrier that
        // toString() adds ("VirtualThread[#21]/runnable@ForkJoinPool-1-worker-1"), which change as it runs.
        if (name.isEmpty() && t != null) {
            String described = t.toString();
            int end = described.indexOf(']');
            name = end > 0 ? described.substring(0, end + 1) : described;
        }
        return name;
    }

    /** The thread, or null once it has been collected. */
    public Thread thread() {
        return thread.get();
    }

    public boolean alive() {
        Thread t = thread.get();
        return t != null && t.isAlive();
    }
}
