package dev.racecheck.it.edges;

import java.util.concurrent.PriorityBlockingQueue;

/**
 * PriorityBlockingQueue, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RacePriorityBlockingQueue$Box.value
 */
public final class RacePriorityBlockingQueue {
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
            queue.put(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = queue.take();
        Edges.sleep(100);
        System.out.println("RacePriorityBlockingQueue: " + box.value); // racy access
        producer.join();
    }
}
