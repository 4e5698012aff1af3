package dev.racecheck.it.edges;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CopyOnWriteArrayList: actions before add(x) happen-before actions after a get(i) that returns x.
 * Expected: no race
 */
public final class NoRaceCopyOnWriteArrayList {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CopyOnWriteArrayList<Box> list = new CopyOnWriteArrayList<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            list.add(box);
        });
        producer.start();
        while (list.isEmpty()) {
            Edges.sleep(1);
        }
        Box box = list.get(0);
        System.out.println("NoRaceCopyOnWriteArrayList: " + box.value);
        producer.join();
    }
}
