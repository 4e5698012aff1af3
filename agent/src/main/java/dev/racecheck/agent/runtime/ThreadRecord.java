package dev.racecheck.agent.runtime;

import java.lang.ref.WeakReference;
import java.util.List;

import dev.racecheck.reports.Frame;

/**
 * What a report says about a thread, kept after the thread has ended: its serial number, last known name
 * and where it was started.
 */
final class ThreadRecord {
    final long serial;
    private final WeakReference<Thread> thread;
    private volatile String name;
    /** Innermost frame first; empty when racecheck did not see the thread start. */
    final List<Frame> startedAt;

    ThreadRecord(long serial, Thread thread, List<Frame> startedAt) {
        this.serial = serial;
        this.thread = new WeakReference<>(thread);
        this.name = thread.getName();
        this.startedAt = startedAt;
    }

    String name() {
        Thread t = thread.get();
        if (t != null) name = t.getName();
        // Virtual threads have no name by default: say which one it is.
        if (name.isEmpty() && t != null) name = t.toString();
        return name;
    }

    boolean alive() {
        Thread t = thread.get();
        return t != null && t.isAlive();
    }
}
