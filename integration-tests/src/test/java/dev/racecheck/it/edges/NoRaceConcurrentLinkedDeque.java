package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * ConcurrentLinkedDeque: actions before push(x) happen-before actions after the pollLast() that returns x.
 * Expected: no race
 */
public final class NoRaceConcurrentLinkedDeque {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentLinkedDeque<Box> deque = new ConcurrentLinkedDeque<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            deque.push(box);
        });
        producer.start();
        Box box;
        while ((box = deque.pollLast()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceConcurrentLinkedDeque: " + box.value);
        producer.join();
    }
}
