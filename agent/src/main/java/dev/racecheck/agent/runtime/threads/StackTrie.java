package dev.racecheck.agent.runtime.threads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.racecheck.reports.Frame;

/**
 * Captured stacks, shared. Each distinct frame (class, method, file, line, module) is interned once as a frame id;
 * each stack is a node of a trie of frames built from the outermost frame in: node {@code n} is "the stack of node
 * {@code parent(n)}, then frame {@code frame(n)} called from it". Stacks that share their outer frames share those
 * nodes, so a new stack costs only the frames no earlier stack had at the same place: a test method under 60 frames
 * of a test framework costs its own frames, not the framework's again.
 *
 * <p>Primitive arrays and the frames' strings only: no {@code Class}, no program object, no object per node. The
 * {@link Frame} objects of the reports' model are made only when a report asks for a stack ({@link #frames}).
 *
 * <p>Callers that add a whole stack hold this trie's monitor (a racecheck-private object) around their calls to
 * {@link #frame} and {@link #child}, so that a stack is interned under one lock.
 */
final class StackTrie {
    static final int ROOT = 0;
    /** Bytes of an int, and of a reference with compressed references, in the {@link #bytes} estimate. */
    private static final int INT = 4;
    private static final int REF = 4;

    /* Distinct frames; id 0 is none. */
    private String[] classNames = new String[256];
    private String[] methods = new String[256];
    private String[] files = new String[256];
    private String[] modules = new String[256];
    private int[] lines = new int[256];
    private int frameCount = 1;
    /** Open addressing over frame ids; 0 is empty. */
    private int[] frameTable = new int[512];

    /* Trie nodes; node 0 is the root, the empty stack. */
    private int[] parents = new int[1024];
    private int[] frames = new int[1024];
    /** Nodes in use; read without the lock for the limit check in {@link CallPaths}, hence volatile. */
    private volatile int size = 1;
    /** Open addressing over node ids; 0 is empty (the root is nobody's child). */
    private int[] nodeTable = new int[2048];

    /** The id of a frame, interned. The caller holds this trie's monitor. */
    int frame(String className, String method, String file, int line, String module) {
        int mask = frameTable.length - 1;
        int i = frameHash(className, method, file, line, module) & mask;
        for (int f; (f = frameTable[i]) != 0; i = (i + 1) & mask) {
            if (lines[f] == line && method.equals(methods[f]) && className.equals(classNames[f])
                    && Objects.equals(file, files[f]) && Objects.equals(module, modules[f])) {
                return f;
            }
        }
        int f = frameCount++;
        if (f == lines.length) {
            int n = f * 2;
            classNames = Arrays.copyOf(classNames, n);
            methods = Arrays.copyOf(methods, n);
            files = Arrays.copyOf(files, n);
            modules = Arrays.copyOf(modules, n);
            lines = Arrays.copyOf(lines, n);
        }
        classNames[f] = className;
        methods[f] = method;
        files[f] = file;
        modules[f] = module;
        lines[f] = line;
        frameTable[i] = f;
        if (frameCount * 2 > frameTable.length) frameTable = rehashFrames(frameTable.length * 2);
        return f;
    }

    /** The node of the stack {@code parent} with {@code frame} called from its innermost frame. Under the monitor. */
    int child(int parent, int frame) {
        int mask = nodeTable.length - 1;
        int i = mix(parent * 0x9E3779B9 + frame) & mask;
        for (int n; (n = nodeTable[i]) != 0; i = (i + 1) & mask) {
            if (parents[n] == parent && frames[n] == frame) return n;
        }
        int n = size;
        if (n == parents.length) {
            parents = Arrays.copyOf(parents, n * 2);
            frames = Arrays.copyOf(frames, n * 2);
        }
        parents[n] = parent;
        frames[n] = frame;
        nodeTable[i] = n;
        size = n + 1;
        if (size * 2 > nodeTable.length) nodeTable = rehashNodes(nodeTable.length * 2);
        return n;
    }

    /** The stack of a node, innermost frame first, as {@link CallPaths#captureStack} gave it. */
    synchronized List<Frame> frames(int node) {
        List<Frame> out = new ArrayList<>();
        for (int n = node; n != ROOT; n = parents[n]) {
            int f = frames[n];
            out.add(new Frame(classNames[f], methods[f], files[f], lines[f], modules[f]));
        }
        return out;
    }

    /** The number of frames of a node's stack. */
    synchronized int depth(int node) {
        int d = 0;
        for (int n = node; n != ROOT; n = parents[n]) d++;
        return d;
    }

    /** Nodes in use, the root included. */
    int size() {
        return size;
    }

    synchronized int frameCount() {
        return frameCount - 1;
    }

    /** Bytes of the arrays held (their allocated lengths), not counting the strings, which the JVM interns too. */
    synchronized long bytes() {
        return (long) INT * (parents.length + frames.length + nodeTable.length + lines.length + frameTable.length)
                + (long) REF * (classNames.length + methods.length + files.length + modules.length);
    }

    private int[] rehashNodes(int length) {
        int[] table = new int[length];
        int mask = length - 1;
        for (int n = 1; n < size; n++) {
            int i = mix(parents[n] * 0x9E3779B9 + frames[n]) & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = n;
        }
        return table;
    }

    private int[] rehashFrames(int length) {
        int[] table = new int[length];
        int mask = length - 1;
        for (int f = 1; f < frameCount; f++) {
            int i = frameHash(classNames[f], methods[f], files[f], lines[f], modules[f]) & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = f;
        }
        return table;
    }

    private static int frameHash(String className, String method, String file, int line, String module) {
        return mix(((className.hashCode() * 31 + method.hashCode()) * 31 + Objects.hashCode(file)) * 31
                + Objects.hashCode(module) + line * 0x9E3779B9);
    }

    static int mix(int h) {
        h *= 0x85EBCA6B;
        return h ^ (h >>> 15);
    }
}
