package dev.racecheck.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import dev.racecheck.agent.runtime.RuntimeProbe;
import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Race;
import dev.racecheck.subjects.ArrayStores;
import dev.racecheck.subjects.Clones;
import dev.racecheck.subjects.Constructors;
import dev.racecheck.subjects.ControlFlow;
import dev.racecheck.subjects.Counters;
import dev.racecheck.subjects.Defaults;
import dev.racecheck.subjects.Enums;
import dev.racecheck.subjects.FinalReferents;
import dev.racecheck.subjects.Lambdas;
import dev.racecheck.subjects.Records;
import dev.racecheck.subjects.StaticInit;
import dev.racecheck.subjects.SuperThrows;
import dev.racecheck.subjects.Synchronization;
import dev.racecheck.subjects.VarHandleAccesses;
import dev.racecheck.subjects.WideValues;

/**
 * One test per instrumentation feature: a small subject class (in {@code dev.racecheck.subjects}, read from this
 * test's class path) is instrumented, defined in a child loader and run in-process, where its events reach the real
 * runtime (no agent is needed for that: {@code RaceEvents} works once its class is initialized; only the JDK hooks,
 * e.g. on {@code Thread.start}, are missing). It must compute what the uninstrumented class computes, leave the
 * shadow stack as it found it, and pass ASM's verifier; the JVM's verifier checks it when it is defined and run.
 */
@Timeout(60)
class InstrumentationFeaturesTest {
    private static final String SUBJECTS = "dev.racecheck.subjects.";

    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    /** The subject's instrumented copy, with the loader that made it. */
    private record Instrumented(SubjectLoader loader, Class<?> type) {
        Object call(String method, Object... args) throws Exception {
            return invoke(type, method, args);
        }
    }

    private static Instrumented instrument(Class<?> subject) throws Exception {
        SubjectLoader loader = new SubjectLoader(SUBJECTS);
        Class<?> c = Class.forName(subject.getName(), true, loader);
        assertSame(loader, c.getClassLoader());
        assertEquals(Boolean.TRUE, loader.defined.get(subject.getName()), "the subject was instrumented");
        return new Instrumented(loader, c);
    }

