package dev.racecheck.it.deadlocks;

/**
 * Five philosophers, each taking the fork on the left, then the one on the right; here they eat one after the other,
 * so nobody starves, but five at once can each hold a left fork forever: a cycle of five.
 * Expected: potential deadlock: monitor dev.racecheck.it.deadlocks.DeadlockDiningPhilosophers$Fork => monitor dev.racecheck.it.deadlocks.DeadlockDiningPhilosophers$Fork => monitor dev.racecheck.it.deadlocks.DeadlockDiningPhilosophers$Fork => monitor dev.racecheck.it.deadlocks.DeadlockDiningPhilosophers$Fork => monitor dev.racecheck.it.deadlocks.DeadlockDiningPhilosophers$Fork
 */
public class DeadlockDiningPhilosophers {
    static final class Fork {
    }

    static int meals;

    public static void main(String[] args) {
        Fork[] forks = new Fork[5];
        for (int i = 0; i < 5; i++) forks[i] = new Fork();
        Thread[] philosophers = new Thread[5];
        Thread previous = null;
        for (int i = 0; i < 5; i++) {
            Fork left = forks[i];
            Fork right = forks[(i + 1) % 5];
            Thread before = previous;
            previous = philosophers[i] = Deadlocks.start("philosopher-" + i, () -> {
                if (before != null) Deadlocks.awaitTerminated(before);
                synchronized (left) { // lock order
                    synchronized (right) { // lock order
                        meals++;
                    }
                }
            });
        }
        Deadlocks.join(philosophers);
        System.out.println("meals=" + meals);
    }
}
