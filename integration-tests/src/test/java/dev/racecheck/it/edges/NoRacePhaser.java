package dev.racecheck.it.edges;

import java.util.concurrent.Phaser;

/**
 * Phaser: actions before arrive() happen-before actions after the phase advances (arriveAndAwaitAdvance() returns).
 * Expected: no race
 */
public final class NoRacePhaser {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Phaser phaser = new Phaser(2);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            phaser.arrive();
        });
        writer.start();
        phaser.arriveAndAwaitAdvance();
        System.out.println("NoRacePhaser: " + data);
        writer.join();
    }
}
