package dev.racecheck.samples;

/**
 * Two unordered writes race even if nobody reads in between: which value survives is left to chance.
 * Expected: race on field dev.racecheck.samples.RaceWriteWrite.owner
 */
public class RaceWriteWrite {
    private String owner = "nobody";

    void claim(String who) {
        owner = who; // racy access
    }

    public static void main(String[] args) throws InterruptedException {
        RaceWriteWrite resource = new RaceWriteWrite();
        Thread a = new Thread(() -> resource.claim("worker-1"), "worker-1");
        Thread b = new Thread(() -> resource.claim("worker-2"), "worker-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("owner = " + resource.owner + " (whoever wrote last)");
    }
}
