package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * ConcurrentSkipListMap: actions before put(k, v) happen-before actions after a get(k) that returns v.
 * Expected: no race
 */
public final class NoRaceConcurrentSkipListMap {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentSkipListMap<String, Box> map = new ConcurrentSkipListMap<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            map.put("answer", box);
        });
        producer.start();
        Box box;
        while ((box = map.get("answer")) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceConcurrentSkipListMap: " + box.value);
        producer.join();
    }
}
