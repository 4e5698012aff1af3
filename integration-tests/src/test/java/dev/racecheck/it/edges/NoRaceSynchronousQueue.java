package dev.racecheck.it.edges;

import java.util.concurrent.SynchronousQueue;

/**
 * SynchronousQueue: actions before put(x) happen-before actions after the take() that returns x.
 * Expected: no race
 */
public final class NoRaceSynchronousQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        SynchronousQueue<Box> queue = new SynchronousQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            queue.put(box);
        });
        producer.start();
        Box box = queue.take();
        System.out.println("NoRaceSynchronousQueue: " + box.value);
        producer.join();
    }
}
