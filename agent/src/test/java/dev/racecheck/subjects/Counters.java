package dev.racecheck.subjects;

/** Two threads incrementing one field: without synchronization (a race) and under a lock (no race). */
public class Counters {
    public int racy;
    public int guarded;

    void incrementRacy(int n) {
        for (int i = 0; i < n; i++) racy++;
    }

    void incrementGuarded(int n) {
        for (int i = 0; i < n; i++) {
            synchronized (this) {
                guarded++;
            }
        }
    }

    /** Starts two threads on {@code work}, joins them (an edge racecheck sees through its join replacement). */
    static void twoThreads(Runnable work) throws InterruptedException {
        Thread a = new Thread(work, "counter-a");
        Thread b = new Thread(work, "counter-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    public static Counters racy(int n) throws InterruptedException {
        Counters c = new Counters();
        twoThreads(() -> c.incrementRacy(n));
        return c;
    }

    public static Counters guarded(int n) throws InterruptedException {
        Counters c = new Counters();
        twoThreads(() -> c.incrementGuarded(n));
        int total = c.guarded; // after both joins: ordered after every increment
        c.guarded = total;
        return c;
    }
}
