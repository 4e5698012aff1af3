package dev.racecheck.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Class facts the instrumenter needs about classes other than the one it rewrites: the modifiers of a field
 * an instruction names (volatile? final? declared where?) and whether a class extends {@code Thread}. Read from
 * class files through the defining loader, never by loading classes, which from inside a transformer could
 * recurse or deadlock.
 */
public final class ClassHierarchy {
    /** Facts about one class. */
    record ClassInfo(String name, String superName, String[] interfaces, Map<String, Integer> fields) {
    }

    /** A resolved field: the class that declares it and its access flags. */
    record FieldInfo(String declaringClass, int access) {
        boolean isVolatile() { return (access & Opcodes.ACC_VOLATILE) != 0; }

        boolean isFinal() { return (access & Opcodes.ACC_FINAL) != 0; }
    }

    private static final ClassInfo MISSING = new ClassInfo(null, null, new String[0], Map.of());

    private final Map<String, ClassInfo> boot = new HashMap<>();
    private final Map<ClassLoader, Map<String, ClassInfo>> byLoader = new WeakHashMap<>();

    /** Records a class from its bytes (the class being transformed may not be readable as a resource). */
    void add(byte[] bytes, ClassLoader loader) {
        ClassInfo info = parse(new ClassReader(bytes));
        synchronized (this) {
            cache(loader).put(info.name(), info);
        }
    }

    /**
     * Resolves a field as the JVM does (JVMS 5.4.3.2: the class, its superinterfaces, then its superclass).
     * Null when a class file on the way cannot be read.
     */
    FieldInfo field(String owner, String name, String descriptor, ClassLoader loader) {
        ClassInfo c = info(owner, loader);
        if (c == null) return null;
        Integer access = c.fields().get(name + ':' + descriptor);
        if (access != null) return new FieldInfo(owner, access);
        for (String i : c.interfaces()) {
            FieldInfo f = field(i, name, descriptor, loader);
            if (f != null) return f;
        }
        return c.superName() == null ? null : field(c.superName(), name, descriptor, loader);
    }

    /** Whether {@code name} is {@code ancestor} or a subclass of it; false when unknown. */
    boolean isSubclass(String name, String ancestor, ClassLoader loader) {
        for (int depth = 0; name != null && depth < 64; depth++) {
            if (name.equals(ancestor)) return true;
            ClassInfo c = info(name, loader);
            if (c == null) return false;
            name = c.superName();
        }
        return false;
    }

    /**
     * The superclasses of {@code name}, nearest first, as far as their class files can be read. A class is
     * initialized only after its superclasses (JLS 12.4.2), so code running in a class may take them as initialized.
     */
    java.util.List<String> superclasses(String name, ClassLoader loader) {
        java.util.List<String> out = new java.util.ArrayList<>();
        ClassInfo c = info(name, loader);
        for (int depth = 0; c != null && c.superName() != null && depth < 64; depth++) {
            out.add(c.superName());
            c = info(c.superName(), loader);
        }
        return out;
    }

    /** Whether {@code name} is one of {@code ancestors} or a subclass of one; false when unknown. */
    boolean isSubclassOfAny(String name, java.util.Set<String> ancestors, ClassLoader loader) {
        for (int depth = 0; name != null && depth < 64; depth++) {
            if (ancestors.contains(name)) return true;
            ClassInfo c = info(name, loader);
            if (c == null) return false;
            name = c.superName();
        }
        return false;
    }

    /**
     * Whether {@code name} is, extends or implements one of {@code types} (superclasses and interfaces, to any depth);
     * false when unknown.
     */
    boolean isSubtypeOfAny(String name, java.util.Set<String> types, ClassLoader loader) {
        java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        pending.add(name);
        while (!pending.isEmpty() && seen.size() < 256) {
            String n = pending.poll();
            if (!seen.add(n)) continue;
            if (types.contains(n)) return true;
            ClassInfo c = info(n, loader);
            if (c == null) continue;
            if (c.superName() != null) pending.add(c.superName());
            for (String i : c.interfaces()) pending.add(i);
        }
        return false;
    }

    private ClassInfo info(String name, ClassLoader loader) {
        synchronized (this) {
            ClassInfo c = cache(loader).get(name);
            if (c == null && loader != null) c = boot.get(name);
            if (c != null) return c == MISSING ? null : c;
        }
        ClassInfo c = read(name, loader);
        synchronized (this) {
            cache(loader).put(name, c == null ? MISSING : c);
        }
        return c;
    }

    private Map<String, ClassInfo> cache(ClassLoader loader) {
        if (loader == null) return boot;
        Map<String, ClassInfo> m = byLoader.get(loader);
        if (m == null) {
            m = new HashMap<>();
            byLoader.put(loader, m);
        }
        return m;
    }

    private static ClassInfo read(String name, ClassLoader loader) {
        String resource = name + ".class";
        try (InputStream in = loader == null
                ? ClassLoader.getSystemClassLoader().getResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            if (in == null) return null;
            return parse(new ClassReader(in));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ClassInfo parse(ClassReader reader) {
        Map<String, Integer> fields = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.put(name + ':' + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(reader.getClassName(), reader.getSuperName(), reader.getInterfaces(), fields);
    }
}
