package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap.compute is atomic per key: one call's remapping function, which mutates the value in place,
 * happens-before the next call's function for the same key.
 * Expected: no race
 */
public final class NoRaceConcurrentHashMapComputeInPlace {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
        map.put("hits", new Box());
        Thread worker = Edges.thread("worker", () -> map.compute("hits", (key, box) -> {
            box.value++;
            return box;
        }));
        worker.start();
        Edges.sleep(100);
        map.compute("hits", (key, box) -> {
            box.value++;
            return box;
        });
        worker.join();
        System.out.println("NoRaceConcurrentHashMapComputeInPlace: done");
    }
}
