package dev.racecheck.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

import dev.racecheck.agent.runtime.RuntimeProbe;
import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.subjects.LibraryWorkload;

/**
 * Instruments every class of several large real libraries (Guava, Jackson databind/core/annotations, Commons Lang)
 * and checks the result three ways:
 * <ol>
 *   <li>ASM's verifier ({@link CheckClassAdapter#verify}: an {@link Analyzer} with a {@link SimpleVerifier} over
 *       every method, resolving types through a loader over the jars). It checks types and stack heights of the
 *       rewritten code, but ignores the StackMapTable, so:</li>
 *   <li>the JVM's own verifier, which checks the stack map frames the instrumenter extended, on every class: each is
 *       defined in a fresh loader and linked (see {@link #link});</li>
 *   <li>class shape: the same fields, methods, signatures, supertypes and attributes as the original, but for the
 *       companion fields (private transient synthetic) that hold fields' race state and the bridges of method
 *       references to containers (private static synthetic, {@link ContainerMethodRefs}), and the same
 *       serialVersionUID for every serializable class.</li>
 * </ol>
 * Then it runs code of the instrumented libraries and compares the results with the originals'.
 */
@Timeout(180)
class InstrumentedJarsVerifyTest {
    /** One class of the libraries under test, original and instrumented (null: the instrumenter left it alone). */
    record JarClass(String jar, String entry, String name, byte[] original, byte[] instrumented) {
    }

    private static final List<Class<?>> LIBRARY_MARKERS = List.of(
            com.google.common.collect.ImmutableList.class,
            com.fasterxml.jackson.databind.ObjectMapper.class,
            com.fasterxml.jackson.core.JsonFactory.class,
            com.fasterxml.jackson.annotation.JsonProperty.class,
            org.apache.commons.lang3.StringUtils.class);

    private static List<Path> jars;
    private static URLClassLoader jarLoader;
    private static final List<JarClass> CLASSES = new ArrayList<>();
    /** Binary name to the entry the JVM would load on this Java version (multi-release jars). */
    private static final Map<String, JarClass> EFFECTIVE = new TreeMap<>();
    private static final Map<String, String> INSTRUMENT_FAILURES = new TreeMap<>();
    private static long instrumentMillis;

    @BeforeAll
    static void instrumentEveryClass() throws Exception {
        QuietReports.toFile();
        jars = new ArrayList<>();
        for (Class<?> c : LIBRARY_MARKERS) jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        List<URL> urls = new ArrayList<>();
        for (Path p : jars) urls.add(p.toUri().toURL());
        // Guava's supertypes from failureaccess must resolve too; it is on the class path, not under test.
        urls.add(Path.of(com.google.common.util.concurrent.internal.InternalFutureFailureAccess.class
                .getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL());
        // The parent (this test's loader) resolves the runtime classes instrumented code names (RaceEvents,
        // ThreadState) for the verifiers, and the JDK.
        jarLoader = new URLClassLoader("jars", urls.toArray(new URL[0]), InstrumentedJarsVerifyTest.class.getClassLoader());

        ClassInstrumenter instrumenter = new ClassInstrumenter(new ClassHierarchy());
        int feature = Runtime.version().feature();
        long start = System.nanoTime();
        for (Path jar : jars) {
            try (JarFile jf = new JarFile(jar.toFile())) {
                boolean multiRelease = isMultiRelease(jf);
                Map<String, Integer> chosenVersion = new LinkedHashMap<>();
                for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements(); ) {
                    JarEntry e = en.nextElement();
                    String entry = e.getName();
                    if (!entry.endsWith(".class") || entry.endsWith("module-info.class")) continue;
                    byte[] bytes;
                    try (var in = jf.getInputStream(e)) {
                        bytes = in.readAllBytes();
                    }
                    int version = 0;
                    String path = entry;
                    if (entry.startsWith("META-INF/versions/")) {
                        int slash = entry.indexOf('/', "META-INF/versions/".length());
                        version = Integer.parseInt(entry.substring("META-INF/versions/".length(), slash));
                        path = entry.substring(slash + 1);
                    }
                    String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                    byte[] out = null;
                    try {
                        out = instrumenter.instrument(bytes, jarLoader);
                    } catch (Throwable t) {
                        INSTRUMENT_FAILURES.put(entry, t.toString());
                    }
                    JarClass jc = new JarClass(jar.getFileName().toString(), entry, name, bytes, out);
                    CLASSES.add(jc);
                    boolean applies = version == 0 || (multiRelease && version <= feature);
                    if (applies && version >= chosenVersion.getOrDefault(name, -1)) {
                        chosenVersion.put(name, version);
                        EFFECTIVE.put(name, jc);
                    }
                }
            }
        }
        instrumentMillis = (System.nanoTime() - start) / 1_000_000;
        long changed = CLASSES.stream().filter(c -> c.instrumented() != null).count();
        System.out.printf("racecheck verification: %d classes read from %s, %d instrumented, %d left unchanged, in %d ms%n",
                CLASSES.size(), jars.stream().map(p -> p.getFileName().toString()).toList(), changed,
                CLASSES.size() - changed - INSTRUMENT_FAILURES.size(), instrumentMillis);
    }

