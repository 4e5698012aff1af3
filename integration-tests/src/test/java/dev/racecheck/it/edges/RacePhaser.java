package dev.racecheck.it.edges;

import java.util.concurrent.Phaser;

/**
 * Phaser, edge broken: the writer writes after arrive().
 * Expected: race on static field dev.racecheck.it.edges.RacePhaser.data
 */
public final class RacePhaser {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Phaser phaser = new Phaser(2);
        Thread writer = Edges.thread("writer", () -> {
            phaser.arrive();
            data = 42; // racy access
        });
        writer.start();
        phaser.arriveAndAwaitAdvance();
        Edges.sleep(100);
        System.out.println("RacePhaser: " + data); // racy access
        writer.join();
    }
}
