package dev.racecheck.it.edges;

import java.util.concurrent.SynchronousQueue;

/**
 * SynchronousQueue, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RaceSynchronousQueue$Box.value
 */
public final class RaceSynchronousQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        SynchronousQueue<Box> queue = new SynchronousQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            queue.put(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = queue.take();
        Edges.sleep(100);
        System.out.println("RaceSynchronousQueue: " + box.value); // racy access
        producer.join();
    }
}
