package dev.racecheck.samples;

/**
 * A join with a timeout that returns while the thread still runs orders nothing, so what follows it can race.
 * Expected: race on static field dev.racecheck.samples.RaceTimedJoin.result
 */
public class RaceTimedJoin {
    static int result;

    public static void main(String[] args) throws InterruptedException {
        Thread slow = new Thread(() -> {
            sleep(300);
            result = 42; // racy access
        }, "slow-worker");
        slow.start();
        slow.join(10); // gives up after 10 ms: slow-worker is still sleeping, so no happens-before edge
        result = -1; // racy access
        slow.join(); // a join that sees the thread end does order it; wait here so the program ends cleanly
        System.out.println("result = " + result);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
