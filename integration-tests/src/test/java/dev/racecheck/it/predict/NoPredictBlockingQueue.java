package dev.racecheck.it.predict;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hand-off through a BlockingQueue (whose implementation uses a ReentrantLock inside the JDK): t1: x = 1; sync(M)
 * {}; queue.put(token). t2: queue.take(); sync(M) {}; x = 2. take() returns the element put: ordered. Data-race
 * free. (A predictive analysis that reorders the JDK-internal lock's sections like user ones, forgetting that the
 * take READ what put wrote, would report it.)
 * Expected: no race
 */
public class NoPredictBlockingQueue {
    static final Object M = new Object();
    static final BlockingQueue<String> QUEUE = new ArrayBlockingQueue<>(1);
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            synchronized (M) {
            }
            try {
                QUEUE.put("token");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            try {
                QUEUE.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            synchronized (M) {
            }
            x = 2;
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
