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
 * Concurrent collections' spliterators (what streams use) and toArray: actions before placing an element
 * happen-before actions after a stream, a spliterator or an array returned by toArray hands that element out.
 * Each access path reads an element of its own, placed by a producer of its own (see Placed); main waits for
 * the producers without an edge.
 * Expected: no race
 */
public final class NoRaceConcurrentCollectionStreams {
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
        producers.add("chm-values", x -> { x.v = 1; chmValues.put("values", x); });
        producers.add("chm-keys", x -> { x.v = 2; chmKeys.put(x, "keys"); });
        producers.add("chm-entries", x -> { x.v = 3; chmEntries.put("entries", x); });
        producers.add("chm-array", x -> { x.v = 4; chmArray.put("array", x); });
        producers.add("clq", x -> { x.v = 5; clq.offer(x); });
        producers.add("clq-spliterator", x -> { x.v = 6; clqSpliterator.offer(x); });
        producers.add("clq-array", x -> { x.v = 7; clqArray.offer(x); });
        producers.add("cld", x -> { x.v = 8; cld.offer(x); });
        producers.add("cld-array", x -> { x.v = 9; cldArray.offer(x); });
        producers.add("ltq", x -> { x.v = 10; ltq.put(x); });
        producers.add("cslm", x -> { x.v = 11; cslm.put("values", x); });
        producers.add("csls", x -> { x.v = 12; csls.add(x); });
        producers.add("cowal", x -> { x.v = 13; cowal.add(x); });
        producers.add("cowal-sublist", x -> { x.v = 14; cowalSub.add(x); });
        producers.add("cowal-array", x -> { x.v = 15; cowalArray.add(x); });
        producers.add("cowal-typed-array", x -> { x.v = 16; cowalTypedArray.add(x); });
        producers.add("cowas", x -> { x.v = 17; cowas.add(x); });
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        sum += chmValues.values().stream().mapToInt(i -> i.v).sum();
        sum += chmKeys.keySet().stream().mapToInt(i -> i.v).sum();
        sum += chmEntries.entrySet().stream().mapToInt(e -> e.getValue().v).sum();
        sum += ((Placed) chmArray.values().toArray()[0]).v;
        sum += clq.stream().mapToInt(i -> i.v).sum();
        clqSpliterator.spliterator().tryAdvance(i -> acc[0] += i.v);
        sum += ((Placed) clqArray.toArray()[0]).v;
        sum += cld.parallelStream().mapToInt(i -> i.v).sum();
        sum += cldArray.toArray(new Placed[0])[0].v;
        sum += ltq.stream().mapToInt(i -> i.v).sum();
        sum += cslm.descendingMap().values().stream().mapToInt(i -> i.v).sum();
        sum += csls.descendingSet().stream().mapToInt(i -> i.v).sum();
        sum += cowal.stream().mapToInt(i -> i.v).sum();
        sum += cowalSub.subList(0, 1).stream().mapToInt(i -> i.v).sum();
        sum += ((Placed) cowalArray.toArray()[0]).v;
        sum += cowalTypedArray.toArray(new Placed[0])[0].v;
        sum += cowas.stream().mapToInt(i -> i.v).sum();
        System.out.println("NoRaceConcurrentCollectionStreams: " + (sum + acc[0]));
        producers.join();
    }
}
