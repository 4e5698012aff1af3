package dev.racecheck.it.edges;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * LinkedBlockingQueue: actions before put(x) happen-before actions after the take() that returns x.
 * Expected: no race
 */
public final class NoRaceLinkedBlockingQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedBlockingQueue<Box> queue = new LinkedBlockingQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            queue.put(box);
        });
        producer.start();
        Box box = queue.take();
        System.out.println("NoRaceLinkedBlockingQueue: " + box.value);
        producer.join();
    }
}
