package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap.merge(k, v, f): actions before and inside the call happen-before actions after a get(k) that
 * returns the value merged in.
 * Expected: no race
 */
public final class NoRaceConcurrentHashMapMerge {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            map.merge("answer", box, (old, fresh) -> fresh);
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
        System.out.println("NoRaceConcurrentHashMapMerge: " + box.value);
        producer.join();
    }
}
