package dev.racecheck.it.edges;

import java.util.concurrent.LinkedBlockingDeque;

/**
 * LinkedBlockingDeque, edge broken: the producer writes the box after putFirst.
 * Expected: race on field dev.racecheck.it.edges.RaceLinkedBlockingDeque$Box.value
 */
public final class RaceLinkedBlockingDeque {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedBlockingDeque<Box> queue = new LinkedBlockingDeque<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            queue.putFirst(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = queue.takeLast();
        Edges.sleep(100);
        System.out.println("RaceLinkedBlockingDeque: " + box.value); // racy access
        producer.join();
    }
}
