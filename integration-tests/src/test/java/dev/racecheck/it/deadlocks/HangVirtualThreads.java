package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Two virtual threads deadlocked on a monitor and a ReentrantLock: a virtual thread parked on a ReentrantLock is not
 * "deadlocked" to the JVM's own detection, racecheck's records find it.
 * Requires: JDK 21
 * Expected: deadlock: monitor java.lang.Object => java.util.concurrent.locks.ReentrantLock
 */
public class HangVirtualThreads {
    static final Object A = new Object();
    static final ReentrantLock B = new ReentrantLock();

    public static void main(String[] args) {
        Deadlocks.Meet meet = new Deadlocks.Meet();
        Thread v1 = Deadlocks.startVirtual("v1", () -> {
            synchronized (A) { // lock order
                meet.arrive();
                B.lock(); // lock order
                System.out.println("unreachable");
            }
        });
        Thread v2 = Deadlocks.startVirtual("v2", () -> {
            B.lock(); // lock order
            meet.arrive();
            synchronized (A) { // lock order
                System.out.println("unreachable");
            }
        });
        Deadlocks.announceWhenBlocked(v1, v2);
        Deadlocks.join(v1, v2);
    }
}
