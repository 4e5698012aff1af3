package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The operations of {@code NoRaceHandOffEachOperation} and {@code RaceHandOffEachOperationFailed}, one per path:
 * the writer's operation on a collection after it writes the path's slot ({@link #write}), and the reader's before
 * it reads the slot ({@link #read}). With {@code succeed}, the writer places an element and the reader gets that
 * element out; without, one of the two operations does nothing: a poll, timed poll or peek that finds the queue empty
 * again (the writer took its element back), a contains or remove(o) that finds nothing, an offer to a full queue, a
 * putIfAbsent, replace or addIfAbsent that finds the element there already (placed by main at the start).
 */
final class HandOffOperations {
    interface Operation {
        void run() throws Exception;
    }

    private final List<Operation> writes = new ArrayList<>();
    private final List<Operation> reads = new ArrayList<>();

    HandOffOperations(boolean succeed) {
        Object token = new Object();
        ArrayBlockingQueue<Object> abq = new ArrayBlockingQueue<>(4);
        path(() -> {
            abq.put(token);
            if (!succeed) abq.take();
        }, () -> Edges.check((abq.poll() == token) == succeed, "ArrayBlockingQueue.poll"));
        LinkedBlockingQueue<Object> lbq = new LinkedBlockingQueue<>();
        path(() -> {
            lbq.put(token);
            if (!succeed) lbq.take();
        }, () -> Edges.check((lbq.poll(10, TimeUnit.MILLISECONDS) == token) == succeed, "LinkedBlockingQueue.poll(timeout)"));
        LinkedBlockingDeque<Object> lbd = new LinkedBlockingDeque<>();
        path(() -> {
            lbd.putLast(token);
            if (!succeed) lbd.takeFirst();
        }, () -> Edges.check((lbd.peekFirst() == token) == succeed, "LinkedBlockingDeque.peekFirst"));
        PriorityBlockingQueue<String> pbq = new PriorityBlockingQueue<>();
        String element = "element";
        path(() -> {
            pbq.put(element);
            if (!succeed) pbq.take();
        }, () -> Edges.check(pbq.contains(element) == succeed, "PriorityBlockingQueue.contains"));
        ArrayBlockingQueue<Object> removed = new ArrayBlockingQueue<>(4);
        path(() -> {
            removed.put(token);
            if (!succeed) removed.take();
        }, () -> Edges.check(removed.remove(token) == succeed, "ArrayBlockingQueue.remove(o)"));
        // A full queue: main put `held` in it; the writer's offer of `held` succeeds only once main's copy is gone.
        Object held = new Object();
        ArrayBlockingQueue<Object> full = new ArrayBlockingQueue<>(1);
        full.add(held);
        path(() -> {
            if (succeed) full.take();
            Edges.check(full.offer(held) == succeed, "ArrayBlockingQueue.offer");
        }, () -> Edges.check(full.take() == held, "took the element"));
        // Maps and lists: main placed `present` at the start; the writer's placing of it succeeds only once it is gone.
        Object present = new Object();
        ConcurrentHashMap<String, Object> chm = new ConcurrentHashMap<>();
        chm.put("k", present);
        path(() -> {
            if (succeed) chm.remove("k");
            Edges.check((chm.putIfAbsent("k", present) == null) == succeed, "ConcurrentHashMap.putIfAbsent");
        }, () -> Edges.check(chm.get("k") == present, "got the value"));
        Object other = new Object();
        ConcurrentHashMap<String, Object> replaced = new ConcurrentHashMap<>();
        replaced.put("k", other);
        replaced.put("j", present);
        path(() -> Edges.check(replaced.replace("k", succeed ? other : token, present) == succeed,
                "ConcurrentHashMap.replace(k, old, new)"),
                () -> Edges.check(replaced.get(succeed ? "k" : "j") == present, "got the value"));
        Set<String> keySet = ConcurrentHashMap.newKeySet();
        keySet.add("ready");
        path(() -> {
            if (succeed) keySet.remove("ready");
            Edges.check(keySet.add("ready") == succeed, "key set add");
        }, () -> Edges.check(keySet.contains("ready"), "contains"));
        CopyOnWriteArrayList<Object> cow = new CopyOnWriteArrayList<>();
        cow.add(present);
        path(() -> {
            if (succeed) cow.remove(present);
            Edges.check(cow.addIfAbsent(present) == succeed, "CopyOnWriteArrayList.addIfAbsent");
        }, () -> Edges.check(cow.get(0) == present, "got the element"));
        ConcurrentSkipListMap<String, Object> cslm = new ConcurrentSkipListMap<>();
        cslm.put("k", present);
        path(() -> {
            if (succeed) cslm.remove("k");
            Edges.check((cslm.putIfAbsent("k", present) == null) == succeed, "ConcurrentSkipListMap.putIfAbsent");
        }, () -> Edges.check(cslm.get("k") == present, "got the value"));
        ConcurrentSkipListSet<String> csls = new ConcurrentSkipListSet<>();
        csls.add(element);
        path(() -> {
            if (succeed) csls.remove(element);
            Edges.check(csls.add(element) == succeed, "ConcurrentSkipListSet.add");
        }, () -> Edges.check(csls.first() == element, "got the element"));
    }

    private void path(Operation write, Operation read) {
        writes.add(write);
        reads.add(read);
    }

    int size() {
        return writes.size();
    }

    void write(int path) throws Exception {
        writes.get(path).run();
    }

    void read(int path) throws Exception {
        reads.get(path).run();
    }
}
