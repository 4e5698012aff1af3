package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collections.synchronizedList: every method locks the wrapper, so add(x) happens-before a later get() that returns
 * x, and the user locks the same monitor to iterate.
 * Expected: no race
 */
public final class NoRaceSynchronizedList {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        List<Box> list = Collections.synchronizedList(new ArrayList<>());
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            list.add(box);
        });
        producer.start();
        while (list.isEmpty()) {
            Edges.sleep(1);
        }
        Box box;
        synchronized (list) {
            box = list.iterator().next();
        }
        System.out.println("NoRaceSynchronizedList: " + box.value);
        producer.join();
    }
}
