package dev.racecheck.it.edges;

import java.util.concurrent.Exchanger;

/**
 * Exchanger, edge broken: the producer writes the box after exchange.
 * Expected: race on field dev.racecheck.it.edges.RaceExchanger$Box.value
 */
public final class RaceExchanger {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Exchanger<Box> exchanger = new Exchanger<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            exchanger.exchange(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = exchanger.exchange(null);
        Edges.sleep(100);
        System.out.println("RaceExchanger: " + box.value); // racy access
        producer.join();
    }
}
