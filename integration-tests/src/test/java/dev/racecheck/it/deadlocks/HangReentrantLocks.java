package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A real deadlock of ReentrantLocks: main itself holds A and wants B; a worker holds B and wants A.
 * Expected: deadlock: java.util.concurrent.locks.ReentrantLock => java.util.concurrent.locks.ReentrantLock
 */
public class HangReentrantLocks {
    static final ReentrantLock A = new ReentrantLock();
    static final ReentrantLock B = new ReentrantLock();

    public static void main(String[] args) {
        Deadlocks.Meet meet = new Deadlocks.Meet();
        Thread main = Thread.currentThread();
        Deadlocks.start("watcher", () -> Deadlocks.announceWhenBlocked(main));
        Deadlocks.start("worker", () -> {
            B.lock(); // lock order
            meet.arrive();
            A.lock(); // lock order
            System.out.println("unreachable");
        });
        A.lock(); // lock order
        meet.arrive();
        B.lock(); // lock order
        System.out.println("unreachable");
    }
}
