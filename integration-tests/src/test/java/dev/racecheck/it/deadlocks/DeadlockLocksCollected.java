package dev.racecheck.it.deadlocks;

import java.lang.ref.WeakReference;

/**
 * The cycle is formed, then both lock objects are collected before the program ends: the report, printed when the
 * cycle closed, names them all the same, and racecheck kept neither alive (status 3 if they were not collected).
 * Expected: potential deadlock: monitor dev.racecheck.it.deadlocks.DeadlockLocksCollected$Lock => monitor dev.racecheck.it.deadlocks.DeadlockLocksCollected$Lock
 */
public class DeadlockLocksCollected {
    static final class Lock {
    }

    static int work;

    public static void main(String[] args) throws InterruptedException {
        WeakReference<?>[] refs = formCycle();
        for (int i = 0; i < 100 && (refs[0].get() != null || refs[1].get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        Deadlocks.check(refs[0].get() == null && refs[1].get() == null, "the locks were not collected");
        System.out.println("collected; work=" + work);
    }

    static WeakReference<?>[] formCycle() throws InterruptedException {
        Lock a = new Lock();
        Lock b = new Lock();
        Thread t1 = new Thread(() -> {
            synchronized (a) { // lock order
                synchronized (b) { // lock order
                    work++;
                }
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Deadlocks.awaitTerminated(t1);
            synchronized (b) { // lock order
                synchronized (a) { // lock order
                    work++;
                }
            }
        }, "t2");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        return new WeakReference<?>[] {new WeakReference<>(a), new WeakReference<>(b)};
    }
}
