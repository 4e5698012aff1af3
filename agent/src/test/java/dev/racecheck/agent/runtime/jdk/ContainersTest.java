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
            Containers.Model m = Containers.model(o.getClass());
            assertSame(o.getClass(), m.jdkClass, o.getClass().getName());
            assertFalse(m.subclass);
        }
        assertTrue(Containers.model(WeakHashMap.class).everyCallWrites, "WeakHashMap.get expunges stale entries");
        assertTrue(Containers.model(LinkedHashMap.class).linked);
        assertFalse(Containers.model(HashMap.class).linked);
        assertFalse(Containers.model(HashMap.class).everyCallWrites);
    }

    @Test
    void thread_safe_wrappers_and_immutable_collections_should_not_be_modelled() {
        for (Object o : List.of(new ConcurrentHashMap<>(), Collections.synchronizedMap(new HashMap<>()),
                Collections.synchronizedList(new ArrayList<>()), Collections.unmodifiableMap(new HashMap<>()),
                List.of(1), Map.of(), new Vector<>(), new Hashtable<>(), new StringBuffer(), "a string",
                new CopyOnWriteArrayList<>(), new Object())) {
            assertFalse(Containers.model(o.getClass()).modelled(), o.getClass().getName());
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
        Containers.Model m = Containers.model(Registry.class);
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
        assertFalse(Containers.model(OwnMap.class).modelled(), "a map of the program's own is not the JDK's");
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
        List<Frame> stack = ContainerClasses.withOperation(Arrays.asList(1), site("set"), List.of());
        assertEquals(new Frame("java.util.Arrays$ArrayList", "set", "Arrays.java", -1), stack.get(0));
    }
}
