package dev.racecheck.it.edges;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * ArrayBlockingQueue: actions before put(x) happen-before actions after the take() that returns x.
 * Expected: no race
 */
public final class NoRaceArrayBlockingQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ArrayBlockingQueue<Box> queue = new ArrayBlockingQueue<>(4);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            queue.put(box);
        });
        producer.start();
        Box box = queue.take();
        System.out.println("NoRaceArrayBlockingQueue: " + box.value);
        producer.join();
    }
}
