package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap, atomicity removed: the value is mutated after get(), outside compute.
 * Expected: race on field dev.racecheck.it.edges.RaceConcurrentHashMapComputeInPlace$Box.value
 */
public final class RaceConcurrentHashMapComputeInPlace {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
        map.put("hits", new Box());
        Thread worker = Edges.thread("worker", () -> {
            map.get("hits").value++; // racy access
        });
        worker.start();
        Edges.sleep(100);
        map.get("hits").value++; // racy access
        worker.join();
        System.out.println("RaceConcurrentHashMapComputeInPlace: done");
    }
}
