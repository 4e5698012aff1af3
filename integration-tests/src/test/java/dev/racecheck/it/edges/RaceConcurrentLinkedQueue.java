package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * ConcurrentLinkedQueue, edge broken: the producer writes the box after offer.
 * Expected: race on field dev.racecheck.it.edges.RaceConcurrentLinkedQueue$Box.value
 */
public final class RaceConcurrentLinkedQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentLinkedQueue<Box> queue = new ConcurrentLinkedQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            queue.offer(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box;
        while ((box = queue.poll()) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceConcurrentLinkedQueue: " + box.value); // racy access
        producer.join();
    }
}
