package dev.racecheck.it.edges;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * DelayQueue, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RaceDelayQueue$Box.value
 */
public final class RaceDelayQueue {
    static final class Box implements Delayed {
        int value;

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        DelayQueue<Box> queue = new DelayQueue<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            queue.put(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = queue.take();
        Edges.sleep(100);
        System.out.println("RaceDelayQueue: " + box.value); // racy access
        producer.join();
    }
}
