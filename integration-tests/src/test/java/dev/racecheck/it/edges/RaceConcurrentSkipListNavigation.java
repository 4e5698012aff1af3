package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * ConcurrentSkipListMap and ConcurrentSkipListSet navigation, edge broken: each producer writes the element after
 * placing it.
 * Expected: race on field dev.racecheck.it.edges.Placed.v
 */
public final class RaceConcurrentSkipListNavigation {
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
        producers.add("first-entry", x -> { first.put("a", x); x.v = 1; }); // racy access
        producers.add("last-entry", x -> { last.put("a", x); x.v = 2; }); // racy access
        producers.add("ceiling-entry", x -> { ceiling.put("b", x); x.v = 3; }); // racy access
        producers.add("higher-entry", x -> { higher.put("b", x); x.v = 4; }); // racy access
        producers.add("poll-first-entry", x -> { poll.put("a", x); x.v = 5; }); // racy access
        producers.add("descending-map", x -> { descending.put("a", x); x.v = 6; }); // racy access
        producers.add("head-map", x -> { head.put("a", x); x.v = 7; }); // racy access
        producers.add("floor-key", x -> { floorKey.put(x, "a"); x.v = 8; }); // racy access
        producers.add("first-key", x -> { firstKey.put(x, "a"); x.v = 9; }); // racy access
        producers.add("set-first", x -> { setFirst.add(x); x.v = 10; }); // racy access
        producers.add("set-ceiling", x -> { setCeiling.add(x); x.v = 11; }); // racy access
        producers.add("set-poll-first", x -> { setPoll.add(x); x.v = 12; }); // racy access
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        sum += first.firstEntry().getValue().v; // racy access
        sum += last.lastEntry().getValue().v; // racy access
        sum += ceiling.ceilingEntry("a").getValue().v; // racy access
        sum += higher.higherEntry("a").getValue().v; // racy access
        sum += poll.pollFirstEntry().getValue().v; // racy access
        sum += descending.descendingMap().firstEntry().getValue().v; // racy access
        sum += head.headMap("b").values().iterator().next().v; // racy access
        sum += floorKey.floorKey(new Placed(99)).v; // racy access
        sum += firstKey.firstKey().v; // racy access
        sum += setFirst.first().v; // racy access
        sum += setCeiling.ceiling(new Placed(0)).v; // racy access
        sum += setPoll.pollFirst().v; // racy access
        System.out.println("RaceConcurrentSkipListNavigation: " + (sum + acc[0]));
        producers.join();
    }
}
