package dev.racecheck.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

import dev.racecheck.agent.runtime.RuntimeProbe;
import dev.racecheck.agent.runtime.jdk.Containers;
import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.subjects.ContainerUse;

/**
 * Container call sites: which calls get the event, and the bytecode around them, checked by ASM's analyzer on the
 * rewritten method nodes and by running the instrumented subject {@link ContainerUse} next to the original.
 */
@Timeout(60)
class ContainerCallsTest {
    private static final String SUBJECTS = "dev.racecheck.subjects.";

    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    // ---- which calls ------------------------------------------------------------------------------------------

    /** An application subclass of a modelled class. */
    static class MyMap extends HashMap<String, String> {
        private static final long serialVersionUID = 1L;
    }

    /** An application interface that is a Map. */
    interface Named extends Map<String, String> {
    }

    /** An application class that has nothing to do with containers. */
    static class Plain {
    }

    private static final String MAP = "java/util/Map";
    private static final String PUT = "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";

    private static int op(int opcode, String owner, String name, String descriptor) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        ContainerCalls calls = new ContainerCalls(m, "test.C", "C.java", ContainerCallsTest.class.getClassLoader(),
                new ClassHierarchy(), 0, 1, 3);
        return calls.operation(new MethodInsnNode(opcode, owner, name, descriptor, opcode == Opcodes.INVOKEINTERFACE));
    }

    private static String internal(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    @Test
    void calls_whose_receiver_may_be_a_container_should_get_the_event() {
        int put = op(Opcodes.INVOKEINTERFACE, MAP, "put", PUT);
        assertNotEquals(Containers.NONE, put);
        assertEquals(1, put & 1, "put writes");
        assertEquals(0, op(Opcodes.INVOKEINTERFACE, MAP, "get", "(Ljava/lang/Object;)Ljava/lang/Object;") & 1);
        for (String[] call : List.of(
                new String[] {"java/util/HashMap", "put", PUT},
                new String[] {"java/util/AbstractMap", "size", "()I"},
                new String[] {"java/lang/StringBuilder", "append", "(J)Ljava/lang/StringBuilder;"},
                new String[] {"java/text/DateFormat", "format", "(Ljava/util/Date;)Ljava/lang/String;"},
                new String[] {"java/lang/Object", "toString", "()Ljava/lang/String;"},
                new String[] {"java/lang/Object", "equals", "(Ljava/lang/Object;)Z"},
                new String[] {internal(MyMap.class), "put", PUT})) {
            assertNotEquals(Containers.NONE, op(Opcodes.INVOKEVIRTUAL, call[0], call[1], call[2]), String.join(".", call));
        }
        for (String[] call : List.of(
                new String[] {"java/lang/CharSequence", "length", "()I"},
                new String[] {"java/util/Deque", "offerFirst", "(Ljava/lang/Object;)Z"},
                new String[] {"java/lang/Iterable", "iterator", "()Ljava/util/Iterator;"},
                new String[] {internal(Named.class), "get", "(Ljava/lang/Object;)Ljava/lang/Object;"})) {
            assertNotEquals(Containers.NONE, op(Opcodes.INVOKEINTERFACE, call[0], call[1], call[2]), String.join(".", call));
        }
        int superPut = op(Opcodes.INVOKESPECIAL, "java/util/HashMap", "put", PUT);
        assertEquals(Containers.SUPER, superPut & Containers.SUPER, "a super call runs HashMap's put whatever overrides it");
    }

    @Test
    void calls_that_cannot_reach_a_container_should_be_left_alone() {
        for (String[] call : List.of(
                new String[] {"java/util/concurrent/ConcurrentHashMap", "put", PUT},
                new String[] {"java/util/Hashtable", "put", PUT},
                new String[] {"java/lang/String", "length", "()I"},
                new String[] {"java/lang/StringBuffer", "append", "(J)Ljava/lang/StringBuffer;"},
                new String[] {"java/lang/Object", "getClass", "()Ljava/lang/Class;"},
                new String[] {"java/lang/Object", "wait", "()V"},
                new String[] {"java/lang/Object", "notifyAll", "()V"},
                new String[] {"java/util/HashMap", "getClass", "()Ljava/lang/Class;"},
                new String[] {internal(Plain.class), "toString", "()Ljava/lang/String;"},
                new String[] {"[Ljava/lang/Object;", "clone", "()Ljava/lang/Object;"})) {
            assertEquals(Containers.NONE, op(Opcodes.INVOKEVIRTUAL, call[0], call[1], call[2]), String.join(".", call));
        }
        assertEquals(Containers.NONE, op(Opcodes.INVOKEINTERFACE, "java/util/function/Function", "apply",
                "(Ljava/lang/Object;)Ljava/lang/Object;"));
        assertEquals(Containers.NONE, op(Opcodes.INVOKESTATIC, "java/util/Collections", "sort", "(Ljava/util/List;)V"));
        assertEquals(Containers.NONE, op(Opcodes.INVOKESPECIAL, "java/util/HashMap", "<init>", "()V"));
        assertEquals(Containers.NONE, op(Opcodes.INVOKESPECIAL, "java/lang/Object", "toString",
                "()Ljava/lang/String;"), "super.toString() of a class of the program's own");
    }

    // ---- the bytecode -------------------------------------------------------------------------------------------

    private static ClassNode subjectNode() throws IOException {
        try (InputStream in = ContainerUse.class.getResourceAsStream("ContainerUse.class")) {
            ClassNode cn = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(cn, ClassReader.EXPAND_FRAMES);
            return cn;
        }
    }

    private static int hooks(MethodNode m) {
        return hooks(m, "containerCall");
    }

    private static int hooks(MethodNode m, String hook) {
        int n = 0;
        for (AbstractInsnNode i : m.instructions) {
            if (i instanceof MethodInsnNode mi && mi.name.equals(hook)) n++;
        }
        return n;
    }

    @Test
    void rewritten_methods_should_pass_the_analyzer_with_their_spill_locals_counted() throws Exception {
        ClassNode cn = subjectNode();
        Map<String, Integer> localsBefore = new HashMap<>();
        for (MethodNode m : cn.methods) localsBefore.put(m.name + m.desc, m.maxLocals);
        ClassHierarchy hierarchy = new ClassHierarchy();
        List<String> problems = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            new MethodInstrumenter(cn.name, cn.sourceFile, m, ContainerUse.class.getClassLoader(), hierarchy,
                    cn.version).instrument();
            m.maxStack += 16; // the class writer computes the stack size (COMPUTE_MAXS); locals are checked here
            try {
                // Sizes each frame by maxLocals: a spill local past it is "an inexistent local variable".
                new Analyzer<BasicValue>(new SimpleVerifier()).analyze(cn.name, m);
            } catch (AnalyzerException e) {
                problems.add(m.name + m.desc + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);

        MethodNode wide = method(cn, "wide");
        // (long, StringBuilder, double, int) and cs: 7 slots, then ts, base, mon; the widest spill is
        // insert(int, char[], int, int) with 4 slots (append(long) takes 2, insert(int, long) 3).
        assertEquals(7, localsBefore.get(wide.name + wide.desc));
        assertEquals(7 + 3 + 4, wide.maxLocals);
        assertEquals(12, hooks(wide), "append x4, insert x3, setLength, length x2, subSequence, charAt");
        MethodNode sum = method(cn, "sum");
        assertTrue(sum.maxLocals >= localsBefore.get(sum.name + sum.desc) + 3 + 2,
                "add(int, Object) spills past the monitor local");
        assertEquals(3, hooks(sum), "add, add, size");
        assertEquals(1, hooks(sum, "containerIndexed"), "get(int): an Arrays.asList list's element");
        MethodNode touch = method(cn, "touch");
        assertEquals(localsBefore.get(touch.name + touch.desc) + 3 + 2, touch.maxLocals,
                "put(k, v) spills two references; isEmpty and length spill nothing");
    }

    @Test
    void calls_on_containers_a_method_keeps_to_itself_should_get_no_event() throws Exception {
        ClassNode cn = subjectNode();
        ClassHierarchy hierarchy = new ClassHierarchy();
        for (MethodNode m : cn.methods) {
            new MethodInstrumenter(cn.name, cn.sourceFile, m, ContainerUse.class.getClassLoader(), hierarchy,
                    cn.version).instrument();
        }
        assertEquals(0, hooks(method(cn, "localBuilder")), "a builder turned into a string");
        assertEquals(0, hooks(method(cn, "chained")), "append returns the builder itself");
        assertEquals(0, hooks(method(cn, "localMap")), "a map used as a local table");
        assertEquals(1, hooks(method(cn, "returnedMap")), "returned: put counts");
        assertEquals(1, hooks(method(cn, "storedInField")), "stored in a field: add counts");
        assertEquals(1, hooks(method(cn, "capturedByLambda")), "captured by a lambda: add counts");
        assertEquals(1, hooks(method(cn, "storedInArray")), "stored in an array: append counts");
        assertEquals(2, hooks(method(cn, "passedOn")), "passed as an argument: add and size count");
        assertEquals(2, hooks(method(cn, "madeOrGiven")), "maybe the caller's: add and size count");
        MethodNode local = method(cn, "localIteration");
        assertEquals(0, hooks(local, "containerNext"), "a local map's iterator is its own: no event");
        assertEquals(1, hooks(local, "containerCall"), "getValue of what it handed out may be anything's: an event");
        MethodNode escaping = method(cn, "escapingEntry");
        assertEquals(1, hooks(escaping, "containerNext"), "the entry escapes, and the map with it");
        assertEquals(1, hooks(escaping, "entryReturned"));
        assertEquals(3, hooks(escaping, "containerCall"), "put, entrySet, iterator");
    }

    @Test
    void iterators_entries_and_containers_passed_to_the_jdk_should_get_their_events() throws Exception {
        ClassNode cn = subjectNode();
        ClassHierarchy hierarchy = new ClassHierarchy();
        MethodNode views = method(cn, "views");
        new MethodInstrumenter(cn.name, cn.sourceFile, views, ContainerUse.class.getClassLoader(), hierarchy,
                cn.version).instrument();
        assertTrue(hooks(views, "containerNext") >= 2, "for-each's and it.next()");
        assertEquals(hooks(views, "containerNext"), hooks(views, "entryReturned"));
        // sort (write), addAll, equals, join, valueOf, concatenation (2), format's varargs, max, the wrappers' factory
        // not: unmodifiable* is no read.
        assertTrue(hooks(views, "containerArgument") >= 8, () -> "containerArgument: " + hooks(views, "containerArgument"));
        assertEquals(1, hooks(views, "containerArguments"), "String.format's Object...");
        assertEquals(3, hooks(views, "reflectedElement"), "Array.setInt, set, getLong");
        assertEquals(2, hooks(views, "invoking"), "two method handle invocations");
        assertEquals(2, hooks(views, "invoked"));
        for (AbstractInsnNode i : views.instructions) {
            if (i instanceof MethodInsnNode mi && mi.name.equals("hasNext")) {
                AbstractInsnNode before = mi.getPrevious();
                assertFalse(before instanceof MethodInsnNode h && h.name.startsWith("container"),
                        "hasNext() is no event: next() is");
            }
        }
    }

    @Test
    void which_jdk_methods_read_or_write_their_container_arguments() {
        assertEquals("[Use[arg=0, write=false, each=false]]", uses(Opcodes.INVOKESPECIAL, "java/util/ArrayList",
                "<init>", "(Ljava/util/Collection;)V"));
        assertEquals("[Use[arg=0, write=true, each=false]]", uses(Opcodes.INVOKESTATIC, "java/util/Collections", "sort",
                "(Ljava/util/List;)V"));
        assertEquals("[Use[arg=0, write=true, each=false], Use[arg=1, write=false, each=false]]",
                uses(Opcodes.INVOKESTATIC, "java/util/Collections", "copy", "(Ljava/util/List;Ljava/util/List;)V"));
        assertEquals("[Use[arg=0, write=false, each=false], Use[arg=1, write=false, each=false]]",
                uses(Opcodes.INVOKESTATIC, "java/lang/String", "join",
                        "(Ljava/lang/CharSequence;Ljava/lang/Iterable;)Ljava/lang/String;"),
                "the delimiter may be a builder too");
        assertEquals("[Use[arg=0, write=false, each=false]]", uses(Opcodes.INVOKEVIRTUAL, "java/io/PrintStream",
                "println", "(Ljava/lang/Object;)V"));
        assertEquals("[Use[arg=0, write=false, each=false]]", uses(Opcodes.INVOKEINTERFACE, "java/util/List",
                "equals", "(Ljava/lang/Object;)Z"));
        assertEquals("[Use[arg=1, write=false, each=true]]", uses(Opcodes.INVOKESTATIC, "java/lang/String", "format",
                "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;"));
        for (String[] none : List.of(
                new String[] {"java/util/Collections", "unmodifiableList", "(Ljava/util/List;)Ljava/util/List;"},
                new String[] {"java/util/Collections", "synchronizedMap", "(Ljava/util/Map;)Ljava/util/Map;"},
                new String[] {"java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;"},
                new String[] {"dev/racecheck/subjects/ContainerUse", "touch",
                        "(Ljava/util/Map;Ljava/util/List;Ljava/lang/StringBuilder;)V"})) {
            assertEquals("[]", uses(Opcodes.INVOKESTATIC, none[0], none[1], none[2]), String.join(".", none));
        }
        assertEquals("[]", uses(Opcodes.INVOKEINTERFACE, "java/util/Map", "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"), "a map keeps what it is given");
        assertEquals("[]", uses(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "equals", "(Ljava/lang/Object;)Z"),
                "a builder's equals is identity");
    }

    private static String uses(int opcode, String owner, String name, String desc) {
        return ContainerArguments.selected(new MethodInsnNode(opcode, owner, name, desc,
                opcode == Opcodes.INVOKEINTERFACE), false).toString();
    }

    private static MethodNode method(ClassNode cn, String name) {
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    // ---- running it ---------------------------------------------------------------------------------------------

    private static Class<?> instrumented(SubjectLoader loader) throws Exception {
        Class<?> c = Class.forName(ContainerUse.class.getName(), true, loader);
        assertEquals(Boolean.TRUE, loader.defined.get(ContainerUse.class.getName()));
        return c;
    }

    private static Object invoke(Class<?> c, String name, Object... args) throws Exception {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception x) throw x;
                    throw (Error) e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void container_calls_of_every_shape_should_compute_the_same_and_verify() throws Exception {
        String expected = ContainerUse.run();
        SubjectLoader loader = new SubjectLoader(SUBJECTS);
        Class<?> c = instrumented(loader);
        int depth = RuntimeProbe.depth();
        assertEquals(expected, invoke(c, "run"));
        assertEquals(depth, RuntimeProbe.depth(), "the shadow stack is left as it was found");
        assertEquals("", loader.verifyAll(), "ASM's verifier");
    }

    @Test
    void calls_should_read_and_write_the_containers_state() throws Exception {
        Class<?> c = instrumented(new SubjectLoader(SUBJECTS));
        Map<String, Integer> map = new HashMap<>();
        List<String> list = new ArrayList<>();
        StringBuilder sb = new StringBuilder("abc");
        invoke(c, "touch", map, list, sb);
        assertTrue(RuntimeProbe.containerWrittenHere(map), "put writes");
        assertTrue(RuntimeProbe.containerReadHere(list), "isEmpty reads");
        assertFalse(RuntimeProbe.containerWrittenHere(list));
        assertTrue(RuntimeProbe.containerReadHere(sb), "CharSequence.length on a StringBuilder reads");
    }

    @Test
    void an_unsynchronized_put_and_get_from_two_threads_should_be_reported_with_the_programs_frames() throws Exception {
        Class<?> c = instrumented(new SubjectLoader(SUBJECTS));
        Map<String, Integer> map = new HashMap<>();
        invoke(c, "racy", map);
        List<Race> races = RuntimeProbe.racesOnContainer(map);
        assertEquals(1, races.size(), races::toString);
        Race r = races.get(0);
        for (var a : List.of(r.current(), r.previous())) {
            String op = r.operation(a);
            assertTrue(op.equals("HashMap.put") || op.equals("HashMap.get"), op);
            Frame racy = r.racyFrame(a);
            assertEquals(ContainerUse.class.getName(), racy.className());
            assertEquals(op.equals("HashMap.put") ? "writer" : "reader", racy.methodName(), a.stack().toString());
            assertEquals("ContainerUse.java", racy.fileName());
            assertTrue(racy.line() > 0);
        }
        assertNotEquals(r.operation(r.current()), r.operation(r.previous()));
    }

    @Test
    void the_same_under_a_lock_should_not_be_reported() throws Exception {
        Class<?> c = instrumented(new SubjectLoader(SUBJECTS));
        Map<String, Integer> map = new HashMap<>();
        invoke(c, "locked", map);
        assertEquals(List.of(), RuntimeProbe.racesOnContainer(map));
        assertEquals(1, map.get("w"));
    }
}
