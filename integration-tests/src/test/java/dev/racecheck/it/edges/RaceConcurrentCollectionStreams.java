package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Concurrent collections' streams and toArray, edge broken: each producer writes the element after placing it.
 * Expected: race on field dev.racecheck.it.edges.Placed.v
 */
public final class RaceConcurrentCollectionStreams {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Placed> chmValues = new ConcurrentHashMap<>();
        ConcurrentHashMap<Placed, String> chmKeys = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Placed> chmEntries = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Placed> chmArray = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Placed> clq = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Placed> clqSpliterator = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Placed> clqArray = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedDeque<Placed> cld = new ConcurrentLinkedDeque<>();
        ConcurrentLinkedDeque<Placed> cldArray = new ConcurrentLinkedDeque<>();
        LinkedTransferQueue<Placed> ltq = new LinkedTransferQueue<>();
        ConcurrentSkipListMap<String, Placed> cslm = new ConcurrentSkipListMap<>();
        ConcurrentSkipListSet<Placed> csls = new ConcurrentSkipListSet<>();
        CopyOnWriteArrayList<Placed> cowal = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<Placed> cowalSub = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<Placed> cowalArray = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<Placed> cowalTypedArray = new CopyOnWriteArrayList<>();
        CopyOnWriteArraySet<Placed> cowas = new CopyOnWriteArraySet<>();
        Placed.Producers producers = new Placed.Producers();
        producers.add("chm-values", x -> { chmValues.put("values", x); x.v = 1; }); // racy access
        producers.add("chm-keys", x -> { chmKeys.put(x, "keys"); x.v = 2; }); // racy access
        producers.add("chm-entries", x -> { chmEntries.put("entries", x); x.v = 3; }); // racy access
        producers.add("chm-array", x -> { chmArray.put("array", x); x.v = 4; }); // racy access
        producers.add("clq", x -> { clq.offer(x); x.v = 5; }); // racy access
        producers.add("clq-spliterator", x -> { clqSpliterator.offer(x); x.v = 6; }); // racy access
        producers.add("clq-array", x -> { clqArray.offer(x); x.v = 7; }); // racy access
        producers.add("cld", x -> { cld.offer(x); x.v = 8; }); // racy access
        producers.add("cld-array", x -> { cldArray.offer(x); x.v = 9; }); // racy access
        producers.add("ltq", x -> { ltq.put(x); x.v = 10; }); // racy access
        producers.add("cslm", x -> { cslm.put("values", x); x.v = 11; }); // racy access
        producers.add("csls", x -> { csls.add(x); x.v = 12; }); // racy access
        producers.add("cowal", x -> { cowal.add(x); x.v = 13; }); // racy access
        producers.add("cowal-sublist", x -> { cowalSub.add(x); x.v = 14; }); // racy access
        producers.add("cowal-array", x -> { cowalArray.add(x); x.v = 15; }); // racy access
        producers.add("cowal-typed-array", x -> { cowalTypedArray.add(x); x.v = 16; }); // racy access
        producers.add("cowas", x -> { cowas.add(x); x.v = 17; }); // racy access
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        sum += chmValues.values().stream().mapToInt(i -> i.v).sum(); // racy access
        sum += chmKeys.keySet().stream().mapToInt(i -> i.v).sum(); // racy access
        sum += chmEntries.entrySet().stream().mapToInt(e -> e.getValue().v).sum(); // racy access
        sum += ((Placed) chmArray.values().toArray()[0]).v; // racy access
        sum += clq.stream().mapToInt(i -> i.v).sum(); // racy access
        clqSpliterator.spliterator().tryAdvance(i -> acc[0] += i.v); // racy access
        sum += ((Placed) clqArray.toArray()[0]).v; // racy access
        sum += cld.parallelStream().mapToInt(i -> i.v).sum(); // racy access
        sum += cldArray.toArray(new Placed[0])[0].v; // racy access
        sum += ltq.stream().mapToInt(i -> i.v).sum(); // racy access
        sum += cslm.descendingMap().values().stream().mapToInt(i -> i.v).sum(); // racy access
        sum += csls.descendingSet().stream().mapToInt(i -> i.v).sum(); // racy access
        sum += cowal.stream().mapToInt(i -> i.v).sum(); // racy access
        sum += cowalSub.subList(0, 1).stream().mapToInt(i -> i.v).sum(); // racy access
        sum += ((Placed) cowalArray.toArray()[0]).v; // racy access
        sum += cowalTypedArray.toArray(new Placed[0])[0].v; // racy access
        sum += cowas.stream().mapToInt(i -> i.v).sum(); // racy access
        System.out.println("RaceConcurrentCollectionStreams: " + (sum + acc[0]));
        producers.join();
    }
}
