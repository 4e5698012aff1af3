package dev.racecheck.it.edges;

import java.util.concurrent.LinkedTransferQueue;

/**
 * LinkedTransferQueue.transfer, edge broken: the producer writes the box after transfer.
 * Expected: race on field dev.racecheck.it.edges.RaceLinkedTransferQueue$Box.value
 */
public final class RaceLinkedTransferQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedTransferQueue<Box> queue = new LinkedTransferQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            queue.transfer(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = queue.take();
        Edges.sleep(100);
        System.out.println("RaceLinkedTransferQueue: " + box.value); // racy access
        producer.join();
    }
}
