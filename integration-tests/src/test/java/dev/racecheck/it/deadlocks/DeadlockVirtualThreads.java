package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Two virtual threads, one after the other, take a monitor and a ReentrantLock in opposite orders.
 * Requires: JDK 21
 * Expected: potential deadlock: monitor java.lang.Object => java.util.concurrent.locks.ReentrantLock
 */
public class DeadlockVirtualThreads {
    static final Object A = new Object();
    static final ReentrantLock B = new ReentrantLock();
    static int work;

    public static void main(String[] args) {
        Thread v1 = Deadlocks.startVirtual("v1", () -> {
            synchronized (A) { // lock order
                B.lock(); // lock order
                work++;
                B.unlock();
            }
        });
        Thread v2 = Deadlocks.startVirtual("v2", () -> {
            Deadlocks.awaitTerminated(v1);
            B.lock(); // lock order
            try {
                synchronized (A) { // lock order
                    work++;
                }
            } finally {
                B.unlock();
            }
        });
        Deadlocks.join(v1, v2);
        System.out.println("work=" + work);
    }
}
