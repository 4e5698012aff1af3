package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * ConcurrentLinkedQueue: actions before offer(x) happen-before actions after the poll() that returns x.
 * Expected: no race
 */
public final class NoRaceConcurrentLinkedQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentLinkedQueue<Box> queue = new ConcurrentLinkedQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            queue.offer(box);
        });
        producer.start();
        Box box;
        while ((box = queue.poll()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceConcurrentLinkedQueue: " + box.value);
        producer.join();
    }
}
