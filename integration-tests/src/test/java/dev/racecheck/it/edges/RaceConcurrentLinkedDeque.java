package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * ConcurrentLinkedDeque, edge broken: the producer writes the box after push.
 * Expected: race on field dev.racecheck.it.edges.RaceConcurrentLinkedDeque$Box.value
 */
public final class RaceConcurrentLinkedDeque {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentLinkedDeque<Box> deque = new ConcurrentLinkedDeque<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            deque.push(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box;
        while ((box = deque.pollLast()) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceConcurrentLinkedDeque: " + box.value); // racy access
        producer.join();
    }
}
