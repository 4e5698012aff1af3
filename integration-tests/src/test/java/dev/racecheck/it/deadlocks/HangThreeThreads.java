package dev.racecheck.it.deadlocks;

import java.util.concurrent.CyclicBarrier;

/**
 * Three threads, three monitors, a cycle of three: each holds one and wants the next.
 * Expected: deadlock: monitor java.lang.Object => monitor java.lang.Object => monitor java.lang.Object
 */
public class HangThreeThreads {
    static final Object[] LOCKS = {new Object(), new Object(), new Object()};
    static final CyclicBarrier ALL_HOLD_ONE = new CyclicBarrier(3);

    public static void main(String[] args) {
        Thread[] threads = new Thread[3];
        for (int i = 0; i < 3; i++) {
            Object mine = LOCKS[i];
            Object next = LOCKS[(i + 1) % 3];
            threads[i] = Deadlocks.start("t" + i, () -> {
                synchronized (mine) { // lock order
                    try {
                        ALL_HOLD_ONE.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    synchronized (next) { // lock order
                        System.out.println("unreachable");
                    }
                }
            });
        }
        Deadlocks.announceWhenBlocked(threads);
        Deadlocks.join(threads);
    }
}
