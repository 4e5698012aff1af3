package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RaceConcurrentHashMap$Box.value
 */
public final class RaceConcurrentHashMap {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
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
        System.out.println("RaceConcurrentHashMap: " + box.value); // racy access
        producer.join();
    }
}
