package dev.racecheck.it.edges;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * ArrayBlockingQueue, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RaceArrayBlockingQueue$Box.value
 */
public final class RaceArrayBlockingQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ArrayBlockingQueue<Box> queue = new ArrayBlockingQueue<>(4);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            queue.put(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = queue.take();
        Edges.sleep(100);
        System.out.println("RaceArrayBlockingQueue: " + box.value); // racy access
        producer.join();
    }
}
