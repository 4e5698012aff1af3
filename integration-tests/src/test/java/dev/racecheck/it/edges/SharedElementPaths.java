package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The access paths of {@code NoRaceHandOffSharedElement} and {@code RaceHandOffSharedElement}: one per kind of
 * concurrent collection, each with two collections of that kind and an object that both hold (a cached Integer,
 * Boolean.TRUE, an enum constant, a string literal, one shared object). {@code place(i, which)} places path i's
 * object in its collection {@code which} (0 or 1); {@code take(i)} gets it out of collection 1.
 */
final class SharedElementPaths {
    enum Token { SHARED }

    /** A delayed element that is due at once, shared by the two delay queues. */
    static final Delayed DUE = new Delayed() {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }
    };

    private final List<Consumer<Integer>> placers = new ArrayList<>();
    private final List<Runnable> takers = new ArrayList<>();

    SharedElementPaths() {
        queue(new ArrayBlockingQueue<>(4), new ArrayBlockingQueue<>(4), Boolean.TRUE);
        queue(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>(), 7);
        queue(new LinkedBlockingDeque<>(), new LinkedBlockingDeque<>(), Token.SHARED);
        queue(new PriorityBlockingQueue<>(), new PriorityBlockingQueue<>(), "token");
        queue(new LinkedTransferQueue<>(), new LinkedTransferQueue<>(), Boolean.FALSE);
        queue(new DelayQueue<>(), new DelayQueue<>(), DUE);
        ConcurrentLinkedQueue<Object> clq0 = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Object> clq1 = new ConcurrentLinkedQueue<>();
        path(which -> (which == 0 ? clq0 : clq1).offer(8), () -> Edges.check(clq1.poll() == (Object) 8, "clq"));
        ConcurrentLinkedDeque<Object> cld0 = new ConcurrentLinkedDeque<>();
        ConcurrentLinkedDeque<Object> cld1 = new ConcurrentLinkedDeque<>();
        path(which -> (which == 0 ? cld0 : cld1).push(Token.SHARED),
                () -> Edges.check(cld1.pollLast() == Token.SHARED, "cld"));
        ConcurrentHashMap<String, Object> chm0 = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Object> chm1 = new ConcurrentHashMap<>();
        path(which -> (which == 0 ? chm0 : chm1).put("k", Boolean.TRUE),
                () -> Edges.check(chm1.get("k") == Boolean.TRUE, "chm value"));
        ConcurrentHashMap<Object, String> chmKeys0 = new ConcurrentHashMap<>();
        ConcurrentHashMap<Object, String> chmKeys1 = new ConcurrentHashMap<>();
        path(which -> (which == 0 ? chmKeys0 : chmKeys1).put("literal", "v"),
                () -> Edges.check(chmKeys1.keySet().iterator().next() == "literal", "chm key"));
        Set<Object> keySet0 = ConcurrentHashMap.newKeySet();
        Set<Object> keySet1 = ConcurrentHashMap.newKeySet();
        path(which -> (which == 0 ? keySet0 : keySet1).add(9), () -> Edges.check(keySet1.contains(9), "key set"));
        ConcurrentSkipListMap<String, Object> cslm0 = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<String, Object> cslm1 = new ConcurrentSkipListMap<>();
        path(which -> (which == 0 ? cslm0 : cslm1).put("k", Token.SHARED),
                () -> Edges.check(cslm1.get("k") == Token.SHARED, "cslm"));
        ConcurrentSkipListSet<Object> csls0 = new ConcurrentSkipListSet<>();
        ConcurrentSkipListSet<Object> csls1 = new ConcurrentSkipListSet<>();
        path(which -> (which == 0 ? csls0 : csls1).add("element"), () -> Edges.check(csls1.first() == "element", "csls"));
        CopyOnWriteArrayList<Object> cow0 = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<Object> cow1 = new CopyOnWriteArrayList<>();
        path(which -> (which == 0 ? cow0 : cow1).add(10), () -> Edges.check(cow1.get(0) == (Object) 10, "cowal"));
        CopyOnWriteArraySet<Object> cowSet0 = new CopyOnWriteArraySet<>();
        CopyOnWriteArraySet<Object> cowSet1 = new CopyOnWriteArraySet<>();
        path(which -> (which == 0 ? cowSet0 : cowSet1).add(Boolean.TRUE),
                () -> Edges.check(cowSet1.iterator().next() == Boolean.TRUE, "cowas"));
    }

    private <T> void queue(BlockingQueue<T> q0, BlockingQueue<T> q1, T element) {
        path(which -> (which == 0 ? q0 : q1).add(element), () -> {
            try {
                Edges.check(q1.take() == element, "took the element");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void path(Consumer<Integer> place, Runnable take) {
        placers.add(place);
        takers.add(take);
    }

    int size() {
        return placers.size();
    }

    void place(int path, int which) {
        placers.get(path).accept(which);
    }

    void take(int path) {
        takers.get(path).run();
    }
}
