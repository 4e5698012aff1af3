package dev.racecheck.agent.runtime.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.SimpleDateFormat;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Vector;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.report.ContainerClasses;
import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.TestShadows;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.Target;

/**
 * The container model in-process: which methods write, which classes are modelled, and calls from thread states made
 * here going through the real detector to a report whose stacks start with the operations.
 */
class ContainersTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    private static int line = 1;

    private static ThreadState thread(String name) {
        return Threads.create(new Thread(name), null, 0);
    }

    private static int site(String method) {
        return Sites.register("test.Containers", "use", "Containers.java", line++, "java.util.Map", method);
    }

    private static void call(ThreadState t, Object receiver, String name, String descriptor) {
        Containers.call(receiver, Containers.operation(name, descriptor), site(name), t, 0);
    }

    private static List<Race> racesOn(Object receiver) {
        String instance = receiver.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(receiver));
        return Reporter.races().stream().filter(r -> instance.equals(r.target().instance())).toList();
    }

    private static void handOff(ThreadState from, ThreadState to) {
        Shadow lock = TestShadows.newShadow();
        Analysis.DETECTOR.release(from, lock);
        Analysis.DETECTOR.acquire(to, lock);
    }

    // ---- which calls write ----------------------------------------------------------------------------------

    @Test
    void mutators_should_be_writes() {
        for (String name : List.of("put", "putAll", "putIfAbsent", "add", "addAll", "addFirst", "addLast", "remove",
                "removeIf", "removeFirst", "retainAll", "clear", "set", "sort", "replaceAll", "replace", "compute",
                "computeIfAbsent", "computeIfPresent", "merge", "poll", "pollFirst", "pollLastEntry", "offer",
                "offerFirst", "push", "pop", "trimToSize", "ensureCapacity", "append", "appendCodePoint", "insert",
                "delete", "deleteCharAt", "setLength", "setCharAt", "reverse", "flip", "and", "or", "xor", "andNot",
                "format", "parse", "parseObject", "applyPattern", "setTimeZone", "setLenient", "set2DigitYearStart")) {
            assertTrue(Containers.writes(name), name + " writes");
        }
    }

    @Test
    void everything_else_should_be_a_read() {
        for (String name : List.of("get", "getOrDefault", "containsKey", "containsValue", "contains", "size",
                "isEmpty", "iterator", "listIterator", "spliterator", "stream", "forEach", "toString", "equals",
                "hashCode", "indexOf", "lastIndexOf", "peek", "peekFirst", "element", "toArray", "charAt", "length",
                "subSequence", "substring", "subList", "keySet", "values", "entrySet", "firstKey", "ceilingKey",
                "headMap", "clone", "toPattern", "getTimeZone", "cardinality", "nextSetBit", "address", "settle",
                "puts", "additional")) {
            assertFalse(Containers.writes(name), name + " reads");
        }
    }

    @Test
    void operations_should_be_numbered_by_name_and_descriptor_and_carry_whether_they_write() {
        int put = Containers.operation("put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;");
        assertEquals(put, Containers.operation("put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"));
        assertEquals(Containers.WRITE, put & Containers.WRITE);
        int get = Containers.operation("get", "(Ljava/lang/Object;)Ljava/lang/Object;");
        assertEquals(0, get & Containers.WRITE);
        assertEquals(0, get & Containers.SUPER, "super calls are marked by the instrumenter");
        int getIndex = Containers.operation("get", "(I)Ljava/lang/Object;");
        assertNotEquals(Containers.number(get), Containers.number(getIndex), "another descriptor is another operation");
        assertEquals("get", Containers.name(Containers.number(getIndex)));
        assertEquals("(I)Ljava/lang/Object;", Containers.descriptor(Containers.number(getIndex)));
        assertEquals(Containers.LOOKUP, get & Containers.LOOKUP, "get moves the entry of a LinkedHashMap in access order");
        assertEquals(0, put & Containers.LOOKUP);
        for (String notAnOperation : List.of("getClass", "wait", "notify", "notifyAll", "<init>")) {
            assertEquals(Containers.NONE, Containers.operation(notAnOperation, "()V"), notAnOperation);
        }
    }

    @Test
    void descriptors_of_reflected_methods_should_be_those_of_call_instructions() throws Exception {
        assertEquals("(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
                Containers.descriptor(HashMap.class.getMethod("put", Object.class, Object.class)));
        assertEquals("(IJ)Ljava/lang/StringBuilder;",
                Containers.descriptor(StringBuilder.class.getMethod("insert", int.class, long.class)));
        assertEquals("(I[CII)Ljava/lang/StringBuilder;",
                Containers.descriptor(StringBuilder.class.getMethod("insert", int.class, char[].class, int.class,
                        int.class)));
        assertEquals("([Ljava/lang/Object;)[Ljava/lang/Object;",
                Containers.descriptor(ArrayList.class.getMethod("toArray", Object[].class)));
        assertEquals("(IIZ)V", Containers.descriptor(BitSet.class.getMethod("set", int.class, int.class,
                boolean.class)));
        assertEquals("(D)Ljava/lang/StringBuilder;",
                Containers.descriptor(StringBuilder.class.getMethod("append", double.class)));
    }

    // ---- which classes are modelled -------------------------------------------------------------------------

    enum Color { RED, GREEN }

    @Test
    void the_jdks_unsynchronized_classes_should_be_modelled() {
        for (Object o : List.of(new HashMap<>(), new LinkedHashMap<>(), new TreeMap<>(), new HashSet<>(),
                new ArrayList<>(), new ArrayDeque<>(), new StringBuilder(), new BitSet(), new SimpleDateFormat(),
                Arrays.asList(1, 2), EnumSet.noneOf(Color.class), new WeakHashMap<>())) {
            ContainerModel m = ContainerModel.of(o.getClass());
            assertEquals(ContainerModel.CONTAINER, m.kind, o.getClass().getName());
            assertSame(o.getClass(), m.jdkClass, o.getClass().getName());
            assertFalse(m.subclass);
        }
        assertTrue(ContainerModel.of(WeakHashMap.class).everyCallWrites, "WeakHashMap.get expunges stale entries");
        assertTrue(ContainerModel.of(LinkedHashMap.class).linked);
        assertFalse(ContainerModel.of(HashMap.class).linked);
        assertFalse(ContainerModel.of(HashMap.class).everyCallWrites);
        assertTrue(ContainerModel.of(HashMap.class).next < 0, "a map holds its own data");
        assertTrue(ContainerModel.of(HashSet.class).next >= 0, "a set's data is its map's");
        assertTrue(ContainerModel.of(java.util.TreeSet.class).next >= 0, "a set's data is its map's");
    }

    @Test
    void thread_safe_and_immutable_collections_should_not_be_modelled_and_synchronized_wrappers_record_inside() {
        for (Object o : List.of(new ConcurrentHashMap<>(), List.of(1), Map.of(), new Vector<>(), new Hashtable<>(),
                new StringBuffer(), "a string", new CopyOnWriteArrayList<>(), new Object(),
                new ConcurrentHashMap<>().keySet())) {
            assertEquals(ContainerModel.OTHER, ContainerModel.of(o.getClass()).kind, o.getClass().getName());
        }
        for (Object o : List.of(Collections.synchronizedMap(new HashMap<>()),
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedSet(new HashSet<>()),
                Collections.synchronizedMap(new HashMap<>()).keySet())) {
            assertEquals(ContainerModel.SYNCHRONIZED, ContainerModel.of(o.getClass()).kind, o.getClass().getName());
        }
    }

    /** An application subclass with an override of its own. */
    static class Registry extends HashMap<String, String> {
        @Override
        public synchronized String put(String key, String value) {
            return super.put(key, value);
        }
    }

    static class OwnMap extends AbstractMap<String, String> {
        @Override
        public Set<Entry<String, String>> entrySet() {
            return Set.of();
        }
    }

    @Test
    void application_subclasses_should_count_only_where_the_jdks_method_runs() {
        ContainerModel m = ContainerModel.of(Registry.class);
        assertSame(HashMap.class, m.jdkClass);
        assertTrue(m.subclass);
        int get = Containers.number(Containers.operation("get", GET));
        int put = Containers.number(Containers.operation("put", PUT));
        int putString = Containers.number(Containers.operation("put",
                "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;"));
        int notHashMaps = Containers.number(Containers.operation("frobnicate", "()V"));
        assertTrue(m.runsJdkMethod(Registry.class, get));
        assertFalse(m.runsJdkMethod(Registry.class, put), "the bridge method is the subclass's");
        assertFalse(m.runsJdkMethod(Registry.class, putString), "the override is the subclass's");
        assertFalse(m.runsJdkMethod(Registry.class, notHashMaps));
        assertTrue(m.runsJdkMethod(Registry.class, get), "asked again: the cached answer");
        assertEquals(ContainerModel.OTHER, ContainerModel.of(OwnMap.class).kind,
                "a map of the program's own is not the JDK's");
    }

    // ---- calls through the detector --------------------------------------------------------------------------

    private static final String PUT = "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String GET = "(Ljava/lang/Object;)Ljava/lang/Object;";

    @Test
    void unordered_put_and_get_should_be_reported_with_both_operations() {
        Map<String, String> map = new HashMap<>();
        ThreadState main = thread("main-like");
        ThreadState writer = thread("writer");
        call(main, map, "get", GET);
        call(writer, map, "put", PUT);
        List<Race> races = racesOn(map);
        assertEquals(1, races.size(), races::toString);
        Race r = races.get(0);
        assertEquals(Target.Kind.CONTAINER, r.target().kind());
        assertEquals("java.util.HashMap", r.target().owner());
        assertEquals(Target.STATE, r.target().name());
        assertEquals(AccessKind.WRITE, r.current().kind());
        assertEquals(AccessKind.READ, r.previous().kind());
        assertEquals(new Frame("java.util.HashMap", "put", "HashMap.java", -1), r.current().stack().get(0));
        assertEquals(new Frame("java.util.HashMap", "get", "HashMap.java", -1), r.previous().stack().get(0));
        assertEquals("HashMap.put", r.operation(r.current()));
        assertEquals("HashMap.get", r.operation(r.previous()));
        assertTrue(r.current().stack().size() > 1 && r.previous().stack().size() > 1, "the callers follow");
    }

    @Test
    void ordered_calls_and_concurrent_reads_should_not_be_reported() {
        Map<String, String> map = new HashMap<>();
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        call(a, map, "put", PUT);
        handOff(a, b);
        call(b, map, "get", GET);
        call(a, map, "size", "()I");
        call(b, map, "containsKey", "(Ljava/lang/Object;)Z");
        assertEquals(List.of(), racesOn(map));
    }

    @Test
    void a_weak_hash_maps_reads_should_race_with_each_other() {
        Map<String, String> map = new WeakHashMap<>();
        call(thread("a"), map, "get", GET);
        call(thread("b"), map, "get", GET);
        assertEquals(1, racesOn(map).size());
    }

    @Test
    void objects_of_classes_not_modelled_should_get_no_state() {
        Map<String, String> map = new ConcurrentHashMap<>();
        call(thread("a"), map, "put", PUT);
        call(thread("b"), map, "put", PUT);
        assertNull(Analysis.SHADOWS.peek(map), "not even a shadow");
    }

    @Test
    void a_subclasss_own_methods_should_not_count_but_its_super_calls_should() {
        Registry r = new Registry();
        int put = Containers.operation("put", PUT);
        Containers.call(r, put, site("put"), thread("a"), 0);
        Containers.call(r, put, site("put"), thread("b"), 0);
        assertEquals(List.of(), racesOn(r), "the synchronized override runs, not HashMap.put");
        Containers.call(r, put | Containers.SUPER, site("put"), thread("c"), 0);
        Containers.call(r, put | Containers.SUPER, site("put"), thread("d"), 0);
        List<Race> races = racesOn(r);
        assertEquals(1, races.size());
        assertEquals(ContainersTest.Registry.class.getName(), races.get(0).target().owner());
        assertEquals("java.util.HashMap", races.get(0).current().stack().get(0).className(),
                "the operation is HashMap's");
    }

    @Test
    void ignored_threads_and_null_receivers_should_record_nothing() {
        Map<String, String> map = new HashMap<>();
        ThreadState a = thread("a");
        a.ignore++;
        call(a, map, "put", PUT);
        a.ignore--;
        call(a, null, "put", PUT);
        assertNull(Analysis.SHADOWS.peek(map));
    }

    @Test
    void operation_frames_should_name_the_source_file_of_nested_classes_by_their_top_level_class() {
        List<Frame> stack = ContainerClasses.withOperation(
                Containers.operationSite(site("set"), Arrays.asList(1).getClass()), List.of());
        assertEquals(new Frame("java.util.Arrays$ArrayList", "set", "Arrays.java", -1), stack.get(0));
    }

    // ---- views, iterators, entries, arguments ------------------------------------------------------------------

    private static final String REMOVE_IF = "(Ljava/util/function/Predicate;)Z";
    private static final String NEXT = "()Ljava/lang/Object;";

    /** Races on {@code container}'s state, by the operations of both accesses. */
    private static List<String> operationsOf(Object container) {
        return racesOn(container).stream().map(r -> r.operation(r.current()) + " vs " + r.operation(r.previous()))
                .toList();
    }

    @Test
    void a_views_calls_should_be_accesses_of_its_container_named_by_the_views_class() {
        Map<String, String> map = new HashMap<>(Map.of("a", "1"));
        call(thread("a"), map.keySet(), "removeIf", REMOVE_IF);
        call(thread("b"), map, "get", GET);
        assertEquals(List.of("HashMap.get vs HashMap$KeySet.removeIf"), operationsOf(map));
    }

    /** A view (or iterator) of a container, and the container. */
    private record ViewOf(Object view, Object container) {
    }

    @Test
    void every_kind_of_view_should_lead_to_its_container() {
        List<java.util.function.Supplier<ViewOf>> views = List.of(
                () -> list(l -> l.iterator()), () -> list(l -> l.listIterator()), () -> list(l -> l.subList(0, 2)),
                () -> list(l -> l.subList(0, 2).iterator()), () -> list(l -> l.spliterator()),
                () -> list(l -> Collections.unmodifiableList(l)),
                () -> list(l -> Collections.unmodifiableList(l).iterator()),
                () -> list(l -> Collections.unmodifiableCollection(l).iterator()),
                () -> list(l -> Collections.checkedList(l, Integer.class)),
                () -> tree(t -> t.keySet()), () -> tree(t -> t.values().iterator()),
                () -> tree(t -> t.entrySet().iterator()), () -> tree(t -> t.navigableKeySet()),
                () -> tree(t -> t.descendingMap()), () -> tree(t -> t.headMap("b")),
                () -> tree(t -> t.subMap("a", "c").keySet().iterator()),
                () -> tree(t -> t.descendingKeySet().iterator()),
                () -> tree(t -> Collections.unmodifiableMap(t).entrySet()),
                () -> tree(t -> Collections.unmodifiableMap(t).entrySet().iterator()),
                () -> sorted(s -> s.tailSet(2)), () -> sorted(s -> s.iterator()),
                () -> sorted(s -> s.descendingSet().iterator()),
                () -> {
                    Set<Integer> hashed = new HashSet<>(List.of(1));
                    return new ViewOf(hashed.iterator(), hashed);
                },
                () -> {
                    LinkedHashMap<String, String> linked = new LinkedHashMap<>(Map.of("a", "1"));
                    return new ViewOf(linked.entrySet().iterator(), linked);
                },
                () -> {
                    ArrayDeque<Integer> deque = new ArrayDeque<>(List.of(1));
                    return new ViewOf(deque.descendingIterator(), deque);
                },
                () -> {
                    Map<Integer, Boolean> backing = new HashMap<>();
                    return new ViewOf(Collections.newSetFromMap(backing), backing);
                });
        for (java.util.function.Supplier<ViewOf> make : views) {
            ViewOf v = make.get();
            ThreadState a = thread("a");
            call(a, v.container(), "size", "()I"); // as a program does first: the report names the container
            call(a, v.view(), "toString", "()Ljava/lang/String;");
            call(thread("b"), v.container(), "clear", "()V");
            assertEquals(1, racesOn(v.container()).size(), () -> v.view().getClass().getName() + " of "
                    + v.container().getClass().getName());
        }
    }

    private static ViewOf list(java.util.function.Function<List<Integer>, Object> view) {
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
        return new ViewOf(view.apply(list), list);
    }

    private static ViewOf tree(java.util.function.Function<TreeMap<String, String>, Object> view) {
        TreeMap<String, String> tree = new TreeMap<>(Map.of("a", "1", "b", "2"));
        return new ViewOf(view.apply(tree), tree);
    }

    private static ViewOf sorted(java.util.function.Function<java.util.TreeSet<Integer>, Object> view) {
        java.util.TreeSet<Integer> sorted = new java.util.TreeSet<>(List.of(1, 2, 3));
        return new ViewOf(view.apply(sorted), sorted);
    }

    @Test
    void a_sets_iterator_should_share_the_sets_state_and_report_the_set() {
        Set<Integer> ids = new HashSet<>(List.of(1, 2));
        call(thread("a"), ids, "add", "(Ljava/lang/Object;)Z");
        Containers.next(ids.iterator(), Containers.operation("next", NEXT), site("next"), thread("b"), 0);
        List<Race> races = racesOn(ids);
        assertEquals(1, races.size());
        assertEquals("java.util.HashSet", races.get(0).target().owner(), "the set the program knows, not its map");
        assertEquals("HashMap$KeyIterator.next", races.get(0).operation(races.get(0).current()));
    }

    @Test
    void read_only_views_should_read_even_where_the_call_would_write() {
        List<Integer> list = new ArrayList<>(List.of(1));
        call(thread("a"), Collections.unmodifiableList(list), "add", "(Ljava/lang/Object;)Z");
        call(thread("b"), list, "get", "(I)Ljava/lang/Object;");
        assertEquals(List.of(), racesOn(list), "an unmodifiable view's add throws: it reads, and reads do not race");
    }

    @Test
    void entries_handed_out_by_an_entry_iterator_should_act_on_their_map() {
        Map<String, String> map = new HashMap<>(Map.of("a", "1"));
        Map.Entry<String, String> seen = map.entrySet().iterator().next();
        ThreadState t = thread("iterating");
        java.util.Iterator<Map.Entry<String, String>> it = map.entrySet().iterator();
        Containers.next(it, Containers.operation("next", NEXT), site("next"), t, 0);
        Map.Entry<String, String> handed = it.next();
        Containers.entryReturned(handed, t);
        assertSame(seen, handed, "HashMap hands out its own nodes");
        call(thread("a"), handed, "setValue", "(Ljava/lang/Object;)Ljava/lang/Object;");
        call(thread("b"), handed, "getValue", "()Ljava/lang/Object;");
        assertTrue(operationsOf(map).contains("HashMap$Node.getValue vs HashMap$Node.setValue"),
                () -> operationsOf(map).toString());

        Map<String, String> other = new HashMap<>(Map.of("b", "2"));
        Map.Entry<String, String> unseen = other.entrySet().iterator().next();
        call(thread("c"), unseen, "setValue", "(Ljava/lang/Object;)Ljava/lang/Object;");
        call(thread("d"), unseen, "setValue", "(Ljava/lang/Object;)Ljava/lang/Object;");
        assertEquals(List.of(), racesOn(other), "an entry racecheck did not see handed out knows no map");
    }

    @Test
    void a_key_iterators_elements_should_not_be_linked() {
        Map<Map<String, String>, String> byMap = new HashMap<>();
        Map<String, String> key = new HashMap<>();
        byMap.put(key, "v");
        ThreadState t = thread("iterating");
        java.util.Iterator<Map<String, String>> it = byMap.keySet().iterator();
        Containers.next(it, Containers.operation("next", NEXT), site("next"), t, 0);
        assertNull(t.pendingEntry, "a key iterator hands out keys, not entries");
        Containers.entryReturned(it.next(), t);
        assertNull(Analysis.SHADOWS.peek(key));
    }

    @Test
    void a_container_passed_to_the_jdk_should_be_read_there_under_the_jdk_methods_name() {
        List<String> list = new ArrayList<>(List.of("a"));
        int copy = Sites.register("test.Containers", "use", "Containers.java", line++, "java.util.ArrayList", "<init>");
        Containers.argument(list, false, copy, thread("a"), 0);
        call(thread("b"), list, "add", "(Ljava/lang/Object;)Z");
        assertEquals(List.of("ArrayList.add vs ArrayList.<init>"), operationsOf(list));
        int sort = Sites.register("test.Containers", "use", "Containers.java", line++, "java.util.Collections", "sort");
        List<String> other = new ArrayList<>(List.of("b"));
        Containers.argument(other, true, sort, thread("c"), 0);
        Containers.argument(other, true, sort, thread("d"), 0);
        assertEquals(List.of("Collections.sort vs Collections.sort"), operationsOf(other));
        Containers.argument(Collections.synchronizedList(other), false, copy, thread("e"), 0);
        Containers.argument("not a container", false, copy, thread("e"), 0);
        assertEquals(1, racesOn(other).size(), "a synchronized wrapper is read through its own methods");
    }

    @Test
    void container_states_and_the_threads_cache_should_not_keep_a_container_alive() throws Exception {
        ThreadState t = thread("caching");
        Object[] kept = {new HashMap<String, String>(Map.of("a", "1"))};
        @SuppressWarnings("unchecked")
        Map<String, String> map = (Map<String, String>) kept[0];
        Map.Entry<String, String> entry = map.entrySet().iterator().next();
        java.util.Iterator<Map.Entry<String, String>> it = map.entrySet().iterator();
        Containers.next(it, Containers.operation("next", NEXT), site("next"), t, 0);
        Containers.entryReturned(it.next(), t);
        call(t, map, "put", PUT);
        assertTrue(t.lastContainer != null && t.lastEntry != null, "both caches are filled");
        java.lang.ref.WeakReference<Object> ref = new java.lang.ref.WeakReference<>(map);
        map = null;
        it = null;
        kept[0] = null;
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(ref.get(), "the map is collected while its entry, state and the thread's caches live on");
        assertEquals("1", entry.getValue());
    }
}
