package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * BlockingQueue.drainTo, edge broken: the producer writes the second box after putting it.
 * Expected: race on field dev.racecheck.it.edges.RaceDrainTo$Box.value
 */
public final class RaceDrainTo {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LinkedBlockingQueue<Box> queue = new LinkedBlockingQueue<>();
        List<Box> drained = new ArrayList<>();
        Thread producer = Edges.thread("producer", () -> {
            queue.put(new Box());
            Box second = new Box();
            queue.put(second);
            second.value = 42; // racy access
        });
        producer.start();
        Edges.awaitEndWithoutEdge(producer); // both boxes are in the queue, and written, by now
        while (drained.size() < 2) {
            queue.drainTo(drained);
            Edges.sleep(1);
        }
        System.out.println("RaceDrainTo: " + drained.get(1).value); // racy access
        producer.join();
    }
}
