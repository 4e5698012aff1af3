package dev.racecheck.it.deadlocks;

/**
 * The fix: each philosopher takes the lower-numbered fork first; five at once, 200 meals each.
 * Expected: no deadlock
 */
public class NoDeadlockDiningOrdered {
    static final Object[] FORKS = {new Object(), new Object(), new Object(), new Object(), new Object()};
    static final int[] MEALS = new int[5];

    public static void main(String[] args) {
        Thread[] philosophers = new Thread[5];
        for (int i = 0; i < 5; i++) {
            int me = i;
            int first = Math.min(i, (i + 1) % 5);
            int second = Math.max(i, (i + 1) % 5);
            philosophers[i] = Deadlocks.start("philosopher-" + i, () -> {
                for (int n = 0; n < 200; n++) {
                    synchronized (FORKS[first]) {
                        synchronized (FORKS[second]) {
                            MEALS[me]++;
                        }
                    }
                }
            });
        }
        Deadlocks.join(philosophers);
        int total = 0;
        for (int m : MEALS) total += m;
        System.out.println("meals=" + total);
    }
}
