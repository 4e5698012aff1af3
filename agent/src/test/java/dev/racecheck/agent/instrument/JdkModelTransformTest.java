package dev.racecheck.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;

import dev.racecheck.agent.runtime.report.Config;

/**
 * Every class of this JDK's java.base that the model covers, transformed with schedule exploration armed and not:
 * the result must be a valid class (no code in an abstract or native method, every method passes ASM's basic
 * verifier), and schedule points must appear exactly when exploration is armed.
 */
class JdkModelTransformTest {

    @Test
    void everyModelledClassTransformsToAValidClassWithAndWithoutSchedulePoints() throws IOException {
        boolean saved = Config.explore;
        List<String> problems = new ArrayList<>();
        int classes = 0;
        int withPoints = 0;
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/")); // the JDK's own: not to be closed
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules/java.base"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.toString();
                if (!name.endsWith(".class")) continue;
                String internal = name.substring("/modules/java.base/".length(), name.length() - ".class".length());
                if (!JdkModel.models(internal)) continue;
                byte[] bytes = Files.readAllBytes(file);
                classes++;
                for (boolean explore : new boolean[] {false, true}) {
                    Config.explore = explore;
                    byte[] out = JdkModel.transform(internal, bytes);
                    if (out == null) continue;
                    int points = check(internal, out, problems);
                    if (!explore && points > 0) problems.add(internal + ": schedule points without exploration");
                    if (explore && points > 0) withPoints++;
                }
            }
        } finally {
            Config.explore = saved;
        }
        assertEquals(List.of(), problems);
        assertTrue(classes > 50, "too few modelled classes found: " + classes);
        assertTrue(withPoints > 30, "schedule points in too few classes: " + withPoints);
    }

    /** Checks one transformed class; returns its number of schedule points. */
    private static int check(String owner, byte[] bytes, List<String> problems) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        int points = 0;
        for (MethodNode m : cn.methods) {
            boolean noCode = (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0;
            if (noCode && m.instructions.size() > 0) {
                problems.add(owner + "." + m.name + m.desc + ": code in an abstract or native method");
                continue;
            }
            if (noCode) continue;
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof MethodInsnNode mi && mi.name.equals("schedulePoint")) points++;
            }
            try {
                new Analyzer<>(new BasicVerifier()).analyze(owner, m);
            } catch (AnalyzerException e) {
                problems.add(owner + "." + m.name + m.desc + ": " + e.getMessage());
            }
        }
        return points;
    }
}
