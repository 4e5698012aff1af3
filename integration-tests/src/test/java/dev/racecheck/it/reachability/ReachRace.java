package dev.racecheck.it.reachability;

/** Races reported on an object and an array (racecheck exits 66 by design): both are still collected. */
public final class ReachRace {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        racyField(t);
        racyArray(t);
        t.await();
    }

    static void racyField(Tracker t) throws InterruptedException {
        Box b = new Box();
        Thread w = new Thread(() -> b.plain = 1); // racy access
        w.start();
        b.plain = 2; // racy access
        w.join();
        t.track("race: object a race was reported on", b);
    }

    static void racyArray(Tracker t) throws InterruptedException {
        int[] a = new int[2];
        Thread w = new Thread(() -> a[1] = 1); // racy access
        w.start();
        a[1] = 2; // racy access
        w.join();
        t.track("race: array a race was reported on", a);
    }
}
