package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap: actions before put(k, v) happen-before actions after a get(k) that returns v.
 * Expected: no race
 */
public final class NoRaceConcurrentHashMap {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
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
        System.out.println("NoRaceConcurrentHashMap: " + box.value);
        producer.join();
    }
}
