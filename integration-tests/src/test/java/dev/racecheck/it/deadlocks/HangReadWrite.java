package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A reader of a read-write lock wants a monitor whose holder wants the write lock: the writer waits for the reader.
 * Expected: deadlock: read lock of java.util.concurrent.locks.ReentrantReadWriteLock => monitor java.lang.Object
 */
public class HangReadWrite {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static final Object M = new Object();

    public static void main(String[] args) {
        Deadlocks.Meet meet = new Deadlocks.Meet();
        Thread reader = Deadlocks.start("reader", () -> {
            RW.readLock().lock(); // lock order
            meet.arrive();
            synchronized (M) { // lock order
                System.out.println("unreachable");
            }
        });
        Thread writer = Deadlocks.start("writer", () -> {
            synchronized (M) { // lock order
                meet.arrive();
                RW.writeLock().lock(); // lock order
                System.out.println("unreachable");
            }
        });
        Deadlocks.announceWhenBlocked(reader, writer);
        Deadlocks.join(reader, writer);
    }
}
