package dev.racecheck.it.edges;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Collections.synchronizedMap, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RaceSynchronizedMap$Box.value
 */
public final class RaceSynchronizedMap {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Map<String, Box> map = Collections.synchronizedMap(new HashMap<>());
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            map.put("answer", box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box;
        while ((box = map.get("answer")) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceSynchronizedMap: " + box.value); // racy access
        producer.join();
    }
}
