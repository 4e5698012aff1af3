package dev.racecheck.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The runtime's packages depend one way only: {@code runtime -> jdk -> analysis -> shadow -> threads -> report}. A class
 * of a package may name classes of its own package and of the packages after it, never of one before it. Checked on
 * the compiled classes: every name of a runtime class in a class file's constant pool (a type, a field or method
 * descriptor, a generic signature, a string naming a class) counts. Compile-time constants are copied into the classes
 * that use them, so a use of one ({@code Detector.FIELD}) is not seen.
 */
class RuntimeLayoutTest {
    /** The runtime's packages, top first; "" is {@code dev.racecheck.agent.runtime} itself. */
    static final List<String> ORDER = List.of("", "schedule", "jdk", "analysis", "locks", "predict", "shadow", "threads", "report");

    /** A runtime class's name, internal or binary: group 1 its sub-package (null for the top one), 2 its simple name. */
    private static final Pattern RUNTIME_CLASS =
            Pattern.compile("dev[/.]racecheck[/.]agent[/.]runtime[/.](?:([a-z]\\w*)[/.])?([A-Z][\\w$]*)");

    private static final int CONSTANT_UTF8 = 1;

    @TempDir
    Path tempDir;

    @Test
    void lower_packages_should_not_reference_higher_ones() throws IOException, URISyntaxException {
        Path classes = Path.of(RaceEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("dev/racecheck/agent/runtime");
        assertEquals(new TreeSet<>(ORDER), packages(root),
                "the runtime's packages are exactly those of ORDER (a new one needs its place in the order)");
        assertEquals(List.of(), violations(root));
    }

    @Test
    void a_reference_upwards_should_be_found() throws IOException {
        // A class of report whose method calls RaceEvents.thread(): the check must see it.
        Path root = tempDir.resolve("dev/racecheck/agent/runtime");
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "dev/racecheck/agent/runtime/report/Upward", null,
                "java/lang/Object", null);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        m.visitCode();
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/racecheck/agent/runtime/RaceEvents", "thread",
                "()Ldev/racecheck/agent/runtime/threads/ThreadState;", false);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        Files.createDirectories(root.resolve("report"));
        Files.write(root.resolve("report/Upward.class"), w.toByteArray());
        assertEquals(List.of("report.Upward -> RaceEvents", "report.Upward -> threads.ThreadState"), violations(root));
    }

    /** Every reference from a class to a class of a package before its own, as "pkg.Class -> pkg.Other". */
    static List<String> violations(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path file : classFiles(root)) {
            String from = name(root, file);
            int level = level(packageOf(from));
            for (String to : references(Files.readAllBytes(file))) {
                if (level(packageOf(to)) < level) out.add(from + " -> " + to);
            }
        }
        return out;
    }

    private static Set<String> packages(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        for (Path file : classFiles(root)) out.add(packageOf(name(root, file)));
        return out;
    }

    private static List<Path> classFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    /** "pkg.Class" (nested classes as "pkg.Class$Nested"), "Class" for the top package. */
    private static String name(Path root, Path file) {
        String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    private static String packageOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private static int level(String pkg) {
        int level = ORDER.indexOf(pkg);
        if (level < 0) throw new AssertionError("package " + pkg + " is not in the order " + ORDER);
        return level;
    }

    /** The runtime classes a class file names anywhere in its constant pool, as "pkg.Class" (nested: the outer one). */
    private static Set<String> references(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Set<String> out = new TreeSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i); // just past the entry's tag; 0 for the second slot of a long or double
            if (offset == 0 || classFile[offset - 1] != CONSTANT_UTF8) continue;
            int length = reader.readUnsignedShort(offset);
            // Names of classes are ASCII, which modified UTF-8 stores as is.
            String text = new String(classFile, offset + 2, length, StandardCharsets.ISO_8859_1);
            Matcher m = RUNTIME_CLASS.matcher(text);
            while (m.find()) {
                String simple = m.group(2);
                int nested = simple.indexOf('$');
                if (nested >= 0) simple = simple.substring(0, nested);
                out.add(m.group(1) == null ? simple : m.group(1) + "." + simple);
            }
        }
        return out;
    }
}
