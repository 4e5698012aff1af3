package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Concurrent collections' forEach and bulk operations, edge broken: each producer writes the element after placing
 * it.
 * Expected: race on field dev.racecheck.it.edges.Placed.v
 */
public final class RaceConcurrentCollectionForEach {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Placed> chm = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Placed> chmParallel = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Placed> chmValues = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Placed> chmReduce = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Placed> chmSearch = new ConcurrentHashMap<>();
        ConcurrentHashMap<Placed, String> chmKeys = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Placed> clq = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Placed> clqRemoveIf = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedDeque<Placed> cld = new ConcurrentLinkedDeque<>();
        LinkedTransferQueue<Placed> ltq = new LinkedTransferQueue<>();
        ConcurrentSkipListMap<String, Placed> cslm = new ConcurrentSkipListMap<>();
        CopyOnWriteArrayList<Placed> cowal = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<Placed> cowalRemoveIf = new CopyOnWriteArrayList<>();
        Placed.Producers producers = new Placed.Producers();
        producers.add("chm", x -> { chm.put("forEach", x); x.v = 1; }); // racy access
        producers.add("chm-parallel", x -> { chmParallel.put("parallel", x); x.v = 2; }); // racy access
        producers.add("chm-values", x -> { chmValues.put("values", x); x.v = 3; }); // racy access
        producers.add("chm-reduce", x -> { chmReduce.put("reduce", x); x.v = 4; }); // racy access
        producers.add("chm-search", x -> { chmSearch.put("search", x); x.v = 5; }); // racy access
        producers.add("chm-keys", x -> { chmKeys.put(x, "keys"); x.v = 6; }); // racy access
        producers.add("clq", x -> { clq.offer(x); x.v = 7; }); // racy access
        producers.add("clq-remove-if", x -> { clqRemoveIf.offer(x); x.v = 8; }); // racy access
        producers.add("cld", x -> { cld.offer(x); x.v = 9; }); // racy access
        producers.add("ltq", x -> { ltq.put(x); x.v = 10; }); // racy access
        producers.add("cslm", x -> { cslm.put("forEach", x); x.v = 11; }); // racy access
        producers.add("cowal", x -> { cowal.add(x); x.v = 12; }); // racy access
        producers.add("cowal-remove-if", x -> { cowalRemoveIf.add(x); x.v = 13; }); // racy access
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        chm.forEach((k, i) -> acc[0] += i.v); // racy access
        chmParallel.forEach(1, (k, i) -> acc[0] += i.v); // racy access
        chmValues.forEachValue(1, i -> acc[0] += i.v); // racy access
        sum += chmReduce.reduceValuesToInt(1, i -> i.v, 0, Integer::sum); // racy access
        sum += chmSearch.search(1, (k, i) -> i.v > 0 ? i.v : null); // racy access
        chmKeys.forEachKey(1, i -> acc[0] += i.v); // racy access
        clq.forEach(i -> acc[0] += i.v); // racy access
        clqRemoveIf.removeIf(i -> i.v < 0); // racy access
        cld.forEach(i -> acc[0] += i.v); // racy access
        ltq.forEach(i -> acc[0] += i.v); // racy access
        cslm.forEach((k, i) -> acc[0] += i.v); // racy access
        cowal.forEach(i -> acc[0] += i.v); // racy access
        cowalRemoveIf.removeIf(i -> i.v < 0); // racy access
        System.out.println("RaceConcurrentCollectionForEach: " + (sum + acc[0]));
        producers.join();
    }
}
