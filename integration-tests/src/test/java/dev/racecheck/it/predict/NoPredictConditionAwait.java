package dev.racecheck.it.predict;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * As NoPredictWaitNotify with a ReentrantLock and its Condition (await/signal), the flag under the lock.
 * Expected: no race
 */
public class NoPredictConditionAwait {
    static final ReentrantLock L = new ReentrantLock();
    static final Condition DONE = L.newCondition();
    static int x;
    static boolean done; // guarded by L

    public static void main(String[] args) {
        Thread t2 = new Thread(() -> {
            L.lock();
            try {
                while (!done) DONE.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                L.unlock();
            }
            x = 2;
        }, "t2");
        Thread t1 = new Thread(() -> {
            Probe.awaitState(t2, Thread.State.WAITING);
            x = 1;
            L.lock();
            try {
                done = true;
                DONE.signalAll();
            } finally {
                L.unlock();
            }
        }, "t1");
        t2.start();
        t1.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
