package dev.racecheck.agent.runtime.threads;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.reports.Frame;

/**
 * Interned call paths: a trie whose node {@code n} stands for "the path of node parent(n), then site(n)".
 * A shadow epoch keeps the node of its access, so the stack of an earlier access can always be rebuilt:
 * racecheck never prints Go's "[failed to restore the stack]".
 *
 * <p>When a leaf (access) node is created, the real stack is captured once with a {@link StackWalker}; it adds
 * the JDK frames between instrumented methods (e.g. {@code Thread.run}, {@code ArrayList.forEach}). New leaves
 * are rare next to accesses (one per distinct call path and access site), and {@link #MAX_CAPTURES} bounds
 * the cost; past it, stacks are rebuilt from instrumented frames only.
 */
public final class CallPaths {
    static final int ROOT = 0;
    private static final int MAX_CAPTURES = 200_000;
    private static final StackWalker WALKER = StackWalker.getInstance();

    private static int[] parents = new int[1024];
    private static int[] sites = new int[1024];
    private static List<Frame>[] captured = newFrameArray(1024);
    private static int size = 1;
    private static int captures;

    /** Open addressing: key = parent << 32 | site, -1 = empty. */
    private static long[] keys = filled(4096);
    private static int[] values = new int[4096];

    private CallPaths() {
        // no instances
    }

    /**
     * The node of an access at {@code site} made by the method in frame {@code base} of {@code ts}.
     * Costs a few array compares when the thread's stack has not changed since its last slow-path access.
     */
    public static int leaf(ThreadState ts, int base, int site) {
        int node = prefix(ts, base);
        if (ts.leafKeys == null) ts.makeLeafCache();
        long key = ((long) node << 32) | site;
        int slot = (int) (key ^ (key >>> 29)) & (ts.leafKeys.length - 1);
        if (ts.leafKeys[slot] == key) return ts.leafNodes[slot];
        int leaf = child(node, site, true);
        ts.leafKeys[slot] = key;
        ts.leafNodes[slot] = leaf;
        return leaf;
    }

    /** Node of the call path {@code sites[0..base-1]} of the thread, reusing what is still valid of its cache. */
    private static int prefix(ThreadState ts, int base) {
        int[] s = ts.sites;
        if (ts.pathNodes.length < base) {
            ts.pathNodes = Arrays.copyOf(ts.pathNodes, Math.max(base, ts.pathNodes.length * 2));
            ts.pathSites = Arrays.copyOf(ts.pathSites, ts.pathNodes.length);
        }
        int[] nodes = ts.pathNodes;
        int[] from = ts.pathSites;
        int i = 0;
        int limit = Math.min(base, ts.pathValid);
        while (i < limit && from[i] == s[i]) i++;
        int node = i == 0 ? ROOT : nodes[i - 1];
        if (i < base) {
            for (; i < base; i++) {
                node = child(node, s[i], false);
                nodes[i] = node;
                from[i] = s[i];
            }
            ts.pathValid = base;
        } else if (base > ts.pathValid) {
            ts.pathValid = base;
        }
        return node;
    }

    private static int child(int parent, int site, boolean leaf) {
        int node;
        boolean capture;
        synchronized (CallPaths.class) {
            long key = ((long) parent << 32) | site;
            int mask = keys.length - 1;
            int i = (int) (key ^ (key >>> 29)) * 0x9E3779B9 & mask;
            while (keys[i] != -1L) {
                if (keys[i] == key) return values[i];
                i = (i + 1) & mask;
            }
            node = size++;
            if (node == parents.length) {
                parents = Arrays.copyOf(parents, node * 2);
                sites = Arrays.copyOf(sites, node * 2);
                captured = Arrays.copyOf(captured, node * 2);
            }
            parents[node] = parent;
            sites[node] = site;
            keys[i] = key;
            values[i] = node;
            if (size * 2 > keys.length) rehash();
            capture = leaf && captures < MAX_CAPTURES;
            if (capture) captures++;
        }
        if (capture) {
            List<Frame> frames = captureStack();
            synchronized (CallPaths.class) {
                captured[node] = frames;
            }
        }
        return node;
    }

    private static void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = filled(oldKeys.length * 2);
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key == -1L) continue;
            int i = (int) (key ^ (key >>> 29)) * 0x9E3779B9 & mask;
            while (keys[i] != -1L) i = (i + 1) & mask;
            keys[i] = key;
            values[i] = oldValues[j];
        }
    }

    /** The access site of a leaf node. */
    public static synchronized int site(int node) {
        return sites[node];
    }

    /** The stack of a node, innermost frame first. */
    public static List<Frame> frames(int node) {
        synchronized (CallPaths.class) {
            if (captured[node] != null) return captured[node];
        }
        List<Frame> out = new ArrayList<>();
        int n = node;
        while (n != ROOT) {
            int site;
            int parent;
            synchronized (CallPaths.class) {
                site = sites[n];
                parent = parents[n];
            }
            out.add(new Frame(Sites.className(site), Sites.method(site), Sites.file(site), Sites.line(site)));
            n = parent;
        }
        return out;
    }

    /** The current thread's stack, without racecheck's own frames, innermost first. */
    public static List<Frame> captureStack() {
        return WALKER.walk(ToFrames.INSTANCE);
    }

    /** A named class, not a lambda: the runtime avoids invokedynamic, whose bootstrap loads JDK classes late. */
    private static final class ToFrames implements Function<Stream<StackFrame>, List<Frame>> {
        static final ToFrames INSTANCE = new ToFrames();

        @Override
        public List<Frame> apply(Stream<StackFrame> frames) {
            List<Frame> out = new ArrayList<>();
            Iterator<StackFrame> it = frames.iterator();
            boolean inRacecheck = true;
            while (it.hasNext()) {
                StackFrame f = it.next();
                if (inRacecheck && f.getClassName().startsWith("dev.racecheck.agent.")) continue;
                inRacecheck = false;
                out.add(toFrame(f));
            }
            return out;
        }
    }

    static Frame toFrame(StackFrame f) {
        StackTraceElement e = f.toStackTraceElement();
        return new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber(), e.getModuleName());
    }

    public static synchronized int size() {
        return size;
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, -1L);
        return a;
    }

    @SuppressWarnings("unchecked")
    private static List<Frame>[] newFrameArray(int n) {
        return (List<Frame>[]) new List<?>[n];
    }
}
