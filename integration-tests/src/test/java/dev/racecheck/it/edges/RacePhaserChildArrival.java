package dev.racecheck.it.edges;

import java.util.concurrent.Phaser;

/**
 * No edge: an arrival at a phase that has not advanced. A child phaser of two parties, under a root: the writer
 * writes and arrives on the child (the child's phase does not end, the root is not touched); main's
 * root.awaitAdvance(7) returns at once, the root being at phase 0. (racecheck used to order every arrival anywhere in
 * the tree before every await on it.)
 * Expected: race on static field dev.racecheck.it.edges.RacePhaserChildArrival.data
 */
public final class RacePhaserChildArrival {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Phaser root = new Phaser();
        Phaser child = new Phaser(root, 2);
        Edges.Signal arrived = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            child.arrive();
            arrived.raise();
        });
        writer.start();
        arrived.await("the writer arrived on the child");
        Edges.check(root.awaitAdvance(7) == 0, "the root is at phase 0");
        System.out.println("RacePhaserChildArrival: " + data); // racy access
        Edges.awaitEndWithoutEdge(writer);
    }
}
