package dev.racecheck.it.edges;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Condition.await/signal, edge broken: the signaller writes after unlocking.
 * Expected: race on static field dev.racecheck.it.edges.RaceCondition.data
 */
public final class RaceCondition {
    static final ReentrantLock lock = new ReentrantLock();
    static final Condition changed = lock.newCondition();
    static boolean ready; // guarded by lock
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread main = Thread.currentThread();
        Thread signaller = new Thread(() -> {
            Edges.awaitState(main, Thread.State.WAITING); // main waits in await() by now (getState() is no edge)
            lock.lock();
            try {
                ready = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            data = 42; // racy access
        }, "signaller");
        signaller.start();
        lock.lock();
        try {
            while (!ready) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        Edges.sleep(100);
        System.out.println("RaceCondition: " + data); // racy access
        signaller.join();
    }
}
