package dev.racecheck.it.predict;

/**
 * Many critical sections on M in between, by t1, t2 and two busy bystanders, none touching x (the bystanders
 * count in their own fields). t1: x = 1 then 20 sections. t2 (after t1): 20 sections, then x = 2. Predictable.
 * Expected: race on static field dev.racecheck.it.predict.PredictManyCS.x
 */
public class PredictManyCS {
    static final Object M = new Object();
    static int x;
    static int count1, count2, countBy1, countBy2; // each written by one thread only

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            for (int i = 0; i < 20; i++) {
                synchronized (M) {
                    count1++;
                }
            }
        }, "t1");
        Thread by1 = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                synchronized (M) {
                    countBy1++;
                }
            }
        }, "bystander-1");
        Thread by2 = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                synchronized (M) {
                    countBy2++;
                }
            }
        }, "bystander-2");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            for (int i = 0; i < 20; i++) {
                synchronized (M) {
                    count2++;
                }
            }
            x = 2; // racy access
        }, "t2");
        t1.start();
        by1.start();
        by2.start();
        t2.start();
        Probe.join(t1, t2, by1, by2);
        System.out.println(x + count1 + count2 + countBy1 + countBy2);
    }
}
