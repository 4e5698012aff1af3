package dev.racecheck.samples;

/**
 * Two accesses that never overlap in time still race when no happens-before edge orders them: sleep() is not synchronization.
 * Expected: race on field dev.racecheck.samples.RaceSleepOrdered.message
 */
public class RaceSleepOrdered {
    private String message = "none";

    public static void main(String[] args) throws InterruptedException {
        RaceSleepOrdered box = new RaceSleepOrdered();
        Thread first = new Thread(() -> {
            box.message = "hello from first"; // racy access
        }, "first");
        Thread second = new Thread(() -> {
            sleep(200); // "first is surely done by now": true in time, but it orders nothing
            String m = box.message; // racy access
            box.message = m + ", then second"; // racy access
        }, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println(box.message);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
