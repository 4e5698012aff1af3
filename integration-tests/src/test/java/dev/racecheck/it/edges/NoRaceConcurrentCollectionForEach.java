package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Concurrent collections' forEach, bulk operations and removeIf: actions before placing an element happen-before
 * what the function they are given does with it (ConcurrentHashMap's parallel forEach/search/reduce included).
 * Each access path reads an element of its own, placed by a producer of its own (see Placed); main waits for
 * the producers without an edge.
 * Expected: no race
 */
public final class NoRaceConcurrentCollectionForEach {
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
        producers.add("chm", x -> { x.v = 1; chm.put("forEach", x); });
        producers.add("chm-parallel", x -> { x.v = 2; chmParallel.put("parallel", x); });
        producers.add("chm-values", x -> { x.v = 3; chmValues.put("values", x); });
        producers.add("chm-reduce", x -> { x.v = 4; chmReduce.put("reduce", x); });
        producers.add("chm-search", x -> { x.v = 5; chmSearch.put("search", x); });
        producers.add("chm-keys", x -> { x.v = 6; chmKeys.put(x, "keys"); });
        producers.add("clq", x -> { x.v = 7; clq.offer(x); });
        producers.add("clq-remove-if", x -> { x.v = 8; clqRemoveIf.offer(x); });
        producers.add("cld", x -> { x.v = 9; cld.offer(x); });
        producers.add("ltq", x -> { x.v = 10; ltq.put(x); });
        producers.add("cslm", x -> { x.v = 11; cslm.put("forEach", x); });
        producers.add("cowal", x -> { x.v = 12; cowal.add(x); });
        producers.add("cowal-remove-if", x -> { x.v = 13; cowalRemoveIf.add(x); });
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        chm.forEach((k, i) -> acc[0] += i.v);
        chmParallel.forEach(1, (k, i) -> acc[0] += i.v);
        chmValues.forEachValue(1, i -> acc[0] += i.v);
        sum += chmReduce.reduceValuesToInt(1, i -> i.v, 0, Integer::sum);
        sum += chmSearch.search(1, (k, i) -> i.v > 0 ? i.v : null);
        chmKeys.forEachKey(1, i -> acc[0] += i.v);
        clq.forEach(i -> acc[0] += i.v);
        clqRemoveIf.removeIf(i -> i.v < 0);
        cld.forEach(i -> acc[0] += i.v);
        ltq.forEach(i -> acc[0] += i.v);
        cslm.forEach((k, i) -> acc[0] += i.v);
        cowal.forEach(i -> acc[0] += i.v);
        cowalRemoveIf.removeIf(i -> i.v < 0);
        System.out.println("NoRaceConcurrentCollectionForEach: " + (sum + acc[0]));
        producers.join();
    }
}
