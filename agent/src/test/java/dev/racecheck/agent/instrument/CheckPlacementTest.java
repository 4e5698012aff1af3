package dev.racecheck.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import dev.racecheck.agent.runtime.RuntimeProbe;
import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.subjects.CheckPlacements;

/**
 * Static check placement ({@link CheckPlacement}) on the small methods of {@link CheckPlacements}: per method, how many
 * access checks stay where they are, how many are left out as covered by an earlier one, and how many are made once
 * before their loop; then the loop checks at run time, which must record exactly the elements the loop touches.
 */
class CheckPlacementTest {
    private static final String SUBJECTS = "dev.racecheck.subjects.";

    /** Checks made in place, left out, made before the loop. */
    record Counts(int made, int elided, int ranged) {
    }

    private static Map<String, Counts> optimized;
    private static Map<String, Counts> plain;

    @BeforeAll
    static void instrumentSubject() throws IOException {
        QuietReports.toFile();
        optimized = counts(CheckPlacements.class, true);
        plain = counts(CheckPlacements.class, false);
    }

    /** Each method of the class (by name, or name and descriptor for constructors) and what became of its checks. */
    static Map<String, Counts> counts(Class<?> subject, boolean optimize) throws IOException {
        byte[] bytes;
        try (InputStream in = subject.getClassLoader().getResourceAsStream(subject.getName().replace('.', '/') + ".class")) {
            bytes = in.readAllBytes();
        }
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, ClassReader.EXPAND_FRAMES);
        ClassLoader loader = subject.getClassLoader();
        ClassHierarchy hierarchy = new ClassHierarchy();
        hierarchy.add(bytes, loader);
        SyncFreeCalls calls = optimize ? SyncFreeCalls.of(cn, hierarchy, loader) : SyncFreeCalls.JDK_ONLY;
        Map<String, Counts> out = new LinkedHashMap<>();
        for (MethodNode m : cn.methods) {
            MethodInstrumenter mi = new MethodInstrumenter(cn.name, cn.sourceFile, m, loader, hierarchy, cn.version,
                    calls, optimize);
            mi.instrument();
            String name = m.name.equals("<init>") ? m.name + m.desc
                    : m.name.startsWith("lambda$") ? m.name.substring(0, m.name.lastIndexOf('$')) : m.name;
            out.put(name, new Counts(mi.checksMade(), mi.checksElided(), mi.checksRanged()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1} made, {2} left out, {3} before the loop")
    @CsvSource({
            // redundant checks
            "readTwice, 1, 1, 0",
            "writeTwice, 1, 1, 0",
            "writeThenRead, 2, 0, 0",
            "readThenWrite, 2, 0, 0",
            "twoFields, 2, 0, 0",
            "twoObjects, 2, 0, 0",
            "sameObjectThroughLocals, 1, 1, 0",
            "reassigned, 2, 0, 0",
            "callBetween, 2, 0, 0",
            "syncFreeCallBetween, 1, 1, 0",
            "overridableCallBetween, 2, 0, 0",
            "pureJdkCallBetween, 1, 1, 0",
            "volatileBetween, 2, 0, 0",
            "volatileWriteBetween, 2, 0, 0",
            "synchronizedBetween, 3, 0, 0",
            "insideSynchronized, 1, 1, 0",
            "oneBranch, 2, 0, 0",
            "bothBranches, 2, 1, 0",
            "loopWithoutCall, 1, 1, 0",
            "loopWithCall, 2, 0, 0",
            "elementTwice, 1, 1, 0",
            "elementsApart, 2, 0, 0",
            "elementSameIndexExpression, 1, 1, 0",
            "elementIndexReassigned, 2, 0, 0",
            "fieldArrayTwice, 3, 1, 0",
            "catchCovers, 2, 0, 0",
            "throwingAccessThenHandler, 2, 0, 0",
            "linkedWalk, 2, 0, 0",
            "staticTwice, 1, 1, 0",
            "staticAfterOtherClass, 3, 0, 0",
            "otherClassTwice, 1, 1, 0",
            "lambdaMade, 2, 0, 0",
            "lambda$lambdaBody, 1, 1, 0",
            "<init>()V, 2, 1, 0",
            "<init>(I)V, 2, 1, 0",
            // array loops
            "fill, 0, 0, 1",
            "axpy, 0, 0, 3",
            "stencil, 3, 0, 0",
            "stencilLocalBound, 0, 0, 4",
            "overLength, 0, 0, 2",
            "inclusive, 0, 0, 1",
            "conditional, 1, 0, 0",
            "mixedConditional, 1, 0, 1",
            "withCall, 1, 0, 0",
            "withPureCall, 0, 0, 1",
            "withBreak, 1, 0, 0",
            "indirect, 2, 0, 0",
            "arrayReassigned, 1, 0, 0",
            "downward, 1, 0, 0",
            "division, 1, 0, 0",
            "objectArray, 1, 0, 0",
            "nested, 1, 0, 1",
            "fieldInLoop, 3, 0, 0"})
    void checks_are_placed_as_the_method_allows(String method, int made, int elided, int ranged) {
        Counts c = optimized.get(method);
        assertTrue(c != null, "no method " + method + " in " + optimized.keySet());
        assertEquals(new Counts(made, elided, ranged), c, method);
        // optimize=0 makes every one of them in place
        assertEquals(new Counts(made + elided + ranged, 0, 0), plain.get(method), method + " with optimize=0");
    }

    @Test
    void every_method_of_the_subject_is_named_in_the_table() throws Exception {
        Method table = getClass().getDeclaredMethod("checks_are_placed_as_the_method_allows", String.class, int.class,
                int.class, int.class);
        String rows = String.join("\n", table.getAnnotation(CsvSource.class).value());
        for (Map.Entry<String, Counts> e : optimized.entrySet()) {
            Counts c = e.getValue();
            if (c.made() + c.elided() + c.ranged() == 0) continue; // no access
            assertTrue(rows.contains(e.getKey() + ","), e.getKey() + " has checks but no row: " + c);
        }
    }

    // ---- the loop checks at run time ---------------------------------------------------------------------------

    private static Class<?> instrumented() throws Exception {
        SubjectLoader loader = new SubjectLoader(SUBJECTS);
        Class<?> c = Class.forName(CheckPlacements.class.getName(), true, loader);
        assertEquals("", loader.verifyAll(), "ASM's verifier");
        return c;
    }

    private static Object call(Class<?> c, String name, Object... args) throws Throwable {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static void assertWritten(int[] expected, Object array, int length) {
        for (int i = 0; i < length; i++) {
            final int index = i;
            boolean want = java.util.Arrays.stream(expected).anyMatch(x -> x == index);
            assertEquals(want, RuntimeProbe.elementWrittenHere(array, i), () -> "element " + index + " written");
        }
    }

    @Test
    void a_loop_records_exactly_the_elements_its_iterations_write() throws Throwable {
        Class<?> c = instrumented();
        int[] a = new int[10];
        call(c, "fill", a, 5);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 0, 0, 0, 0, 0}, a);
        assertWritten(new int[] {0, 1, 2, 3, 4}, a, 10);

        int[] b = new int[6];
        call(c, "inclusive", b, 3);
        assertWritten(new int[] {0, 1, 2, 3}, b, 6);

        int[] none = new int[4];
        call(c, "fill", none, 0); // the loop never runs
        call(c, "fill", none, -3);
        assertWritten(new int[0], none, 4);
    }

    @Test
    void a_strided_loop_records_every_other_element_and_its_neighbours_reads() throws Throwable {
        Class<?> c = instrumented();
        double[] in = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] out = new double[8];
        call(c, "stencilLocalBound", out, in);
        assertWritten(new int[] {1, 3, 5}, out, 8);
        for (int i = 0; i < 7; i++) assertTrue(RuntimeProbe.elementReadHere(in, i), "in[" + i + "] read");
        assertFalse(RuntimeProbe.elementReadHere(in, 7), "in[7] is not read");
        assertEquals(1 + 2 + 3, out[1]);
    }

