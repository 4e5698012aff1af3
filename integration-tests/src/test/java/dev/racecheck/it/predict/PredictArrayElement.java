package dev.racecheck.it.predict;

/**
 * PredictUnrelatedCS on an array element (data[3]) and an instance lock.
 * Expected: race on array element int[3]
 */
public class PredictArrayElement {
    final Object lock = new Object();
    final int[] data = new int[8];

    public static void main(String[] args) {
        PredictArrayElement p = new PredictArrayElement();
        Thread t1 = new Thread(() -> {
            p.data[3] = 1; // racy access
            synchronized (p.lock) {
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (p.lock) {
            }
            p.data[3]++; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println(p.data[3]);
    }
}
