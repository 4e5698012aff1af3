package dev.racecheck.agent.runtime;

import java.util.Arrays;
import java.util.List;

import dev.racecheck.reports.Frame;

/**
 * Hands out thread slots (vector clock indices) and serial numbers, and remembers each slot's
 * {@link ThreadRecord} for reports.
 */
final class Threads {
    private static ThreadRecord[] bySlot = new ThreadRecord[64];
    private static int nextSlot;
    private static long nextSerial = 1;

    private Threads() {
        // no instances
    }

    /** A new thread state; the caller has set {@code ignore} on the current thread if it is not {@code thread}. */
    static ThreadState create(Thread thread, VectorClock inherited, List<Frame> startedAt) {
        int slot;
        long serial;
        synchronized (Threads.class) {
            slot = nextSlot++;
            serial = nextSerial++;
        }
        ThreadRecord record = new ThreadRecord(serial, thread, startedAt);
        synchronized (Threads.class) {
            if (slot >= bySlot.length) bySlot = Arrays.copyOf(bySlot, Math.max(slot + 1, bySlot.length * 2));
            bySlot[slot] = record;
        }
        return new ThreadState(slot, record, inherited);
    }

    static synchronized ThreadRecord bySlot(int slot) {
        return slot < bySlot.length ? bySlot[slot] : null;
    }

    static synchronized int count() {
        return nextSlot;
    }
}