    @AfterAll
    static void close() throws IOException {
        if (jarLoader != null) jarLoader.close();
    }

    private static boolean isMultiRelease(JarFile jf) throws IOException {
        Manifest m = jf.getManifest();
        return m != null && "true".equalsIgnoreCase(m.getMainAttributes().getValue("Multi-Release"));
    }

    // ---- 0. the instrumenter copes with every class ------------------------------------------------------------

    @Test
    void every_class_of_the_libraries_should_be_instrumented_without_an_exception() {
        assertTrue(CLASSES.size() > 3000, "the libraries have thousands of classes, found " + CLASSES.size());
        assertEquals(Map.of(), INSTRUMENT_FAILURES);
        long changed = CLASSES.stream().filter(c -> c.instrumented() != null).count();
        assertTrue(changed > CLASSES.size() / 2, "most classes have something to instrument: " + changed);
    }

    // ---- 1. ASM's verifier ------------------------------------------------------------------------------------

    @Test
    void every_instrumented_class_should_pass_asms_verifier() {
        long start = System.nanoTime();
        int classes = 0;
        int methods = 0;
        int instrumentedMethods = 0;
        List<String> failures = new ArrayList<>();
        int failingAlsoUninstrumented = 0;
        for (JarClass jc : CLASSES) {
            if (jc.instrumented() == null) continue;
            classes++;
            ClassNode cn = node(jc.instrumented(), 0);
            ClassNode originalNode = node(jc.original(), 0);
            for (int i = 0; i < originalNode.methods.size(); i++) { // bridges (ContainerMethodRefs) come last
                MethodNode m = cn.methods.get(i);
                if (m.instructions.size() == 0) continue;
                methods++;
                if (m.maxLocals != originalNode.methods.get(i).maxLocals) instrumentedMethods++;
            }
            StringWriter out = new StringWriter();
            String crash = null;
            try {
                CheckClassAdapter.verify(new ClassReader(jc.instrumented()), jarLoader, false, new PrintWriter(out));
            } catch (RuntimeException e) { // CheckClassAdapter throws on structural errors
                crash = e.toString();
            }
            if (crash == null && out.getBuffer().length() == 0) continue;
            // Which methods fail, and do they fail without instrumentation as well (an environment problem)?
            Set<String> before = failingMethods(jc.original()).stream().map(InstrumentedJarsVerifyTest::methodKey)
                    .collect(Collectors.toSet());
            Set<String> newlyBad = failingMethods(jc.instrumented()).stream()
                    .filter(f -> !before.contains(methodKey(f))).collect(Collectors.toCollection(HashSet::new));
            if (crash != null) newlyBad.add("CheckClassAdapter: " + crash);
            if (newlyBad.isEmpty()) {
                failingAlsoUninstrumented++;
            } else {
                failures.add(jc.entry() + " (" + jc.jar() + "): " + newlyBad);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("racecheck verification: ASM verifier checked %d instrumented classes, %d methods with code "
                        + "(%d of them instrumented) in %d ms; %d failures, %d classes fail uninstrumented too%n",
                classes, methods, instrumentedMethods, millis, failures.size(), failingAlsoUninstrumented);
        if (!failures.isEmpty()) {
            fail(failures.size() + " instrumented classes fail ASM's verifier:\n"
                    + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        }
        assertTrue(classes > 2000);
        assertTrue(instrumentedMethods > 10_000, "methods instrumented: " + instrumentedMethods);
    }

    private static String methodKey(String failure) {
        return failure.substring(0, failure.indexOf(' '));
    }

    /** Per method, as CheckClassAdapter.verify does it: "name+desc message" for each method the analysis rejects. */
    private static Set<String> failingMethods(byte[] bytes) {
        ClassNode cn = node(bytes, ClassReader.SKIP_DEBUG);
        Type superType = cn.superName == null ? null : Type.getObjectType(cn.superName);
        List<Type> interfaces = new ArrayList<>();
        for (String i : cn.interfaces) interfaces.add(Type.getObjectType(i));
        Set<String> out = new HashSet<>();
        for (MethodNode m : cn.methods) {
            SimpleVerifier verifier = new SimpleVerifier(Type.getObjectType(cn.name), superType, interfaces,
                    (cn.access & Opcodes.ACC_INTERFACE) != 0);
            verifier.setClassLoader(jarLoader);
            try {
                new Analyzer<BasicValue>(verifier).analyze(cn.name, m);
            } catch (AnalyzerException | RuntimeException e) {
                out.add(m.name + m.desc + " " + e.getMessage());
            }
        }
        return out;
    }

    // ---- 2. the JVM's verifier ----------------------------------------------------------------------------------

    /**
     * Forces the JVM to link (and so verify, with the type-checking verifier and the class's StackMapTable) a class
     * without initializing it: no static initializer of the libraries runs, so nothing has side effects.
     *
     * <p>{@code Class.forName(name, false, loader)} only loads. HotSpot links a class before it hands out reflection
     * data: {@code JVM_GetClassDeclaredFields} (and {@code ...Methods}, {@code ...Constructors}) call
     * {@code InstanceKlass::link_class} first, and linking verifies the class (classes of non-boot loaders are
     * verified by default, {@code -XX:+BytecodeVerificationRemote}). Linking also links the superclass and
     * interfaces. {@link #the_verifier_probes_should_detect_bytecode_the_jvm_rejects} checks that this really rejects
     * broken code in this JVM, so a passing run is not vacuous.
     */
    static void link(Class<?> c) {
        c.getDeclaredFields();
    }

    /** Defines the given bytes for the named classes, and delegates everything else to the parent. */
    static final class DefiningLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        DefiningLoader(String name, Map<String, byte[]> classes, ClassLoader parent) {
            super(name, parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] b = classes.get(name);
                    if (b == null) return super.loadClass(name, resolve);
                    c = defineClass(name, b, 0, b.length);
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }

    @Test
    void the_verifier_probes_should_detect_bytecode_the_jvm_rejects() throws Exception {
        // A method "String broken() { return 0; }" with a StackMapTable, so only type checking can reject it.
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "probe/Broken", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "broken", "()Ljava/lang/String;", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        DefiningLoader loader = new DefiningLoader("probe", Map.of("probe.Broken", cw.toByteArray(),
                "probe.BadFrame", badFrame()), getClass().getClassLoader());
        // ASM's verifier, as the test above runs it, rejects the type error too (not the frame: it ignores frames).
        StringWriter asm = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(cw.toByteArray()), loader, false, new PrintWriter(asm));
        assertTrue(asm.toString().contains("AnalyzerException"), asm.toString());
        Class<?> c = Class.forName("probe.Broken", false, loader); // loading alone does not verify
        assertThrows(VerifyError.class, () -> link(c));
        // The mistake an instrumenter can make: a stack map frame that lacks a local the code then uses.
        Class<?> f = Class.forName("probe.BadFrame", false, loader);
        assertThrows(VerifyError.class, () -> link(f));
    }

    /** "static int m() { int x = 1; goto L; L: (frame: no locals) return x; }": the frame drops local 0. */
    private static byte[] badFrame() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "probe/BadFrame", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "()I", null, null);
        mv.visitCode();
        org.objectweb.asm.Label l = new org.objectweb.asm.Label();
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitVarInsn(Opcodes.ISTORE, 0);
        mv.visitJumpInsn(Opcodes.GOTO, l);
        mv.visitLabel(l);
        mv.visitFrame(Opcodes.F_NEW, 0, new Object[0], 0, new Object[0]);
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(1, 1);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void every_instrumented_class_should_pass_the_jvms_verifier() throws Exception {
        long start = System.nanoTime();
        Map<String, byte[]> instrumented = new TreeMap<>();
        Map<String, byte[]> original = new TreeMap<>();
        for (JarClass jc : EFFECTIVE.values()) {
            instrumented.put(jc.name(), jc.instrumented() != null ? jc.instrumented() : jc.original());
            original.put(jc.name(), jc.original());
        }
        ClassLoader parent = getClass().getClassLoader();
        DefiningLoader loader = new DefiningLoader("instrumented", instrumented, parent);
        DefiningLoader plain = new DefiningLoader("original", original, parent);
        int linked = 0;
        int instrumentedLinked = 0;
        int failingAlsoUninstrumented = 0;
        List<String> failures = new ArrayList<>();
        for (JarClass jc : EFFECTIVE.values()) {
            try {
                Class<?> c = Class.forName(jc.name(), false, loader);
                assertEquals(loader, c.getClassLoader(), "the instrumented copy was defined, not the class path's");
                link(c);
                linked++;
                if (jc.instrumented() != null) instrumentedLinked++;
            } catch (LinkageError | ClassNotFoundException e) {
                // Does the original fail the same way (an optional dependency missing from the class path)?
                try {
                    link(Class.forName(jc.name(), false, plain));
                    failures.add(jc.entry() + " (" + jc.jar() + "): " + e);
                } catch (LinkageError | ClassNotFoundException same) {
                    if (same.getClass() == e.getClass()) failingAlsoUninstrumented++;
                    else failures.add(jc.entry() + " (" + jc.jar() + "): " + e + "; uninstrumented: " + same);
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("racecheck verification: JVM verifier linked %d classes (%d instrumented) in %d ms; "
                        + "%d failures, %d classes fail uninstrumented too%n",
                linked, instrumentedLinked, millis, failures.size(), failingAlsoUninstrumented);
        if (!failures.isEmpty()) {
            fail(failures.size() + " instrumented classes fail the JVM's verifier:\n"
                    + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        }
        assertTrue(instrumentedLinked > 2000, "instrumented classes linked: " + instrumentedLinked);
    }

    // ---- 3. class shape ---------------------------------------------------------------------------------------

    @Test
    void every_instrumented_class_should_keep_its_shape() {
        List<String> failures = new ArrayList<>();
        for (JarClass jc : CLASSES) {
            if (jc.instrumented() == null) continue;
            String a = shape(jc.original());
            String b = shape(jc.instrumented());
            if (!a.equals(b)) failures.add(jc.entry() + ":\n  before: " + a + "\n  after:  " + b);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " classes changed shape:\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        }
    }

    /** A field racecheck adds: private transient synthetic, named after a plain instance field of the class. */
    static boolean isCompanion(FieldNode f) {
        return f.name.startsWith(dev.racecheck.agent.runtime.report.Sites.COMPANION_PREFIX)
                && f.access == (Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC)
                && f.desc.equals("Ljava/lang/Object;");
    }

    @Test
    void companion_fields_should_not_change_any_serial_version_uid() throws Exception {
        int serializable = 0;
        int withCompanions = 0;
        List<String> failures = new ArrayList<>();
        // All classes in one loader each, so package-private supertypes stay accessible.
        Map<String, byte[]> instrumentedBytes = new java.util.HashMap<>();
        Map<String, byte[]> originalBytes = new java.util.HashMap<>();
        for (JarClass jc : EFFECTIVE.values()) {
            instrumentedBytes.put(jc.name(), jc.instrumented() != null ? jc.instrumented() : jc.original());
            originalBytes.put(jc.name(), jc.original());
        }
        ClassLoader parent = getClass().getClassLoader();
        DefiningLoader instrumentedLoader = new DefiningLoader("suid-instrumented", instrumentedBytes, parent);
        DefiningLoader originalLoader = new DefiningLoader("suid-original", originalBytes, parent);
        for (JarClass jc : EFFECTIVE.values()) {
            if (jc.instrumented() == null) continue;
            Class<?> original = Class.forName(jc.name(), false, originalLoader);
            if (!java.io.Serializable.class.isAssignableFrom(original) || original.isInterface()) continue;
            ClassNode cn = node(jc.instrumented(), ClassReader.SKIP_CODE);
            // A declared UID cannot change (and reading it would run the class's static initializer): only computed ones.
            if (cn.fields.stream().anyMatch(f -> f.name.equals("serialVersionUID") || f.name.equals("serialPersistentFields"))) {
                continue;
            }
            boolean companions = cn.fields.stream().anyMatch(InstrumentedJarsVerifyTest::isCompanion);
            Class<?> instrumented = Class.forName(jc.name(), false, instrumentedLoader);
            java.io.ObjectStreamClass a = java.io.ObjectStreamClass.lookup(original);
            java.io.ObjectStreamClass b = java.io.ObjectStreamClass.lookup(instrumented);
            serializable++;
            if (companions) withCompanions++;
            if (a.getSerialVersionUID() != b.getSerialVersionUID() || a.getFields().length != b.getFields().length) {
                failures.add(jc.name() + ": " + a.getSerialVersionUID() + " became " + b.getSerialVersionUID());
            }
        }
        assertTrue(withCompanions >= 20, "too few serializable classes with companion fields to mean anything: "
                + withCompanions + " of " + serializable);
        if (!failures.isEmpty()) fail(failures.size() + " serialVersionUIDs changed:\n" + String.join("\n", failures));
    }

    /** Everything about a class but its code: what other classes, reflection and serialization can see. */
    static String shape(byte[] bytes) {
        ClassNode cn = node(bytes, ClassReader.SKIP_CODE);
        StringBuilder sb = new StringBuilder();
        sb.append("version=").append(cn.version).append(" access=").append(cn.access).append(" name=").append(cn.name)
                .append(" signature=").append(cn.signature).append(" super=").append(cn.superName)
                .append(" interfaces=").append(cn.interfaces).append(" source=").append(cn.sourceFile)
                .append(" outer=").append(cn.outerClass).append('.').append(cn.outerMethod).append(cn.outerMethodDesc)
                .append(" nestHost=").append(cn.nestHostClass).append(" nestMembers=").append(cn.nestMembers)
                .append(" permitted=").append(cn.permittedSubclasses);
        sb.append(" inner=[");
        if (cn.innerClasses != null) {
            for (InnerClassNode ic : cn.innerClasses) sb.append(ic.name).append('/').append(ic.outerName).append('/')
                    .append(ic.innerName).append('/').append(ic.access).append(' ');
        }
        sb.append("] record=[");
        if (cn.recordComponents != null) {
            for (RecordComponentNode rc : cn.recordComponents) sb.append(rc.name).append(rc.descriptor).append(rc.signature).append(' ');
        }
        sb.append("] fields=[");
        for (FieldNode f : cn.fields) {
            if (isCompanion(f)) continue;
            sb.append(f.access).append(' ').append(f.name).append(f.desc).append(' ').append(f.signature).append('=')
                    .append(f.value).append(" @").append(annotations(f.visibleAnnotations)).append(annotations(f.invisibleAnnotations)).append("; ");
        }
        sb.append("] methods=[");
        for (MethodNode m : cn.methods) {
            if (m.name.startsWith(ContainerMethodRefs.BRIDGE_PREFIX)) continue;
            sb.append(m.access).append(' ').append(m.name).append(m.desc).append(' ').append(m.signature).append(" throws ")
                    .append(m.exceptions).append(" @").append(annotations(m.visibleAnnotations))
                    .append(annotations(m.invisibleAnnotations)).append(" default=").append(m.annotationDefault != null)
                    .append(" params=").append(m.parameters == null ? "-" : m.parameters.stream().map(p -> p.name + ":" + p.access).toList())
                    .append("; ");
        }
        sb.append("] annotations=").append(annotations(cn.visibleAnnotations)).append(annotations(cn.invisibleAnnotations));
        return sb.toString();
    }

    private static String annotations(List<org.objectweb.asm.tree.AnnotationNode> list) {
        if (list == null) return "[]";
        return list.stream().map(a -> a.desc + (a.values == null ? "" : String.valueOf(a.values.size()))).toList().toString();
    }

    private static ClassNode node(byte[] bytes, int flags) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, flags);
        return cn;
    }

    @Test
    void instrumented_methods_should_call_racecheck_and_keep_everything_else() {
        // A sample: the instrumented code of ImmutableList names RaceEvents; the original does not.
        JarClass jc = EFFECTIVE.get("com.google.common.collect.ImmutableList");
        assertTrue(new String(jc.instrumented(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(Hooks.OWNER));
        assertTrue(!new String(jc.original(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(Hooks.OWNER));
        assertNotEquals(0, jc.instrumented().length - jc.original().length);
    }

    // ---- 4. instrumented libraries still compute the same ---------------------------------------------------------

    @Test
    void the_instrumented_libraries_should_compute_what_the_originals_compute() throws Exception {
        Map<String, byte[]> instrumented = new TreeMap<>();
        for (JarClass jc : EFFECTIVE.values()) {
            instrumented.put(jc.name(), jc.instrumented() != null ? jc.instrumented() : jc.original());
        }
        // The workload itself (and its nested classes) is instrumented too, so it links to the instrumented libraries.
        ClassInstrumenter instrumenter = new ClassInstrumenter(new ClassHierarchy());
        for (String n : LibraryWorkload.CLASSES) {
            byte[] b;
            try (var in = getClass().getClassLoader().getResourceAsStream(n.replace('.', '/') + ".class")) {
                b = in.readAllBytes();
            }
            byte[] out = instrumenter.instrument(b, getClass().getClassLoader());
            instrumented.put(n, out == null ? b : out);
        }
        DefiningLoader loader = new DefiningLoader("instrumented-run", instrumented, getClass().getClassLoader());
        Class<?> workload = Class.forName(LibraryWorkload.class.getName(), true, loader);
        assertEquals(loader, workload.getClassLoader());
        Method run = workload.getMethod("run");
        Object expected = LibraryWorkload.run();
        int depth = RuntimeProbe.depth();
        int races = RuntimeProbe.raceCount();
        Object actual = run.invoke(null);
        assertEquals(expected, actual);
        assertEquals(depth, RuntimeProbe.depth(), "the shadow stack is balanced");
        assertEquals(races, RuntimeProbe.raceCount(), "one thread races with no one");
        // The libraries' classes really are the instrumented ones.
        Class<?> mapper = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, loader);
        assertEquals(loader, mapper.getClassLoader());
        System.out.println("racecheck verification: instrumented workload computed " + actual.toString().length()
                + " characters, as the original");
    }

    @Test
    void every_library_class_should_be_seen_once_per_version() {
        Set<String> entries = new HashSet<>();
        for (JarClass jc : CLASSES) assertTrue(entries.add(jc.jar() + "!" + jc.entry()), jc.entry());
        List<String> versioned = CLASSES.stream().filter(c -> c.entry().startsWith("META-INF/versions/")).map(JarClass::entry).toList();
        System.out.println("racecheck verification: " + versioned.size() + " multi-release entries checked as well");
        assertTrue(Collections.disjoint(INSTRUMENT_FAILURES.keySet(), versioned));
    }
}
