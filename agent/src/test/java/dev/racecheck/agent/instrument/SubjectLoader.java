package dev.racecheck.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Child-first loader for test subjects: every class of the given package prefix is read from the parent's class
 * path, instrumented (as the agent's transformer would), and defined here; everything else, racecheck's runtime
 * included, comes from the parent. Instrumented code then calls the same {@code RaceEvents} as the tests see.
 */
final class SubjectLoader extends ClassLoader {
    private final String prefix;
    private final ClassInstrumenter instrumenter = new ClassInstrumenter(new ClassHierarchy());
    /** Binary names of the classes defined here, and whether the instrumenter changed them. */
    final Map<String, Boolean> defined = new TreeMap<>();
    /** Their instrumented bytes. */
    final Map<String, byte[]> instrumented = new TreeMap<>();
    private final Map<String, byte[]> extra;

    SubjectLoader(String prefix) {
        this(prefix, Map.of());
    }

    /** {@code extra}: class files (binary name to bytes) that are not on the class path, e.g. generated ones. */
    SubjectLoader(String prefix, Map<String, byte[]> extra) {
        super("subjects", SubjectLoader.class.getClassLoader());
        this.prefix = prefix;
        this.extra = extra;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(prefix)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] original = extra.containsKey(name) ? extra.get(name) : read(name);
                if (original == null) throw new ClassNotFoundException(name);
                byte[] out = instrumenter.instrument(original, this);
                defined.put(name, out != null);
                byte[] b = out != null ? out : original;
                if (out != null) instrumented.put(name, out);
                c = defineClass(name, b, 0, b.length);
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        // The instrumenter's class hierarchy reads class files through the defining loader.
        String className = name.endsWith(".class") ? name.substring(0, name.length() - 6).replace('/', '.') : null;
        if (className != null && extra.containsKey(className)) return new java.io.ByteArrayInputStream(extra.get(className));
        return super.getResourceAsStream(name);
    }

    private byte[] read(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    /** ASM's verifier over every class instrumented so far; returns its complaints (empty when all pass). */
    String verifyAll() {
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(instrumented).entrySet()) { // verifying may load more
            StringWriter out = new StringWriter();
            try {
                CheckClassAdapter.verify(new ClassReader(e.getValue()), this, false, new PrintWriter(out));
            } catch (RuntimeException ex) {
                out.append(ex.toString());
            }
            if (out.getBuffer().length() > 0) problems.append(e.getKey()).append(": ").append(out).append('\n');
        }
        return problems.toString();
    }
}
