package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collections.synchronizedList, edge broken: the producer writes the box after add.
 * Expected: race on field dev.racecheck.it.edges.RaceSynchronizedList$Box.value
 */
public final class RaceSynchronizedList {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        List<Box> list = Collections.synchronizedList(new ArrayList<>());
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            list.add(box);
            box.value = 42; // racy access
        });
        producer.start();
        while (list.isEmpty()) {
            Edges.sleep(1);
        }
        Box box;
        synchronized (list) {
            box = list.iterator().next();
        }
        Edges.sleep(100);
        System.out.println("RaceSynchronizedList: " + box.value); // racy access
        producer.join();
    }
}
