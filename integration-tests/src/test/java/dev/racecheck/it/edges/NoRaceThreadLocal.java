package dev.racecheck.it.edges;

/**
 * ThreadLocal: each thread gets its own value from withInitial, so threads that mutate their value share nothing.
 * Expected: no race
 */
public final class NoRaceThreadLocal {
    static final class Box {
        int value;
    }

    static final ThreadLocal<Box> mine = ThreadLocal.withInitial(Box::new);

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Runnable work = () -> mine.get().value++;
        Thread other = new Thread(work, "other");
        other.start();
        Edges.sleep(100);
        work.run();
        other.join();
        System.out.println("NoRaceThreadLocal: " + mine.get().value);
    }
}
