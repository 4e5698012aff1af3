package dev.racecheck.it.edges;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * ReentrantLock.tryLock() and tryLock(timeout) that succeed are successful lock operations: the last unlock()
 * happens-before them.
 * Expected: no race
 */
public final class NoRaceTryLock {
    static final ReentrantLock lock = new ReentrantLock();
    static int data;
    static int more;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            lock.lock();
            try {
                data = 42;
            } finally {
                lock.unlock();
            }
        }, "writer");
        writer.start();
        Edges.awaitEndWithoutEdge(writer); // it has unlocked (getState() is no edge)
        Edges.check(lock.tryLock(), "tryLock() succeeded: the writer has unlocked");
        try {
            System.out.println("NoRaceTryLock: " + data);
        } finally {
            lock.unlock();
        }
        Thread second = new Thread(() -> {
            lock.lock();
            try {
                more = 7;
            } finally {
                lock.unlock();
            }
        }, "second");
        second.start();
        Edges.awaitEndWithoutEdge(second);
        Edges.check(lock.tryLock(10, TimeUnit.SECONDS), "tryLock(10 s) succeeded");
        try {
            System.out.println("NoRaceTryLock: " + more);
        } finally {
            lock.unlock();
        }
        writer.join();
        second.join();
    }
}
