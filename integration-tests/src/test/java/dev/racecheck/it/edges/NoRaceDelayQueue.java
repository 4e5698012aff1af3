package dev.racecheck.it.edges;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * DelayQueue: actions before put(x) happen-before actions after the take() that returns x.
 * Expected: no race
 */
public final class NoRaceDelayQueue {
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
            box.value = 42;
            queue.put(box);
        });
        producer.start();
        Box box = queue.take();
        System.out.println("NoRaceDelayQueue: " + box.value);
        producer.join();
    }
}