    @Test
    void a_loop_that_stops_at_an_index_out_of_bounds_records_only_the_iterations_it_completed() throws Throwable {
        Class<?> c = instrumented();
        double[] y = new double[10];
        double[] x = {1, 1, 1, 1};
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> call(c, "axpy", y, x, 2.0, 0, 10));
        assertArrayEquals(new double[] {2, 2, 2, 2, 0, 0, 0, 0, 0, 0}, y);
        assertWritten(new int[] {0, 1, 2, 3}, y, 10);
        for (int i = 0; i < 4; i++) assertTrue(RuntimeProbe.elementReadHere(x, i), "x[" + i + "] read");
        // y[4] was read in the iteration that threw, before x[4] failed: not recorded (an access the loop did make is
        // left out, never one it did not make)
        assertFalse(RuntimeProbe.elementReadHere(y, 4), "y[4]: the iteration that threw is not recorded");
    }

    @Test
    void a_loop_over_a_null_array_records_nothing_and_throws_as_before() throws Throwable {
        Class<?> c = instrumented();
        assertThrows(NullPointerException.class, () -> call(c, "fill", null, 3));
        assertThrows(NullPointerException.class, () -> call(c, "overLength", (Object) null));
        double[] y = new double[3];
        assertThrows(NullPointerException.class, () -> call(c, "axpy", y, null, 1.0, 0, 3));
        assertWritten(new int[0], y, 3);
    }

    @Test
    void a_loop_starting_below_zero_records_nothing() throws Throwable {
        Class<?> c = instrumented();
        double[] y = new double[3];
        double[] x = new double[3];
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> call(c, "axpy", y, x, 1.0, -2, 3));
        assertWritten(new int[0], y, 3);
    }

    @Test
    void instrumented_subjects_compute_what_the_originals_compute() throws Throwable {
        Class<?> c = instrumented();
        int[][] grid = {{1, 2}, {3, 4}};
        assertEquals(call(CheckPlacements.class, "nested", grid, 2), call(c, "nested", grid, 2));
        double[] a = {-1.5, 2.5, -3};
        assertEquals(call(CheckPlacements.class, "withPureCall", a, 3), call(c, "withPureCall", a, 3));
        int[] m1 = new int[6];
        int[] m2 = new int[6];
        int[] e1 = new int[6];
        int[] e2 = new int[6];
        call(CheckPlacements.class, "mixedConditional", e1, e2, 6);
        call(c, "mixedConditional", m1, m2, 6);
        assertArrayEquals(e1, m1);
        assertArrayEquals(e2, m2);
        assertWritten(new int[] {0, 1, 2, 3, 4, 5}, m2, 6);
        int[] over = {1, 2, 3};
        call(c, "overLength", over);
        assertArrayEquals(new int[] {2, 3, 4}, over);
        assertEquals(call(CheckPlacements.class, "staticTwice"), call(c, "staticTwice"));
        assertEquals(call(CheckPlacements.class, "otherClassTwice"), call(c, "otherClassTwice"));
    }
}
