package dev.racecheck.it.predict;

/**
 * An instance field of a shared object, and the object's own monitor as the lock: t1: box.value = 1;
 * synchronized (box) {}. t2 (after t1): synchronized (box) {}; box.value = 2.
 * Expected: race on field dev.racecheck.it.predict.PredictInstanceField$Box.value
 */
public class PredictInstanceField {
    static final class Box {
        int value;
    }

    public static void main(String[] args) {
        Box box = new Box();
        Thread t1 = new Thread(() -> {
            box.value = 1; // racy access
            synchronized (box) {
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (box) {
            }
            box.value = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println(box.value);
    }
}
