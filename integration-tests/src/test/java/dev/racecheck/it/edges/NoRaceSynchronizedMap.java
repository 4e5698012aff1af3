package dev.racecheck.it.edges;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Collections.synchronizedMap: every method locks the wrapper, so put(k, v) happens-before a later get(k) that
 * returns v.
 * Expected: no race
 */
public final class NoRaceSynchronizedMap {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Map<String, Box> map = Collections.synchronizedMap(new HashMap<>());
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
        System.out.println("NoRaceSynchronizedMap: " + box.value);
        producer.join();
    }
}
