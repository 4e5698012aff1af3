package dev.racecheck.it.edges;

import java.util.concurrent.PriorityBlockingQueue;

/**
 * PriorityBlockingQueue: actions before put(x) happen-before actions after the take() that returns x.
 * Expected: no race
 */
public final class NoRacePriorityBlockingQueue {
    static final class Box implements Comparable<Box> {
        int value;

        @Override
        public int compareTo(Box other) {
            return 0;
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        PriorityBlockingQueue<Box> queue = new PriorityBlockingQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            queue.put(box);
        });
        producer.start();
        Box box = queue.take();
        System.out.println("NoRacePriorityBlockingQueue: " + box.value);
        producer.join();
    }
}