    private static Object invoke(Class<?> c, String method, Object... args) throws Exception {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception x) throw x;
                    throw (Error) e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(c.getName() + "." + method);
    }

    /** Runs {@code method} uninstrumented and instrumented; same result, balanced shadow stack, verifiable classes. */
    private static Instrumented assertSameResult(Class<?> subject, String method, Object... args) throws Exception {
        Object expected = invoke(subject, method, args);
        Instrumented inst = instrument(subject);
        int depth = RuntimeProbe.depth();
        Object actual = inst.call(method, args);
        assertEquals(expected, actual, subject.getSimpleName() + "." + method);
        assertEquals(depth, RuntimeProbe.depth(), "the instrumented code leaves the shadow stack as it found it");
        assertEquals("", inst.loader().verifyAll(), "ASM's verifier");
        return inst;
    }

    // ---- features ---------------------------------------------------------------------------------------------

    @Test
    void long_and_double_fields_should_survive_the_stack_juggling_around_putfield_and_getfield() throws Exception {
        Instrumented inst = assertSameResult(WideValues.class, "run");
        assertTrue(RuntimeProbe.staticWrittenHere(inst.type(), "sl", "J"), "a plain static long write is an event");
        assertTrue(RuntimeProbe.staticWrittenHere(inst.type(), "sd", "D"));
        assertFalse(RuntimeProbe.staticWrittenHere(inst.type(), "svl", "J"), "a volatile write is a release, not an access");
    }

    @Test
    void long_and_double_field_writes_should_be_seen_on_their_object() throws Exception {
        Instrumented inst = instrument(WideValues.class);
        Object w = inst.type().getConstructor(long.class).newInstance(9L); // the constructor writes l after super()
        assertEquals(18L, inst.type().getField("l").get(w));
        assertTrue(RuntimeProbe.fieldWrittenHere(w, "l", "J"));
        assertFalse(RuntimeProbe.fieldWrittenHere(w, "fl", "J"), "final fields are not tracked");
        assertFalse(RuntimeProbe.fieldWrittenHere(w, "d", "D"), "not written yet");
    }

    @Test
    void array_loads_and_stores_of_every_element_type_should_compute_the_same() throws Exception {
        Instrumented inst = assertSameResult(ArrayStores.class, "run");
        int[] ints = (int[]) inst.type().getField("ints").get(null);
        for (int i = 0; i < ints.length; i++) assertTrue(RuntimeProbe.elementWrittenHere(ints, i), "element " + i);
        assertTrue(RuntimeProbe.elementReadHere(ints, 1), "compound assignment reads the element");
    }

    @Test
    void constructors_that_write_fields_before_super_should_run_unchanged() throws Exception {
        Instrumented inst = assertSameResult(Constructors.class, "run");
        assertEquals(Boolean.TRUE, inst.loader().defined.get(SUBJECTS + "Constructors$Inner"));
        assertEquals(Boolean.TRUE, inst.loader().defined.get(SUBJECTS + "Constructors$Derived"));
    }

    @Test
    void synchronized_methods_and_blocks_that_throw_should_release_and_unwind() throws Exception {
        assertSameResult(Synchronization.class, "run");
    }

    /**
     * HotSpot compiles a method only if no instruction that may throw while a monitor is held escapes the handlers
     * that release it; otherwise it stays interpreted ("non-empty monitor stack at exceptional exit").
     */
    @Test
    void the_hook_after_a_monitorenter_should_be_inside_the_handler_that_releases_the_monitor() throws Exception {
        Instrumented inst = instrument(Synchronization.class);
        org.objectweb.asm.tree.ClassNode c = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(inst.loader().instrumented.get(SUBJECTS + "Synchronization")).accept(c, 0);
        int blocks = 0;
        for (org.objectweb.asm.tree.MethodNode m : c.methods) {
            org.objectweb.asm.tree.InsnList insns = m.instructions;
            for (org.objectweb.asm.tree.AbstractInsnNode n : insns) {
                if (n.getOpcode() != Opcodes.MONITORENTER) continue;
                blocks++;
                org.objectweb.asm.tree.AbstractInsnNode call = n.getNext();
                while (call.getOpcode() != Opcodes.INVOKESTATIC) call = call.getNext();
                int at = insns.indexOf(call);
                // The first handler of the table that covers the call (the one the JVM picks) must exit a monitor.
                org.objectweb.asm.tree.TryCatchBlockNode first = null;
                for (org.objectweb.asm.tree.TryCatchBlockNode t : m.tryCatchBlocks) {
                    if (first == null && insns.indexOf(t.start) < at && at < insns.indexOf(t.end)) first = t;
                }
                assertTrue(first != null && first.type == null, m.name + ": the hook is covered by a catch-all");
                org.objectweb.asm.tree.AbstractInsnNode h = first.handler;
                while (h.getOpcode() != Opcodes.MONITOREXIT && h.getOpcode() != Opcodes.ATHROW) h = h.getNext();
                assertEquals(Opcodes.MONITOREXIT, h.getOpcode(), m.name + ": its handler gives the monitor back");
            }
        }
        assertEquals(4, blocks, "monitorenters in Synchronization");
    }

    @Test
    void static_initializers_should_run_once_including_a_failing_one() throws Exception {
        Instrumented inst = assertSameResult(StaticInit.class, "run");
        assertEquals(Boolean.TRUE, inst.loader().defined.get(SUBJECTS + "StaticInit$Broken"));
        assertEquals(Boolean.TRUE, inst.loader().defined.get(SUBJECTS + "StaticInit$WithInitializer"));
    }

    @Test
    void lambdas_and_method_references_should_compute_the_same() throws Exception {
        assertSameResult(Lambdas.class, "run");
    }

    @Test
    void interfaces_with_default_static_and_private_methods_should_compute_the_same() throws Exception {
        Instrumented inst = assertSameResult(Defaults.class, "run");
        assertEquals(Boolean.TRUE, inst.loader().defined.get(SUBJECTS + "Defaults$Shape"));
    }

    @Test
    void records_should_compute_the_same() throws Exception {
        Instrumented inst = assertSameResult(Records.class, "run");
        assertTrue(inst.loader().defined.containsKey(SUBJECTS + "Records$Point"));
        assertTrue(Class.forName(SUBJECTS + "Records$Point", false, inst.loader()).isRecord());
    }

    @Test
    void enums_should_compute_the_same() throws Exception {
        Instrumented inst = assertSameResult(Enums.class, "run");
        assertTrue(Class.forName(SUBJECTS + "Enums$Planet", false, inst.loader()).isEnum());
    }

    @Test
    void control_flow_with_frames_at_offset_zero_finally_and_switches_should_compute_the_same() throws Exception {
        assertSameResult(ControlFlow.class, "run");
    }

    @Test
    void varhandle_calls_in_every_mode_and_coordinate_shape_should_compute_the_same() throws Exception {
        assertSameResult(VarHandleAccesses.class, "run");
    }

    @Test
    void a_plain_varhandle_set_should_write_its_variable_and_an_opaque_one_should_not() throws Exception {
        Instrumented inst = instrument(VarHandleAccesses.class);
        Class<?> c = inst.type();
        Object a = c.getConstructor(int.class).newInstance(1);
        RuntimeProbe.registerVarHandle(c.getField("L").get(null), c, "l", long.class, false);
        RuntimeProbe.registerVarHandle(c.getField("SL").get(null), c, "sl", long.class, true);
        RuntimeProbe.registerVarHandle(c.getField("I").get(null), c, "i", int.class, false);
        RuntimeProbe.registerArrayVarHandle(c.getField("LONGS").get(null));
        long[] longs = new long[3];
        inst.call("plainSet", a, 6L, longs);
        inst.call("opaqueSet", a, 2);
        assertTrue(RuntimeProbe.fieldWrittenHere(a, "l", "J"), "set(a, v) writes a.l");
        assertTrue(RuntimeProbe.staticWrittenHere(c, "sl", "J"), "set(v) writes the static field");
        assertTrue(RuntimeProbe.elementWrittenHere(longs, 1), "set(array, 1, v) writes element 1");
        assertFalse(RuntimeProbe.elementWrittenHere(longs, 0));
        assertFalse(RuntimeProbe.fieldWrittenHere(a, "i", "I"), "setOpaque is atomic: no access event");
        assertEquals(6L, c.getField("l").get(a));
        assertEquals(2, c.getField("i").get(a));
    }

    @Test
    void a_constructor_that_sets_final_fields_should_forget_the_writes_to_what_they_reach() throws Exception {
        Instrumented inst = instrument(FinalReferents.class);
        Class<?> c = inst.type();
        for (Object o : new Object[] {c.getConstructor(int.class).newInstance(3), c.getConstructor().newInstance()}) {
            int[] cells = (int[]) c.getField("cells").get(o);
            Object part = c.getField("part").get(o);
            Object next = part.getClass().getField("next").get(part);
            assertEquals(3, cells[2]);
            assertFalse(RuntimeProbe.elementWrittenHere(cells, 2), "frozen: the element write is forgotten");
            assertFalse(RuntimeProbe.fieldWrittenHere(part, "value", "I"), "frozen: the referent's field");
            assertFalse(RuntimeProbe.fieldWrittenHere(next, "value", "I"), "frozen: what the referent reaches");
        }
    }

    @Test
    void a_clone_should_compute_as_before_and_not_keep_its_original_alive() throws Exception {
        Instrumented inst = assertSameResult(Clones.class, "run");
        // The copies' companion fields were copied from the originals: kept, they would keep the originals alive.
        @SuppressWarnings("unchecked")
        List<java.lang.ref.WeakReference<Object>> originals =
                (List<java.lang.ref.WeakReference<Object>>) inst.call("keepClonesOnly");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (originals.stream().anyMatch(r -> r.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(originals.stream().allMatch(r -> r.get() == null), "a kept clone keeps its original alive");
    }

    // ---- races, end to end, in-process --------------------------------------------------------------------------

    @Test
    void instrumented_unsynchronized_increments_from_two_threads_should_be_reported() throws Exception {
        Instrumented inst = instrument(Counters.class);
        inst.call("racy", 200);
        List<Race> races = RuntimeProbe.racesOn(SUBJECTS + "Counters", "racy");
        assertFalse(races.isEmpty(), "a race on Counters.racy");
        Race r = races.get(0);
        assertTrue(r.current().kind() == AccessKind.WRITE || r.previous().kind() == AccessKind.WRITE);
        assertTrue(r.current().stack().stream().anyMatch(f -> f.methodName().equals("incrementRacy")), r.current().stack().toString());
        assertTrue(r.previous().stack().stream().anyMatch(f -> f.methodName().equals("incrementRacy")), r.previous().stack().toString());
    }

    @Test
    void instrumented_locked_increments_from_two_threads_should_not_be_reported() throws Exception {
        Instrumented inst = instrument(Counters.class);
        // Few increments: each lock round trip between threads with many slots doubles the vector clocks (see
        // VectorClockTest.acquire_back_and_forth_should_not_grow_the_clocks_without_bound).
        Object c = inst.call("guarded", 5);
        assertEquals(10, inst.type().getField("guarded").get(c));
        assertEquals(List.of(), RuntimeProbe.racesOn(SUBJECTS + "Counters", "guarded"));
    }

    // ---- exceptions out of constructors -------------------------------------------------------------------------

    @Test
    void a_constructor_whose_superclass_constructor_throws_should_still_throw_the_same() throws Exception {
        assertSameResult(SuperThrows.class, "childOf", -1);
        assertSameResult(SuperThrows.class, "childOf", 3);
        assertSameResult(SuperThrows.class, "checked", 0);
        assertSameResult(SuperThrows.class, "checked", 2);
    }

    /**
     * A constructor's frame is pushed on entry, but its catch-all handler (which pops it on an exceptional exit)
     * covers only the code after super(...) returns: an exception thrown by the superclass constructor, or while
     * evaluating super's arguments, leaves the frame on the shadow stack. An instrumented caller that catches the
     * exception and goes on then runs one frame too deep, with a stale call site in its call paths, so the stacks of
     * its later accesses in reports show a call of the failed constructor that is no longer on the stack.
     */
    @Test
    void a_caught_exception_from_a_superclass_constructor_should_leave_the_callers_shadow_stack_depth() throws Exception {
        Instrumented inst = instrument(SuperThrows.class);
        IntSupplier depth = RuntimeProbe::depth;
        Object result = inst.call("depthAcrossFailedConstructor", depth, -1);
        String[] d = result.toString().split(" ");
        assertEquals(d[0], d[1], "depth in the caller before and after the failed constructor");
    }

    // ---- class file versions ------------------------------------------------------------------------------------

    /**
     * Class files older than 49 (Java 5) may not {@code ldc} a class constant; the instrumenter knows this for static
     * field accesses but also emits {@code ldc C.class} for a static initializer's {@code classInitialized} event and
     * for a static synchronized method's monitor. Generated here with ASM: a class of the given version with a static
     * initializer, a static synchronized method, a branch and calls, run after instrumentation.
     */
    @ParameterizedTest(name = "class file version {0}")
    @ValueSource(ints = {Opcodes.V1_5, Opcodes.V1_6, Opcodes.V1_7, Opcodes.V1_8, Opcodes.V11, Opcodes.V17})
    void generated_classes_of_older_versions_should_instrument_and_run(int version) throws Exception {
        assertEquals(43 + 1, runGenerated(version));
    }

    @ParameterizedTest(name = "class file version {0}")
    @ValueSource(ints = {Opcodes.V1_1, Opcodes.V1_2, Opcodes.V1_3, Opcodes.V1_4})
    void generated_classes_of_pre_java5_versions_should_instrument_and_run(int version) throws Exception {
        assertEquals(43 + 1, runGenerated(version));
    }

    /** Version 50 (Java 6) class files may omit stack map frames; the instrumenter then adds only its handler's. */
    @Test
    void a_java6_class_without_stack_map_frames_should_instrument_and_run() throws Exception {
        assertEquals(44, runGenerated(Opcodes.V1_6, false));
    }

    private static int runGenerated(int version) throws Exception {
        return runGenerated(version, (version & 0xFFFF) >= Opcodes.V1_6);
    }

    private static int runGenerated(int version, boolean frames) throws Exception {
        String name = SUBJECTS + "gen.Old" + version + (frames ? "" : "NoFrames");
        byte[] bytes = generate(name.replace('.', '/'), version, frames);
        SubjectLoader loader = new SubjectLoader(SUBJECTS, Map.of(name, bytes));
        Class<?> c = Class.forName(name, true, loader);
        assertEquals(Boolean.TRUE, loader.defined.get(name));
        int depth = RuntimeProbe.depth();
        int result = (Integer) invoke(c, "next");
        assertEquals(depth, RuntimeProbe.depth());
        // The same class uninstrumented computes the same.
        Class<?> original = new ClassLoader(InstrumentationFeaturesTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
        assertEquals(result, (Integer) invoke(original, "next"));
        return result;
    }

    /**
     * <pre>
     * class OldN {
     *     static int counter;
     *     static { counter = Integer.parseInt("42"); }
     *     static synchronized int next() { if (counter > 0) counter = Math.abs(counter) + 1; return ++counter; }
     * }
     * </pre>
     */
    private static byte[] generate(String internalName, int version, boolean frames) {
        ClassWriter cw = new ClassWriter(frames ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_STATIC, "counter", "I", null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitLdcInsn("42");
        clinit.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "parseInt", "(Ljava/lang/String;)I", false);
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, internalName, "counter", "I");
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
        MethodVisitor next = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED, "next",
                "()I", null, null);
        next.visitCode();
        Label skip = new Label();
        next.visitFieldInsn(Opcodes.GETSTATIC, internalName, "counter", "I");
        next.visitJumpInsn(Opcodes.IFLE, skip);
        next.visitFieldInsn(Opcodes.GETSTATIC, internalName, "counter", "I");
        next.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "abs", "(I)I", false);
        next.visitInsn(Opcodes.ICONST_1);
        next.visitInsn(Opcodes.IADD);
        next.visitFieldInsn(Opcodes.PUTSTATIC, internalName, "counter", "I");
        next.visitLabel(skip);
        next.visitFieldInsn(Opcodes.GETSTATIC, internalName, "counter", "I");
        next.visitInsn(Opcodes.ICONST_1);
        next.visitInsn(Opcodes.IADD);
        next.visitInsn(Opcodes.DUP);
        next.visitFieldInsn(Opcodes.PUTSTATIC, internalName, "counter", "I");
        next.visitInsn(Opcodes.IRETURN);
        next.visitMaxs(0, 0);
        next.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    // ---- the JVM's code size limit ------------------------------------------------------------------------------

    /**
     * A method that fits in 64 KiB but would not once instrumented (8000 static reads, each gaining an event call) is
     * left as it was; the class's other methods are still instrumented, and the class loads and runs.
     */
    @Test
    void a_method_that_would_outgrow_the_code_size_limit_should_be_left_uninstrumented() throws Exception {
        String name = SUBJECTS + "gen.Big";
        String internal = name.replace('.', '/');
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internal, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC, "f", "I", null, null).visitEnd();
        MethodVisitor big = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "big", "()I", null, null);
        big.visitCode();
        big.visitInsn(Opcodes.ICONST_0);
        for (int i = 0; i < 8000; i++) { // 7 bytes each: 56 KB of code
            // A call between the reads: without it, every read but the first would be left unchecked (the same
            // static, no synchronization between), and the method would fit.
            big.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "onSpinWait", "()V", false);
            big.visitFieldInsn(Opcodes.GETSTATIC, internal, "f", "I");
            big.visitInsn(Opcodes.IADD);
        }
        big.visitInsn(Opcodes.IRETURN);
        big.visitMaxs(0, 0);
        big.visitEnd();
        MethodVisitor small = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "small", "()I", null, null);
        small.visitCode();
        small.visitIntInsn(Opcodes.BIPUSH, -3);
        small.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "abs", "(I)I", false);
        small.visitFieldInsn(Opcodes.PUTSTATIC, internal, "f", "I");
        small.visitFieldInsn(Opcodes.GETSTATIC, internal, "f", "I");
        small.visitInsn(Opcodes.IRETURN);
        small.visitMaxs(0, 0);
        small.visitEnd();
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();

        SubjectLoader loader = new SubjectLoader(SUBJECTS, Map.of(name, bytes));
        Class<?> c = Class.forName(name, true, loader);
        assertEquals(Boolean.TRUE, loader.defined.get(name), "the class is still instrumented");
        org.objectweb.asm.tree.ClassNode out = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(loader.instrumented.get(name)).accept(out, 0);
        for (org.objectweb.asm.tree.MethodNode m : out.methods) {
            boolean callsRacecheck = false;
            for (org.objectweb.asm.tree.AbstractInsnNode n : m.instructions) {
                if (n instanceof org.objectweb.asm.tree.MethodInsnNode mi && mi.owner.equals(Hooks.OWNER)) callsRacecheck = true;
            }
            if (m.name.equals("big")) assertFalse(callsRacecheck, "big() is left as it was");
            if (m.name.equals("small")) assertTrue(callsRacecheck, "small() is instrumented");
        }
        assertEquals(3, invoke(c, "small"));
        assertEquals(3 * 8000, invoke(c, "big"));
        assertEquals("", loader.verifyAll());
    }
}
