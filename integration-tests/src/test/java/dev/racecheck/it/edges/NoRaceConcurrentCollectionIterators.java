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
 * Concurrent collections' iterators: actions before placing an element happen-before actions after an iterator
 * (or an enumeration, a view's iterator, a map entry it returns) hands that element out.
 * Each access path reads an element of its own, placed by a producer of its own (see Placed); main waits for
 * the producers without an edge.
 * Expected: no race
 */
public final class NoRaceConcurrentCollectionIterators {
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
        producers.add("clq", x -> { x.v = 1; clq.offer(x); });
        producers.add("cld", x -> { x.v = 2; cld.addLast(x); });
        producers.add("cld-descending", x -> { x.v = 3; cldDescending.addFirst(x); });
        producers.add("ltq", x -> { x.v = 4; ltq.put(x); });
        producers.add("cslm-values", x -> { x.v = 5; cslmValues.put("values", x); });
        producers.add("cslm-keys", x -> { x.v = 6; cslmKeys.put(x, "keys"); });
        producers.add("cslm-entries", x -> { x.v = 7; cslmEntries.put("entries", x); });
        producers.add("csls", x -> { x.v = 8; csls.add(x); });
        producers.add("chm-key-set", x -> { x.v = 9; keySet.add(x); });
        producers.add("chm-entries", x -> { x.v = 10; chmEntries.put("entries", x); });
        producers.add("chm-keys", x -> { x.v = 11; chmKeys.put(x, "keys"); });
        producers.add("chm-elements", x -> { x.v = 12; chmElements.put("elements", x); });
        producers.add("cowal", x -> { x.v = 13; cowal.add(x); });
        producers.add("cowal-sublist", x -> { x.v = 14; cowalSub.add(x); });
        producers.add("cowas", x -> { x.v = 15; cowas.add(x); });
        producers.runWithoutEdge();
        int sum = 0;
        int[] acc = new int[1];
        for (Placed i : clq) sum += i.v;
        for (Placed i : cld) sum += i.v;
        for (Iterator<Placed> it = cldDescending.descendingIterator(); it.hasNext(); ) {
            sum += it.next().v;
        }
        for (Placed i : ltq) sum += i.v;
        for (Placed i : cslmValues.values()) sum += i.v;
        for (Placed i : cslmKeys.keySet()) sum += i.v;
        for (Map.Entry<String, Placed> e : cslmEntries.entrySet()) {
            sum += e.getValue().v;
        }
        for (Placed i : csls) sum += i.v;
        for (Placed i : keySet) sum += i.v;
        for (Map.Entry<String, Placed> e : chmEntries.entrySet()) {
            sum += e.getValue().v;
        }
        for (Enumeration<Placed> e = chmKeys.keys(); e.hasMoreElements(); ) {
            sum += e.nextElement().v;
        }
        for (Enumeration<Placed> e = chmElements.elements(); e.hasMoreElements(); ) {
            sum += e.nextElement().v;
        }
        for (Placed i : cowal) sum += i.v;
        for (Placed i : cowalSub.subList(0, 1)) sum += i.v;
        for (Placed i : cowas) sum += i.v;
        System.out.println("NoRaceConcurrentCollectionIterators: " + (sum + acc[0]));
        producers.join();
    }
}
