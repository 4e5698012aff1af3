package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Condition.await inside OUTER { A { ... } } gives up A only, and takes it back; afterwards t1 holds nothing when it
 * takes X. t3 (after t1) takes X then A, and X then OUTER. A detector that kept A or OUTER held after t1's sections
 * would see A -> X or OUTER -> X and a false inversion.
 * Expected: no deadlock
 */
public class NoDeadlockConditionAwait {
    static final ReentrantLock OUTER = new ReentrantLock();
    static final ReentrantLock A = new ReentrantLock();
    static final Condition READY = A.newCondition();
    static final ReentrantLock X = new ReentrantLock();
    static boolean ready; // guarded by A
    static int work; // guarded by X

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            OUTER.lock();
            try {
                A.lock();
                try {
                    while (!ready) READY.await();
                } finally {
                    A.unlock();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                OUTER.unlock();
            }
            X.lock();
            try {
                work++;
            } finally {
                X.unlock();
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitState(t1, Thread.State.WAITING);
            A.lock();
            try {
                ready = true;
                READY.signalAll();
            } finally {
                A.unlock();
            }
        });
        Thread t3 = Deadlocks.start("t3", () -> {
            Deadlocks.awaitTerminated(t1);
            X.lock();
            try {
                A.lock();
                A.unlock();
                OUTER.lock();
                OUTER.unlock();
                work++;
            } finally {
                X.unlock();
            }
        });
        Deadlocks.join(t1, t2, t3);
        System.out.println("work=" + work);
    }
}
