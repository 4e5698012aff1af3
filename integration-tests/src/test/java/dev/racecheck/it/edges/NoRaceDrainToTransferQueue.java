package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedTransferQueue;

/**
 * LinkedTransferQueue.drainTo: actions before put(x) happen-before actions after the drainTo(c) that moves x into
 * c.
 * Expected: no race
 */
public final class NoRaceDrainToTransferQueue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedTransferQueue<Box> queue = new LinkedTransferQueue<>();
        List<Box> drained = new ArrayList<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            queue.put(box);
        });
        producer.start();
        while (queue.drainTo(drained) == 0) {
            Edges.sleep(1);
        }
        Box box = drained.get(0);
        System.out.println("NoRaceDrainToTransferQueue: " + box.value);
        producer.join();
    }
}
