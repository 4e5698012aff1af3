package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap.compute(k, f): actions before and inside the call happen-before actions after a get(k) that
 * returns the value made by the remapping function.
 * Expected: no race
 */
public final class NoRaceConcurrentHashMapCompute {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
        Thread producer = Edges.thread("producer", () -> {
            map.compute("answer", (key, old) -> {
                Box box = new Box();
                box.value = 42;
                return box;
            });
        });
        producer.start();
        // racecheck publishes the value when the call returns; a get() that sees it earlier, while the call is
        // still running, is not ordered (a known imprecision): look only once the producer has ended (getState() is
        // no edge).
        Edges.awaitEndWithoutEdge(producer);
        Box box;
        while ((box = map.get("answer")) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceConcurrentHashMapCompute: " + box.value);
        producer.join();
    }
}
