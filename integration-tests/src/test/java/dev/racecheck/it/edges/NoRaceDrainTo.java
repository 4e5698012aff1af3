package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * BlockingQueue.drainTo: actions before put(x) happen-before actions after the drainTo(c) that moves x into c.
 * The producer puts two boxes and main drains both at once; the second put finds the queue non-empty.
 * Expected: no race
 */
public final class NoRaceDrainTo {
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
            second.value = 42;
            queue.put(second);
        });
        producer.start();
        Edges.awaitEndWithoutEdge(producer); // both boxes are in the queue by now (getState() is no edge)
        while (drained.size() < 2) {
            queue.drainTo(drained);
            Edges.sleep(1);
        }
        System.out.println("NoRaceDrainTo: " + drained.get(1).value);
        producer.join();
    }
}
