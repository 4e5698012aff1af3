package dev.racecheck.it.edges;

import java.util.concurrent.LinkedTransferQueue;

/**
 * LinkedTransferQueue.transfer: actions before transfer(x) happen-before actions after the take() that returns x.
 * Expected: no race
 */
public final class NoRaceLinkedTransferQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedTransferQueue<Box> queue = new LinkedTransferQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            queue.transfer(box);
        });
        producer.start();
        Box box = queue.take();
        System.out.println("NoRaceLinkedTransferQueue: " + box.value);
        producer.join();
    }
}
