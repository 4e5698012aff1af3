package dev.racecheck.it.edges;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CopyOnWriteArrayList, edge broken: the producer writes the box after add.
 * Expected: race on field dev.racecheck.it.edges.RaceCopyOnWriteArrayList$Box.value
 */
public final class RaceCopyOnWriteArrayList {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CopyOnWriteArrayList<Box> list = new CopyOnWriteArrayList<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            list.add(box);
            box.value = 42; // racy access
        });
        producer.start();
        while (list.isEmpty()) {
            Edges.sleep(1);
        }
        Box box = list.get(0);
        Edges.sleep(100);
        System.out.println("RaceCopyOnWriteArrayList: " + box.value); // racy access
        producer.join();
    }
}
