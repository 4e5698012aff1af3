package dev.racecheck.it.edges;

import java.util.concurrent.LinkedBlockingDeque;

/**
 * LinkedBlockingDeque: actions before putFirst(x) happen-before actions after the takeLast() that returns x.
 * Expected: no race
 */
public final class NoRaceLinkedBlockingDeque {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedBlockingDeque<Box> queue = new LinkedBlockingDeque<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            queue.putFirst(box);
        });
        producer.start();
        Box box = queue.takeLast();
        System.out.println("NoRaceLinkedBlockingDeque: " + box.value);
        producer.join();
    }
}
