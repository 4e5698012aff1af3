package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A virtual thread takes A then B; later a platform thread takes B then A.
 * Requires: JDK 21
 * Expected: potential deadlock: monitor java.lang.Object => java.util.concurrent.locks.ReentrantLock
 */
public class DeadlockVirtualAndPlatform {
    static final Object A = new Object();
    static final ReentrantLock B = new ReentrantLock();
    static int work;

    public static void main(String[] args) {
        Thread v = Deadlocks.startVirtual("virtual", () -> {
            synchronized (A) { // lock order
                B.lock(); // lock order
                work++;
                B.unlock();
            }
        });
        Thread p = Deadlocks.start("platform", () -> {
            Deadlocks.awaitTerminated(v);
            B.lock(); // lock order
            try {
                synchronized (A) { // lock order
                    work++;
                }
            } finally {
                B.unlock();
            }
        });
        Deadlocks.join(v, p);
        System.out.println("work=" + work);
    }
}
