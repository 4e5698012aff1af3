package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * ConcurrentSkipListMap and ConcurrentSkipListSet navigation (firstEntry, ceilingEntry, floorKey, pollFirstEntry,
 * first, ceiling, views): actions before placing a key or value happen-before actions after a navigation method
 * returns it (directly or in a map entry).
 * Each access path reads an element of its own, placed by a producer of its own (see Placed); main waits for
 * the producers without an edge.
 * Expected: no race
 */
public final class NoRaceConcurrentSkipListNavigation {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentSkipListMap<String, Placed> first = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, Placed> last = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, Placed> ceiling = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, Placed> higher = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, Placed> poll = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, Placed> descending = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, Placed> head = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<Placed, String> floorKey = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<Placed, String> firstKey = new ConcurrentSkipListMap<>();
        ConcurrentSkipListSet<Placed> setFirst = new ConcurrentSkipListSet<>();
        ConcurrentSkipListSet<Placed> setCeiling = new ConcurrentSkipListSet<>();
        ConcurrentSkipListSet<Placed> setPoll = new ConcurrentSkipListSet<>();
        Placed.Producers producers = new Placed.Producers();
        producers.add("first-entry", x -> { x.v = 1; first.put("a", x); });
        producers.add("last-entry", x -> { x.v = 2; last.put("a", x); });
        producers.add("ceiling-entry", x -> { x.v = 3; ceiling.put("b", x); });
        producers.add("higher-entry", x -> { x.v = 4; higher.put("b", x); });
        producers.add("poll-first-entry", x -> { x.v = 5; poll.put("a", x); });
        producers.add("descending-map", x -> { x.v = 6; descending.put("a", x); });
        producers.add("head-map", x -> { x.v = 7; head.put("a", x); });
        producers.add("floor-key", x -> { x.v = 8; floorKey.put(x, "a"); });
        producers.add("first-key", x -> { x.v = 9; firstKey.put(x, "a"); });
        producers.add("set-first", x -> { x.v = 10; setFirst.add(x); });
        producers.add("set-ceiling", x -> { x.v = 11; setCeiling.add(x); });
        producers.add("set-poll-first", x -> { x.v = 12; setPoll.add(x); });
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        sum += first.firstEntry().getValue().v;
        sum += last.lastEntry().getValue().v;
        sum += ceiling.ceilingEntry("a").getValue().v;
        sum += higher.higherEntry("a").getValue().v;
        sum += poll.pollFirstEntry().getValue().v;
        sum += descending.descendingMap().firstEntry().getValue().v;
        sum += head.headMap("b").values().iterator().next().v;
        sum += floorKey.floorKey(new Placed(99)).v;
        sum += firstKey.firstKey().v;
        sum += setFirst.first().v;
        sum += setCeiling.ceiling(new Placed(0)).v;
        sum += setPoll.pollFirst().v;
        System.out.println("NoRaceConcurrentSkipListNavigation: " + (sum + acc[0]));
        producers.join();
    }
}
