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
 * Bulk insertion into concurrent collections (putAll, addAll, addAllAbsent, a key set view's add): actions before
 * the call happen-before actions after an access that returns one of the elements it placed (a key set's
 * contains(k) that finds k included).
 * Each access path reads an element of its own, placed by a producer of its own (see Placed); main waits for
 * the producers without an edge.
 * Expected: no race
 */
public final class NoRaceConcurrentCollectionBulkAdd {
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
        producers.add("chm-put-all", x -> { x.v = 1; chmValues.putAll(Map.of("putAll", x)); });
        producers.add("chm-put-all-keys", x -> { x.v = 2; chmKeys.putAll(Map.of(x, "putAll")); });
        producers.add("chm-key-set-add", x -> { x.v = 3; keySet.add(x); });
        producers.add("chm-key-set-add-all", x -> { x.v = 4; keySetAll.addAll(List.of(x)); });
        producers.add("chm-key-set-contains", x -> { x.v = 5; published[0] = x; flags.add("published"); });
        producers.add("cslm-put-all", x -> { x.v = 6; cslm.putAll(Map.of("putAll", x)); });
        producers.add("cowal-add-all", x -> { x.v = 7; cowal.addAll(List.of(x)); });
        producers.add("cowal-add-all-at", x -> { x.v = 8; cowalAt.addAll(0, List.of(x)); });
        producers.add("cowal-add-all-absent", x -> { x.v = 9; cowalAbsent.addAllAbsent(List.of(x)); });
        producers.add("cowas-add-all", x -> { x.v = 10; cowas.addAll(List.of(x)); });
        producers.add("clq-add-all", x -> { x.v = 11; clq.addAll(List.of(x)); });
        producers.add("cld-add-all", x -> { x.v = 12; cld.addAll(List.of(x)); });
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        sum += chmValues.get("putAll").v;
        for (Placed i : chmKeys.keySet()) sum += i.v;
        for (Placed i : keySet) sum += i.v;
        for (Placed i : keySetAll) sum += i.v;
        sum += flags.contains("published") ? published[0].v : 0;
        sum += cslm.get("putAll").v;
        sum += cowal.get(0).v;
        sum += cowalAt.get(0).v;
        sum += cowalAbsent.get(0).v;
        for (Placed i : cowas) sum += i.v;
        sum += clq.poll().v;
        sum += cld.peekLast().v;
        System.out.println("NoRaceConcurrentCollectionBulkAdd: " + (sum + acc[0]));
        producers.join();
    }
}
