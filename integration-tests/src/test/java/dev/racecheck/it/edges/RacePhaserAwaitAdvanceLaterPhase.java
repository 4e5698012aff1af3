package dev.racecheck.it.edges;

import java.util.concurrent.Phaser;

/**
 * No edge: awaitAdvance(p) orders the arrivals of phase p (and earlier ones) before what follows, not those of later
 * phases. The writer, the only party, arrives at phase 0, writes, arrives at phase 1; main's awaitAdvance(0), called
 * once the phaser is at phase 2, returns at once: the write came after phase 0's arrival. (racecheck used to keep one
 * clock per phaser, which every arrival of every phase released into.)
 * Expected: race on static field dev.racecheck.it.edges.RacePhaserAwaitAdvanceLaterPhase.data
 */
public final class RacePhaserAwaitAdvanceLaterPhase {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Phaser phaser = new Phaser(1);
        Edges.Signal arrived = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            phaser.arrive();
            data = 42; // racy access
            phaser.arrive();
            arrived.raise();
        });
        writer.start();
        arrived.await("the writer arrived at phases 0 and 1");
        Edges.check(phaser.awaitAdvance(0) == 2, "the phaser is at phase 2");
        System.out.println("RacePhaserAwaitAdvanceLaterPhase: " + data); // racy access
        Edges.awaitEndWithoutEdge(writer);
    }
}
