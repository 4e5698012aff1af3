package dev.racecheck.it.edges;

/**
 * ThreadLocal, isolation broken: the initial-value supplier hands every thread the same object.
 * Expected: race on field dev.racecheck.it.edges.RaceThreadLocal$Box.value
 */
public final class RaceThreadLocal {
    static final class Box {
        int value;
    }

    static final Box shared = new Box();
    static final ThreadLocal<Box> mine = ThreadLocal.withInitial(() -> shared);

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Runnable work = () -> {
            mine.get().value++; // racy access
        };
        Thread other = new Thread(work, "other");
        other.start();
        Edges.sleep(100);
        work.run();
        other.join();
        System.out.println("RaceThreadLocal: " + mine.get().value);
    }
}
