package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedTransferQueue;

/**
 * LinkedTransferQueue.drainTo, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RaceDrainToTransferQueue$Box.value
 */
public final class RaceDrainToTransferQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedTransferQueue<Box> queue = new LinkedTransferQueue<>();
        List<Box> drained = new ArrayList<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            queue.put(box);
            box.value = 42; // racy access
        });
        producer.start();
        while (queue.drainTo(drained) == 0) {
            Edges.sleep(1);
        }
        Box box = drained.get(0);
        Edges.sleep(100);
        System.out.println("RaceDrainToTransferQueue: " + box.value); // racy access
        producer.join();
    }
}
