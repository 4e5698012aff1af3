package dev.racecheck.it.edges;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * LinkedBlockingQueue, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RaceLinkedBlockingQueue$Box.value
 */
public final class RaceLinkedBlockingQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedBlockingQueue<Box> queue = new LinkedBlockingQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            queue.put(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = queue.take();
        Edges.sleep(100);
        System.out.println("RaceLinkedBlockingQueue: " + box.value); // racy access
        producer.join();
    }
}
