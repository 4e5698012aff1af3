package dev.racecheck.it.edges;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Condition.await/signal: await() releases the lock and takes it again before returning, so what the signaller did
 * under the lock happens-before what the waiter does after await() returns.
 * Expected: no race
 */
public final class NoRaceCondition {
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
                data = 42;
                ready = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
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
        System.out.println("NoRaceCondition: " + data);
        signaller.join();
    }
}
