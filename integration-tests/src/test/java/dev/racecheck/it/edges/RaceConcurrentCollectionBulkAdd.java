package dev.racecheck.it.edges;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Bulk insertion into concurrent collections, edge broken: each producer writes the element after placing it.
 * Expected: race on field dev.racecheck.it.edges.Placed.v
 */
public final class RaceConcurrentCollectionBulkAdd {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Placed> chmValues = new ConcurrentHashMap<>();
        ConcurrentHashMap<Placed, String> chmKeys = new ConcurrentHashMap<>();
        Set<Placed> keySet = ConcurrentHashMap.newKeySet();
        Set<Placed> keySetAll = ConcurrentHashMap.newKeySet();
        Set<String> flags = ConcurrentHashMap.newKeySet();
        Placed[] published = new Placed[1];
        ConcurrentSkipListMap<String, Placed> cslm = new ConcurrentSkipListMap<>();
        CopyOnWriteArrayList<Placed> cowal = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<Placed> cowalAt = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<Placed> cowalAbsent = new CopyOnWriteArrayList<>();
        CopyOnWriteArraySet<Placed> cowas = new CopyOnWriteArraySet<>();
        ConcurrentLinkedQueue<Placed> clq = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedDeque<Placed> cld = new ConcurrentLinkedDeque<>();
        Placed.Producers producers = new Placed.Producers();
        producers.add("chm-put-all", x -> { chmValues.putAll(Map.of("putAll", x)); x.v = 1; }); // racy access
        producers.add("chm-put-all-keys", x -> { chmKeys.putAll(Map.of(x, "putAll")); x.v = 2; }); // racy access
        producers.add("chm-key-set-add", x -> { keySet.add(x); x.v = 3; }); // racy access
        producers.add("chm-key-set-add-all", x -> { keySetAll.addAll(List.of(x)); x.v = 4; }); // racy access
        producers.add("chm-key-set-contains", x -> { published[0] = x; flags.add("published"); x.v = 5; }); // racy access
        producers.add("cslm-put-all", x -> { cslm.putAll(Map.of("putAll", x)); x.v = 6; }); // racy access
        producers.add("cowal-add-all", x -> { cowal.addAll(List.of(x)); x.v = 7; }); // racy access
        producers.add("cowal-add-all-at", x -> { cowalAt.addAll(0, List.of(x)); x.v = 8; }); // racy access
        producers.add("cowal-add-all-absent", x -> { cowalAbsent.addAllAbsent(List.of(x)); x.v = 9; }); // racy access
        producers.add("cowas-add-all", x -> { cowas.addAll(List.of(x)); x.v = 10; }); // racy access
        producers.add("clq-add-all", x -> { clq.addAll(List.of(x)); x.v = 11; }); // racy access
        producers.add("cld-add-all", x -> { cld.addAll(List.of(x)); x.v = 12; }); // racy access
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        sum += chmValues.get("putAll").v; // racy access
        for (Placed i : chmKeys.keySet()) sum += i.v; // racy access
        for (Placed i : keySet) sum += i.v; // racy access
        for (Placed i : keySetAll) sum += i.v; // racy access
        sum += flags.contains("published") ? published[0].v : 0; // racy access
        sum += cslm.get("putAll").v; // racy access
        sum += cowal.get(0).v; // racy access
        sum += cowalAt.get(0).v; // racy access
        sum += cowalAbsent.get(0).v; // racy access
        for (Placed i : cowas) sum += i.v; // racy access
        sum += clq.poll().v; // racy access
        sum += cld.peekLast().v; // racy access
        System.out.println("RaceConcurrentCollectionBulkAdd: " + (sum + acc[0]));
        producers.join();
    }
}
