package dev.racecheck.it.edges;

import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Concurrent collections' iterators, edge broken: each producer writes the element after placing it.
 * Expected: race on field dev.racecheck.it.edges.Placed.v
 */
public final class RaceConcurrentCollectionIterators {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentLinkedQueue<Placed> clq = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedDeque<Placed> cld = new ConcurrentLinkedDeque<>();
        ConcurrentLinkedDeque<Placed> cldDescending = new ConcurrentLinkedDeque<>();
        LinkedTransferQueue<Placed> ltq = new LinkedTransferQueue<>();
        ConcurrentSkipListMap<String, Placed> cslmValues = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<Placed, String> cslmKeys = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, Placed> cslmEntries = new ConcurrentSkipListMap<>();
        ConcurrentSkipListSet<Placed> csls = new ConcurrentSkipListSet<>();
        Set<Placed> keySet = ConcurrentHashMap.newKeySet();
        ConcurrentHashMap<String, Placed> chmEntries = new ConcurrentHashMap<>();
        ConcurrentHashMap<Placed, String> chmKeys = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Placed> chmElements = new ConcurrentHashMap<>();
        CopyOnWriteArrayList<Placed> cowal = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<Placed> cowalSub = new CopyOnWriteArrayList<>();
        CopyOnWriteArraySet<Placed> cowas = new CopyOnWriteArraySet<>();
        Placed.Producers producers = new Placed.Producers();
        producers.add("clq", x -> { clq.offer(x); x.v = 1; }); // racy access
        producers.add("cld", x -> { cld.addLast(x); x.v = 2; }); // racy access
        producers.add("cld-descending", x -> { cldDescending.addFirst(x); x.v = 3; }); // racy access
        producers.add("ltq", x -> { ltq.put(x); x.v = 4; }); // racy access
        producers.add("cslm-values", x -> { cslmValues.put("values", x); x.v = 5; }); // racy access
        producers.add("cslm-keys", x -> { cslmKeys.put(x, "keys"); x.v = 6; }); // racy access
        producers.add("cslm-entries", x -> { cslmEntries.put("entries", x); x.v = 7; }); // racy access
        producers.add("csls", x -> { csls.add(x); x.v = 8; }); // racy access
        producers.add("chm-key-set", x -> { keySet.add(x); x.v = 9; }); // racy access
        producers.add("chm-entries", x -> { chmEntries.put("entries", x); x.v = 10; }); // racy access
        producers.add("chm-keys", x -> { chmKeys.put(x, "keys"); x.v = 11; }); // racy access
        producers.add("chm-elements", x -> { chmElements.put("elements", x); x.v = 12; }); // racy access
        producers.add("cowal", x -> { cowal.add(x); x.v = 13; }); // racy access
        producers.add("cowal-sublist", x -> { cowalSub.add(x); x.v = 14; }); // racy access
        producers.add("cowas", x -> { cowas.add(x); x.v = 15; }); // racy access
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        for (Placed i : clq) sum += i.v; // racy access
        for (Placed i : cld) sum += i.v; // racy access
        for (Iterator<Placed> it = cldDescending.descendingIterator(); it.hasNext(); ) {
            sum += it.next().v; // racy access
        }
        for (Placed i : ltq) sum += i.v; // racy access
        for (Placed i : cslmValues.values()) sum += i.v; // racy access
        for (Placed i : cslmKeys.keySet()) sum += i.v; // racy access
        for (Map.Entry<String, Placed> e : cslmEntries.entrySet()) {
            sum += e.getValue().v; // racy access
        }
        for (Placed i : csls) sum += i.v; // racy access
        for (Placed i : keySet) sum += i.v; // racy access
        for (Map.Entry<String, Placed> e : chmEntries.entrySet()) {
            sum += e.getValue().v; // racy access
        }
        for (Enumeration<Placed> e = chmKeys.keys(); e.hasMoreElements(); ) {
            sum += e.nextElement().v; // racy access
        }
        for (Enumeration<Placed> e = chmElements.elements(); e.hasMoreElements(); ) {
            sum += e.nextElement().v; // racy access
        }
        for (Placed i : cowal) sum += i.v; // racy access
        for (Placed i : cowalSub.subList(0, 1)) sum += i.v; // racy access
        for (Placed i : cowas) sum += i.v; // racy access
        System.out.println("RaceConcurrentCollectionIterators: " + (sum + acc[0]));
        producers.join();
    }
}
