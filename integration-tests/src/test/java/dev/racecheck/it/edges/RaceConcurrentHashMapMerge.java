package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap.merge(k, v, f), edge broken: the producer writes the value after the call returned.
 * Expected: race on field dev.racecheck.it.edges.RaceConcurrentHashMapMerge$Box.value
 */
public final class RaceConcurrentHashMapMerge {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            map.merge("answer", box, (old, fresh) -> fresh);
            box.value = 42; // racy access
        });
        producer.start();
        Box box;
        while ((box = map.get("answer")) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceConcurrentHashMapMerge: " + box.value); // racy access
        producer.join();
    }
}
