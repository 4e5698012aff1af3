package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap.compute(k, f), edge broken: the producer writes the value after the call returned.
 * Expected: race on field dev.racecheck.it.edges.RaceConcurrentHashMapCompute$Box.value
 */
public final class RaceConcurrentHashMapCompute {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = map.compute("answer", (key, old) -> new Box());
            box.value = 42; // racy access
        });
        producer.start();
        Box box;
        while ((box = map.get("answer")) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceConcurrentHashMapCompute: " + box.value); // racy access
        producer.join();
    }
}
