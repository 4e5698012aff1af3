package dev.racecheck.agent.instrument;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Sites;

/**
 * Instruments one application class: every method with code goes through {@link MethodInstrumenter}. A method
 * that would grow past the JVM's 64 KiB code limit is left as it was, with one warning.
 */
public final class ClassInstrumenter {
    private final ClassHierarchy hierarchy;
    private final boolean optimize;

    /**
     * @param optimize leave out the checks that cannot find anything new (agent option {@code optimize}, see
     *                 {@link CheckPlacement})
     */
    public ClassInstrumenter(ClassHierarchy hierarchy, boolean optimize) {
        this.hierarchy = hierarchy;
        this.optimize = optimize;
    }

    public ClassInstrumenter(ClassHierarchy hierarchy) {
        this(hierarchy, true);
    }

    public ClassInstrumenter() {
        this(new ClassHierarchy());
    }

    /**
     * What instrumenting one class did with its access checks: made where they are, left out as redundant, made once
     * before their loop.
     */
    public static final class CheckCounts {
        int made;
        int elided;
        int ranged;

        public int made() {
            return made;
        }

        public int elided() {
            return elided;
        }

        public int ranged() {
            return ranged;
        }

        @Override
        public String toString() {
            return made + " access checks, " + elided + " left out as redundant, " + ranged
                    + " made once before their loop";
        }
    }

    /**
     * The instrumented class file, or null when the class needs no change.
     *
     * @param bytes  the class file
     * @param loader the class's defining loader, used to read other class files (may be null)
     */
    public byte[] instrument(byte[] bytes, ClassLoader loader) {
        return instrument(bytes, loader, new CheckCounts());
    }

    /** The same, and what became of the class's access checks in {@code counts}. */
    public byte[] instrument(byte[] bytes, ClassLoader loader, CheckCounts counts) {
        hierarchy.add(bytes, loader);
        Set<String> tooLarge = new HashSet<>();
        while (true) {
            ClassNode cn = new ClassNode();
            new ClassReader(bytes).accept(cn, ClassReader.EXPAND_FRAMES);
            if ((cn.access & Opcodes.ACC_MODULE) != 0) return null;
            // Before the methods are instrumented: the bridges are instrumented with them.
            boolean changed = ContainerMethodRefs.addBridges(cn);
            SyncFreeCalls calls = optimize ? SyncFreeCalls.of(cn, hierarchy, loader) : SyncFreeCalls.JDK_ONLY;
            counts.made = counts.elided = counts.ranged = 0;
            for (MethodNode m : cn.methods) {
                if (tooLarge.contains(m.name + m.desc)) continue;
                if (m.name.equals("<clinit>")) Sites.registerInitializer(cn.name.replace('/', '.'));
                MethodInstrumenter mi = new MethodInstrumenter(cn.name, cn.sourceFile, m, loader, hierarchy, cn.version,
                        calls, optimize);
                changed |= mi.instrument();
                counts.made += mi.checksMade();
                counts.elided += mi.checksElided();
                counts.ranged += mi.checksRanged();
            }
            if (!changed) return null;
            addCompanionFields(cn);
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            try {
                cn.accept(cw);
                return cw.toByteArray();
            } catch (MethodTooLargeException e) {
                tooLarge.add(e.getMethodName() + e.getDescriptor());
                Internal.warn("method " + cn.name.replace('/', '.') + "." + e.getMethodName() + e.getDescriptor()
                        + " would exceed the JVM's code size limit when instrumented; it runs uninstrumented");
            }
        }
    }

    /**
     * Gives each plain instance field {@code x} a companion {@code $racecheck$x} that holds its race state (see
     * {@code InlineShadows}). Private, transient and synthetic: default serialization skips it and
     * serialVersionUID, computed without private transient fields, stays the same.
     */
    static void addCompanionFields(ClassNode cn) {
        if ((cn.access & Opcodes.ACC_INTERFACE) != 0) return;
        Set<String> names = new HashSet<>();
        for (FieldNode f : cn.fields) names.add(f.name);
        java.util.List<FieldNode> companions = new java.util.ArrayList<>();
        for (FieldNode f : cn.fields) {
            if ((f.access & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE)) != 0) continue;
            String name = Sites.COMPANION_PREFIX + f.name;
            if (!names.add(name)) continue; // taken: that field's accesses use the shadow map
            companions.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, name,
                    "Ljava/lang/Object;", null, null));
        }
        cn.fields.addAll(companions);
    }
}
