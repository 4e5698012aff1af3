package dev.racecheck.it.edges;

import java.util.concurrent.Exchanger;

/**
 * Exchanger: actions before exchange(x) happen-before actions after the matching exchange() in the other thread,
 * which returns x.
 * Expected: no race
 */
public final class NoRaceExchanger {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Exchanger<Box> exchanger = new Exchanger<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            exchanger.exchange(box);
        });
        producer.start();
        Box box = exchanger.exchange(null);
        System.out.println("NoRaceExchanger: " + box.value);
        producer.join();
    }
}
