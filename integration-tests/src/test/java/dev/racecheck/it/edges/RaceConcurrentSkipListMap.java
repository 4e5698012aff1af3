package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * ConcurrentSkipListMap, edge broken: the producer writes the box after put.
 * Expected: race on field dev.racecheck.it.edges.RaceConcurrentSkipListMap$Box.value
 */
public final class RaceConcurrentSkipListMap {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentSkipListMap<String, Box> map = new ConcurrentSkipListMap<>();
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
        System.out.println("RaceConcurrentSkipListMap: " + box.value); // racy access
        producer.join();
    }
}
