package dev.racecheck.it.reachability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JDK's plain containers, used by two threads ordered by a join, and what they hold. */
public final class ReachContainers {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        hashMap(t);
        arrayList(t);
        stringBuilder(t);
        others(t);
        t.await();
    }

    static void hashMap(Tracker t) throws InterruptedException {
        Map<String, Box> map = new HashMap<>();
        Box b = new Box();
        Thread w = new Thread(() -> map.put("k", b));
        w.start();
        w.join();
        map.get("k").plain++;
        t.track("container: HashMap used by two threads", map);
        t.track("container: a HashMap's value", b);
    }

    static void arrayList(Tracker t) throws InterruptedException {
        List<Box> list = new ArrayList<>();
        Box b = new Box();
        Thread w = new Thread(() -> list.add(b));
        w.start();
        w.join();
        list.get(0).plain++;
        t.track("container: ArrayList used by two threads", list);
        t.track("container: an ArrayList's element", b);
    }

    static void stringBuilder(Tracker t) throws InterruptedException {
        StringBuilder sb = new StringBuilder();
        Thread w = new Thread(() -> sb.append("abc"));
        w.start();
        w.join();
        sb.append(sb.length());
        t.track("container: StringBuilder used by two threads", sb);
    }

    static void others(Tracker t) throws InterruptedException {
        TreeMap<Integer, Object> tree = new TreeMap<>();
        ArrayDeque<Object> deque = new ArrayDeque<>();
        Thread w = new Thread(() -> {
            tree.put(1, tree);
            deque.push(deque);
        });
        w.start();
        w.join();
        tree.get(1);
        deque.peek();
        t.track("container: TreeMap holding itself", tree);
        t.track("container: ArrayDeque holding itself", deque);
    }
}
