package dev.racecheck.it.edges;

import java.util.concurrent.Phaser;

/**
 * Phaser, per phase: the arrivals of a phase, and onAdvance (run by its last arrival), happen-before whatever follows
 * the advance of that phase: awaitAdvance(p) returning for phase p, arriveAndAwaitAdvance(). The writer, the only
 * party, writes and arrives at phase 0; main's awaitAdvance(0) returns once phase 0 has advanced. Then both arrive at
 * phase 1, the writer last: its onAdvance writes, main's arriveAndAwaitAdvance() returns after.
 * Expected: no race
 */
public final class NoRacePhaserAwaitAdvance {
    static int arrived;
    static int advanced;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Phaser phaser = new Phaser(1) {
            @Override
            protected boolean onAdvance(int phase, int parties) {
                if (phase == 1) advanced = 42;
                return false;
            }
        };
        Thread writer = Edges.thread("writer", () -> {
            arrived = 41;
            phaser.arrive();
            Edges.check(phaser.register() == 1, "registered main for phase 1");
            Edges.awaitCondition(() -> phaser.getArrivedParties() == 1, "main arrived at phase 1");
            phaser.arrive(); // the last arrival of phase 1: onAdvance runs here
        });
        writer.start();
        Edges.check(phaser.awaitAdvance(0) >= 1, "phase 0 advanced");
        int first = arrived;
        Edges.awaitCondition(() -> phaser.getRegisteredParties() == 2, "main was registered");
        Edges.check(phaser.arriveAndAwaitAdvance() == 2, "phase 1 advanced");
        System.out.println("NoRacePhaserAwaitAdvance: " + first + " " + advanced);
        writer.join();
    }
}
