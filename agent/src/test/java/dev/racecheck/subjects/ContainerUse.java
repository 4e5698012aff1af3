package dev.racecheck.subjects;

import java.text.SimpleDateFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Calls on containers with arguments of every shape (none, one, wide ones, several, arrays), through classes,
 * interfaces and {@code Object}, from static, instance, synchronized methods and a constructor before
 * {@code super(...)}, and super calls from an application subclass. Everything runs on one thread.
 */
public class ContainerUse {
    /** An application map: its put is its own (synchronized) and reaches HashMap's through super. */
    public static class Registry extends HashMap<String, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Long put(String key, Long value) {
            return super.put(key, value);
        }

        long total() {
            long t = 0;
            for (long v : values()) t += v;
            return t + size();
        }
    }

    /** A list whose constructor calls a container method before {@code super(...)} returns. */
    public static class Sized extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Sized(List<String> from) {
            super(from.size() + 1);
            addAll(from);
        }
    }

    /** Wide arguments around the container calls: the spill locals come after these. */
    static long wide(long a, StringBuilder sb, double d, int i) {
        sb.append(a).append(d).insert(0, a).insert(0, d).append(i).append(' ');
        sb.insert(0, new char[] {'x', 'y', 'z'}, 1, 2);
        sb.setLength(sb.length() - 1);
        CharSequence cs = sb;
        return a + i + cs.length() + cs.subSequence(0, 2).charAt(1);
    }

    private final List<Double> doubles = new ArrayList<>();

    synchronized double sum(double extra, long times) {
        doubles.add(extra);
        doubles.add(0, (double) times);
        double s = 0;
        for (int i = 0; i < doubles.size(); i++) s += doubles.get(i);
        return s;
    }

    /** A write, a read and a read through an interface on objects the caller made. */
    public static void touch(Map<String, Integer> map, List<String> list, StringBuilder sb) {
        map.put("k", 1);
        list.isEmpty();
        CharSequence cs = sb;
        cs.length();
    }

    static void writer(Map<String, Integer> map) {
        map.put("w", 1);
    }

    static Integer reader(Map<String, Integer> map) {
        return map.get("w");
    }

    /** A put and a get from two threads that nothing orders. */
    public static void racy(Map<String, Integer> map) throws InterruptedException {
        Thread w = new Thread(() -> writer(map), "writer");
        Thread r = new Thread(() -> reader(map), "reader");
        w.start();
        r.start();
        w.join();
        r.join();
    }

    /** The same under one lock. */
    public static void locked(Map<String, Integer> map) throws InterruptedException {
        Thread w = new Thread(() -> {
            synchronized (map) {
                writer(map);
            }
        }, "writer");
        Thread r = new Thread(() -> {
            synchronized (map) {
                reader(map);
            }
        }, "reader");
        w.start();
        r.start();
        w.join();
        r.join();
    }

    // ---- containers a method keeps to itself, and ones it lets go of -----------------------------------------

    private List<Double> kept;

    static String localBuilder(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i).append(',');
        return sb.toString();
    }

    static int chained() {
        return new StringBuilder().append(1).append("x").insert(0, 2L).reverse().length();
    }

    static int localMap(String[] words) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : words) counts.merge(w, 1, Integer::sum);
        return counts.size();
    }

    static Map<String, Integer> returnedMap() {
        Map<String, Integer> m = new HashMap<>();
        m.put("a", 1);
        return m;
    }

    static void storedInField(ContainerUse u) {
        List<Double> l = new ArrayList<>();
        l.add(1.0);
        u.kept = l;
    }

    static Runnable capturedByLambda() {
        List<String> l = new ArrayList<>();
        l.add("x");
        return () -> l.clear();
    }

    static Object[] storedInArray() {
        StringBuilder sb = new StringBuilder();
        sb.append(1);
        return new Object[] {sb};
    }

    static int passedOn() {
        List<String> l = new ArrayList<>();
        l.add("x");
        return java.util.Collections.unmodifiableList(l).size();
    }

    static int madeOrGiven(boolean make, List<String> given) {
        List<String> l = make ? new ArrayList<>() : given;
        l.add("x");
        return l.size();
    }

    static int localIteration(Map<String, Integer> source) {
        Map<String, Integer> m = new HashMap<>(source);
        int n = 0;
        for (Map.Entry<String, Integer> e : m.entrySet()) n += e.getValue();
        return n;
    }

    static Map.Entry<String, Integer> escapingEntry() {
        Map<String, Integer> m = new HashMap<>();
        m.put("a", 1);
        return m.entrySet().iterator().next();
    }

    /** Views, iterators, entries, containers passed to the JDK, reflection: every shape of their call sites. */
    static String views() throws Throwable {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> map = new TreeMap<>(Map.of("a", 1, "b", 2, "c", 3));
        for (Map.Entry<String, Integer> e : map.entrySet()) e.setValue(e.getValue() * 10);
        map.keySet().removeIf(k -> k.equals("b"));
        List<String> list = new ArrayList<>(List.of("z", "y", "x"));
        java.util.Iterator<String> it = list.iterator();
        it.next();
        it.remove();
        java.util.ListIterator<String> li = list.listIterator(1);
        li.previous();
        li.set("w");
        java.util.Collections.sort(list);
        List<String> all = new ArrayList<>();
        all.addAll(list);
        out.append(map).append(String.join("+", list)).append(all.equals(list)).append(String.valueOf(map))
                .append("<" + out.length() + ">" + new StringBuilder("q") + map.keySet())
                .append(String.format("%s %d", list, 7)).append(java.util.Collections.max(list, null));
        int[] counts = new int[2];
        java.lang.reflect.Array.setInt(counts, 1, 9);
        java.lang.reflect.Array.set(counts, 0, 8);
        long wideCount = java.lang.reflect.Array.getLong(counts, 1);
        java.lang.reflect.Field f = ContainerUse.class.getDeclaredField("kept");
        ContainerUse u = new ContainerUse();
        f.set(u, new ArrayList<>(List.of(1.0)));
        java.lang.invoke.MethodHandle getKept = java.lang.invoke.MethodHandles.lookup().unreflectGetter(f);
        @SuppressWarnings("unchecked")
        List<Double> kept = (List<Double>) getKept.invoke(u);
        java.lang.invoke.MethodHandle setKept = java.lang.invoke.MethodHandles.lookup().findSetter(ContainerUse.class,
                "kept", List.class);
        setKept.invokeExact(u, (List<Double>) null);
        out.append(counts[0]).append(wideCount).append(kept).append(u.kept).append(localIteration(map))
                .append(escapingEntry());
        return out.toString();
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> map = new HashMap<>();
        map.put("a", 1);
        map.putIfAbsent("b", 2);
        map.merge("a", 5, Integer::sum);
        out.append(map.getOrDefault("c", 7)).append(map.get("a")).append(map.containsKey("b")).append(' ');
        HashMap<String, Integer> copy = new HashMap<>(map);
        copy.replace("b", 3);
        copy.computeIfAbsent("d", k -> 4);
        out.append(new TreeMap<>(copy)).append(' ');

        List<Long> list = new ArrayList<>();
        list.add(3L);
        list.add(0, 4L);
        list.set(1, 5L);
        out.append(list.subList(0, 1)).append(list.indexOf(5L)).append(list.toArray(new Long[0]).length).append(' ');

        Deque<Double> deque = new ArrayDeque<>();
        deque.offerFirst(1.5);
        deque.push(2.5);
        deque.addLast(3.5);
        out.append(deque.pollLast()).append(deque.peekFirst()).append(' ');
        LinkedList<String> linked = new LinkedList<>(List.of("q"));
        linked.addFirst("p");
        PriorityQueue<Integer> pq = new PriorityQueue<>(List.of(5, 1, 3));
        pq.offer(0);
        out.append(linked).append(pq.poll()).append(pq.peek()).append(' ');

        BitSet bits = new BitSet();
        bits.set(1, 5, true);
        bits.flip(0, 3);
        out.append(bits).append(bits.get(2)).append(bits.cardinality()).append(' ');

        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        out.append(format.format(new Date(86_400_000L * 365))).append(' ');

        StringBuilder sb = new StringBuilder("s");
        out.append(wide(1L << 40, sb, 0.25, 7)).append(sb).append(' ');
        out.append(new ContainerUse().sum(1.5, 3L)).append(' ');

        Registry registry = new Registry();
        registry.put("x", 10L);
        registry.put("y", 20L);
        Map<String, Long> asMap = registry;
        asMap.put("z", 30L);
        out.append(registry.total()).append(registry.get("x")).append(' ');
        out.append(new Sized(List.of("m", "n"))).append(' ');

        Object o = map;
        out.append(o.toString()).append(o.hashCode()).append(o.equals(copy)).append(o.getClass().getSimpleName());
        try {
            out.append(' ').append(views());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
