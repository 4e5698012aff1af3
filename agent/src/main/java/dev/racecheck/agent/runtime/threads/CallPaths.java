package dev.racecheck.agent.runtime.threads;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.reports.Frame;

/**
 * Interned call paths: a trie whose node {@code n} stands for "the path of node parent(n), then site(n)". A shadow
 * epoch keeps the node of its access, so the stack of an earlier access can always be rebuilt: racecheck never
 * prints Go's "[failed to restore the stack]".
 *
 * <p>When a leaf (access) node is first used, the real stack is captured once with a {@link StackWalker}: it adds
 * the JDK frames between instrumented methods ({@code Thread.run}, {@code ArrayList.forEach}). Captured stacks are
 * nodes of a {@link StackTrie}, so they share their common outer frames; a leaf keeps one int, the node of its
 * innermost frame.
 *
 * <p>A capture walks only the frames it cannot prove it already has. After a capture, each entry of the thread's
 * shadow stack that was matched to its real frame is marked ({@link #MARK}) and the trie node of the stack up to
 * that frame is kept in {@code ThreadState.stackNodes}. A frame's next call writes its site unmarked, so while the
 * entries {@code 0..k} are all marked, frames {@code 0..k} are each still in the very call they were in at that
 * capture: the same activations, with the same frames below them. The next capture on that thread walks from the
 * top down to frame {@code k} only (matching each instrumented frame on the way to its call site), and puts what it
 * walked on top of the node kept for frame {@code k}. What differs between two visits of one call path, say the
 * JDK frames of {@code map.forEach} on a HashMap and on a TreeMap, is always walked: a new call rewrites the site.
 * The one way to be wrong needs an instrumented frame that made no call of its own: JDK code, inside one call of a
 * marked frame, calls an instrumented method again through other JDK frames than the first time, and the new
 * activation reaches instrumented code only through the JVM (a class initializer, a class loader) on the very line
 * where its predecessor made its call; that stack would show the predecessor's JDK frames. A walk that cannot match
 * every instrumented frame to its call site marks nothing, and the next one is whole.
 *
 * <p>Bounded: at most {@link #maxPaths} call-path nodes and (softly: captures under way may finish) {@code
 * maxStackNodes} stack nodes, each a small fraction of the heap ({@link #limit}). Past the stack-node limit, new
 * leaves are not captured: their stacks are rebuilt from their call sites, every instrumented frame but no JDK frame
 * between them. Past the call-path limit, a new call path is cut to its access line (a site-only leaf, one per
 * site). A warning says so the first time either happens.
 */
public final class CallPaths {
    static final int ROOT = 0;
    /** The parent of site-only leaves: "the rest of the stack was not kept". */
    static final int TRUNCATED = 1;
    /** Set in a shadow-stack entry ({@code ThreadState.sites}) by a capture; see the class comment. */
    public static final int MARK = 0x8000_0000;
    static final int SITE = 0x7FFF_FFFF;

    /** {@link #stackOf} of a leaf whose capture is under way: its stack is rebuilt from call sites meanwhile. */
    private static final int CLAIMED = -1;
    /** {@link #stackOf} of a leaf that has no captured stack and will not get one. */
    private static final int UNCAPTURED = -2;

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String OWN_PACKAGE = "dev.racecheck.agent.";
    private static final String[] OWN_FRAMES = {OWN_PACKAGE};
    /** What a thread start's stack leaves out at the top: racecheck's frames and those of starting a thread. */
    private static final String[] START_FRAMES = {OWN_PACKAGE, "java.lang.Thread", "java.lang.VirtualThread",
            "java.util.concurrent.ThreadPerTaskExecutor"};

    private static final CallPaths GLOBAL = new CallPaths(
            limit(Runtime.getRuntime().maxMemory(), 40), limit(Runtime.getRuntime().maxMemory(), 32));

    private final int maxPaths;
    private final int maxStackNodes;
    private final StackTrie stacks = new StackTrie();

    private int[] parents = new int[1024];
    private int[] sites = new int[1024];
    /** Per node: its captured stack's node in {@link #stacks}, or 0 (never a leaf yet), CLAIMED or UNCAPTURED. */
    private int[] stackOf = new int[1024];
    private int size = 2;
    private int siteOnly;
    /** Open addressing over node ids; 0 is empty (neither the root nor TRUNCATED is anybody's child here). */
    private int[] table = new int[4096];
    private boolean pathsWarned;
    private boolean stacksWarned;

    /* Diagnostics, under the lock. */
    private long walks;
    private long partialWalks;
    private long framesWalked;

    CallPaths(int maxPaths, int maxStackNodes) {
        this.maxPaths = maxPaths;
        this.maxStackNodes = maxStackNodes;
        parents[TRUNCATED] = ROOT;
        stackOf[TRUNCATED] = UNCAPTURED;
    }

    /**
     * How many nodes a table may hold: a 1/32 of the heap each at {@code bytesPerNode} (arrays, hash table and
     * growth slack, see {@link #summary}), at least 2^16 and at most 2^24.
     */
    static int limit(long maxHeap, int bytesPerNode) {
        return (int) Math.max(1 << 16, Math.min(1 << 24, maxHeap / 32 / bytesPerNode));
    }

    // ---- the static API the runtime uses: one set of tables for the JVM ------------------------------------

    /**
     * The node of an access at {@code site} made by the method in frame {@code base} of {@code ts}.
     * Costs a few array compares when the thread's stack has not changed since its last slow-path access.
     */
    public static int leaf(ThreadState ts, int base, int site) {
        return GLOBAL.leafOf(ts, base, site);
    }

    /**
     * The node of an acquisition made earlier at {@code site} by frame {@code base} of {@code ts}, which is still the
     * same activation and has not left the frames below it (a monitor it holds); the thread is now at {@code nowSite}
     * in its frame {@code nowBase} ({@code >= base}). Should the node need its stack captured, the walk leaves out the
     * frames above {@code base} and shows frame {@code base} at {@code site}, as a capture made then would have.
     */
    public static int heldLeaf(ThreadState ts, int base, int site, int nowBase, int nowSite) {
        // Frame base is below the thread's current one; if not, no frame matches and its stack is not captured.
        return GLOBAL.leafOf(ts, base, site, Math.max(nowBase, base), nowSite);
    }

    /** The access site of a leaf node. */
    public static int site(int node) {
        return GLOBAL.siteOf(node);
    }

    /** The stack of a node, innermost frame first. */
    public static List<Frame> frames(int node) {
        return GLOBAL.framesOf(node);
    }

    public static int size() {
        return GLOBAL.pathCount();
    }

    /** What the tables hold and cost, for verbose=1. */
    public static String summary() {
        return GLOBAL.describe();
    }

    /**
     * Where the current thread is starting a thread: the node of its stack without racecheck's frames and those of
     * Thread itself; 0 (no frame) past the stack-node limit.
     */
    public static int startStack(ThreadState ts) {
        return GLOBAL.startStackOf(ts);
    }

    /** A stack node's frames ({@link #startStack}), innermost first. */
    public static List<Frame> stack(int stackNode) {
        return GLOBAL.stacks.frames(stackNode);
    }

    /** The current thread's stack, without racecheck's own frames, innermost first. */
    public static List<Frame> captureStack() {
        return WALKER.walk(ToFrames.INSTANCE);
    }

    // ---- one set of tables ------------------------------------------------------------------------------------

    int leafOf(ThreadState ts, int base, int site) {
        return leafOf(ts, base, site, -1, 0);
    }

    /** {@link #leafOf(ThreadState, int, int)}, or with {@code nowBase >= 0} {@link #heldLeaf}. */
    int leafOf(ThreadState ts, int base, int site, int nowBase, int nowSite) {
        int node = prefix(ts, base);
        if (ts.leafKeys == null) ts.makeLeafCache();
        long key = ((long) node << 32) | site;
        int slot = (int) (key ^ (key >>> 29)) & (ts.leafKeys.length - 1);
        if (ts.leafKeys[slot] == key) return ts.leafNodes[slot];
        int leaf = leafNode(node, site);
        if (leaf < 0) {
            leaf = -leaf;
            capture(ts, base, leaf, nowBase < 0 ? null : new Held(ts.sites, base, site, nowBase, nowSite));
        }
        ts.leafKeys[slot] = key;
        ts.leafNodes[slot] = leaf;
        return leaf;
    }

    /** Node of the call path {@code sites[0..base-1]} of the thread, reusing what is still valid of its cache. */
    private int prefix(ThreadState ts, int base) {
        int[] s = ts.sites;
        if (ts.pathNodes.length < base) {
            ts.pathNodes = Arrays.copyOf(ts.pathNodes, Math.max(base, ts.pathNodes.length * 2));
            ts.pathSites = Arrays.copyOf(ts.pathSites, ts.pathNodes.length);
        }
        int[] nodes = ts.pathNodes;
        int[] from = ts.pathSites;
        int i = 0;
        int limit = Math.min(base, ts.pathValid);
        while (i < limit && from[i] == (s[i] & SITE)) i++;
        int node = i == 0 ? ROOT : nodes[i - 1];
        if (i < base) {
            for (; i < base; i++) {
                int site = s[i] & SITE;
                node = pathNode(node, site);
                nodes[i] = node;
                from[i] = site;
            }
            ts.pathValid = base;
        } else if (base > ts.pathValid) {
            ts.pathValid = base;
        }
        return node;
    }

    /** The inner (call-site) node {@code (parent, site)}; TRUNCATED past the limit. */
    private int pathNode(int parent, int site) {
        if (parent == TRUNCATED) return TRUNCATED;
        synchronized (this) {
            int n = find(parent, site);
            if (n != 0) return n;
            if (size - 2 - siteOnly < maxPaths) return add(parent, site, 0);
            if (pathsWarned) return TRUNCATED;
            pathsWarned = true;
        }
        warnPaths();
        return TRUNCATED;
    }

    /**
     * The leaf {@code (parent, site)}: negative (minus the node) when the caller is the one to capture its stack.
     * Past the call-path limit, the site-only leaf of {@code site}.
     */
    private int leafNode(int parent, int site) {
        boolean warnPaths = false;
        boolean warnStacks = false;
        int n;
        synchronized (this) {
            n = parent == TRUNCATED ? 0 : find(parent, site);
            if (n == 0 && parent != TRUNCATED && size - 2 - siteOnly < maxPaths) n = add(parent, site, 0);
            if (n == 0) {
                warnPaths = !pathsWarned && parent != TRUNCATED;
                pathsWarned |= warnPaths;
                n = siteOnlyLeaf(site);
            } else if (stackOf[n] == 0) {
                if (stacks.size() < maxStackNodes) {
                    stackOf[n] = CLAIMED;
                    return -n;
                }
                stackOf[n] = UNCAPTURED;
                warnStacks = !stacksWarned;
                stacksWarned = true;
            }
        }
        if (warnPaths) warnPaths();
        if (warnStacks) {
            Internal.warn(maxStackNodes + " stack frames kept for distinct call paths: the stacks of accesses on"
                    + " new call paths now show their instrumented frames but not the JDK frames between them");
        }
        return n;
    }

    private void warnPaths() {
        Internal.warn(maxPaths + " distinct call paths kept: the stack of an access on a new call path is now"
                + " cut to its access line when it is reported as the previous access");
    }

    private int siteOnlyLeaf(int site) {
        int n = find(TRUNCATED, site);
        if (n != 0) return n;
        siteOnly++;
        return add(TRUNCATED, site, UNCAPTURED);
    }

    private int find(int parent, int site) {
        int mask = table.length - 1;
        for (int i = hash(parent, site) & mask, n; (n = table[i]) != 0; i = (i + 1) & mask) {
            if (parents[n] == parent && sites[n] == site) return n;
        }
        return 0;
    }

    private int add(int parent, int site, int stack) {
        int node = size++;
        if (node == parents.length) {
            parents = Arrays.copyOf(parents, node * 2);
            sites = Arrays.copyOf(sites, node * 2);
            stackOf = Arrays.copyOf(stackOf, node * 2);
        }
        parents[node] = parent;
        sites[node] = site;
        stackOf[node] = stack;
        if (size * 2 > table.length) {
            table = new int[table.length * 2];
            for (int n = TRUNCATED + 1; n < size; n++) insert(table, n);
        } else {
            insert(table, node);
        }
        return node;
    }

    private void insert(int[] t, int node) {
        int mask = t.length - 1;
        int i = hash(parents[node], sites[node]) & mask;
        while (t[i] != 0) i = (i + 1) & mask;
        t[i] = node;
    }

    private static int hash(int parent, int site) {
        return StackTrie.mix(parent * 0x9E3779B9 + site);
    }

    synchronized int siteOf(int node) {
        return sites[node];
    }

    List<Frame> framesOf(int node) {
        int stack;
        synchronized (this) {
            stack = stackOf[node];
        }
        if (stack > 0) return stacks.frames(stack);
        List<Frame> out = new ArrayList<>();
        synchronized (this) {
            for (int n = node; n != ROOT && n != TRUNCATED; n = parents[n]) {
                int s = sites[n];
                out.add(new Frame(Sites.className(s), Sites.method(s), Sites.file(s), Sites.line(s)));
            }
        }
        return out;
    }

    /** Call-path nodes, the site-only leaves past the limit not counted. */
    synchronized int pathCount() {
        return size - 2 - siteOnly;
    }

    synchronized int siteOnlyCount() {
        return siteOnly;
    }

    /** The stack node of a leaf, 0 when it has none. */
    synchronized int stackNode(int leaf) {
        return Math.max(stackOf[leaf], 0);
    }

    StackTrie stacks() {
        return stacks;
    }

    synchronized long walks() {
        return walks;
    }

    synchronized long partialWalks() {
        return partialWalks;
    }

    synchronized long framesWalked() {
        return framesWalked;
    }

    /** Bytes of the call-path arrays (allocated lengths). */
    synchronized long bytes() {
        return 4L * (parents.length + sites.length + stackOf.length + table.length);
    }

    String describe() {
        long pathBytes;
        int paths;
        int cut;
        long w;
        long partial;
        long walked;
        synchronized (this) {
            pathBytes = bytes();
            paths = size - 2 - siteOnly;
            cut = siteOnly;
            w = walks;
            partial = partialWalks;
            walked = framesWalked;
        }
        return "stacks: " + paths + " call paths" + (cut > 0 ? " (" + cut + " cut to their access line)" : "")
                + ", " + (stacks.size() - 1) + " stack nodes over " + stacks.frameCount() + " distinct frames, "
                + (pathBytes + stacks.bytes()) / 1024 + " KB of arrays; " + w + " stack walks (" + partial
                + " partial), " + walked + " frames walked";
    }

    // ---- capture --------------------------------------------------------------------------------------------

    int startStackOf(ThreadState ts) {
        if (stacks.size() >= maxStackNodes) {
            Internal.warn(maxStackNodes + " stack frames kept: threads started from now on have no start stack");
            return StackTrie.ROOT;
        }
        return walk(ts, ts.depth, false, START_FRAMES, null);
    }

    /**
     * Captures the current stack as leaf {@code leaf}'s, claimed by this thread; for an acquisition made earlier
     * ({@code held} not null), from that frame down. Never throws.
     */
    private void capture(ThreadState ts, int base, int leaf, Held held) {
        int stack = UNCAPTURED;
        try {
            stack = walk(ts, base, true, OWN_FRAMES, held);
        } catch (Throwable e) {
            Internal.error("capturing a stack", e);
        } finally {
            synchronized (this) {
                stackOf[leaf] = stack;
            }
        }
    }

    /**
     * Walks the current stack into {@link #stacks} and returns its node. {@code base} instrumented frames are below
     * the top: with {@code accessOnTop}, below the access's own frame, the first one past {@code dropped}.
     *
     * @param dropped prefixes of the classes of the frames left out at the top of the stack
     * @param held an earlier acquisition's frame, where the walk begins; {@link #UNCAPTURED} if it is not found
     */
    private int walk(ThreadState ts, int base, boolean accessOnTop, String[] dropped, Held held) {
        int[] s = ts.sites;
        int[] known = ts.stackNodes;
        int marked = 0;
        if (known != null) {
            int limit = Math.min(base, known.length);
            while (marked < limit && (s[marked] & MARK) != 0) marked++;
        }
        int splice = marked - 1;
        Walk w = WALKER.walk(new Walk(s, base, splice, accessOnTop, dropped, held));
        if (held != null && held.skipping >= 0) return UNCAPTURED;
        int[] nodes = new int[w.count];
        int node;
        synchronized (stacks) {
            node = w.spliced ? known[splice] : ROOT;
            for (int i = w.count - 1; i >= 0; i--) {
                StackTraceElement e = w.frames[i];
                node = stacks.child(node, stacks.frame(e.getClassName(), e.getMethodName(), e.getFileName(),
                        e.getLineNumber(), e.getModuleName()));
                nodes[i] = node;
            }
        }
        synchronized (this) {
            walks++;
            if (w.spliced) partialWalks++;
            framesWalked += w.walked;
        }
        // Every instrumented frame matched to its call site, so each match is the right frame (see Walk): keep
        // the node of each, and mark its entry.
        if (w.spliced || w.expect < 0) {
            if (known == null || known.length < base) {
                known = ts.stackNodes = known == null ? new int[Math.max(base, 32)]
                        : Arrays.copyOf(known, Math.max(base, known.length * 2));
            }
            int[] now = ts.sites;
            for (int i = 0; i < w.count; i++) {
                int j = w.matched[i];
                if (j >= 0 && (now[j] & SITE) == w.matchedSites[i]) {
                    known[j] = nodes[i];
                    now[j] |= MARK;
                }
            }
        }
        return node;
    }

    /**
     * One stack walk, from the innermost frame out. The first frame past racecheck's own is the access's; below
     * it, instrumented frames {@code base-1, base-2, ...} are matched in turn to their call sites (class, method and
     * line); the frames between them (JDK code, uninstrumented code) match no call site. The walk stops at frame
     * {@code splice}, whose stack is known, or goes on to the end. Matching every instrumented frame down to frame 0
     * proves each match right: there are exactly {@code base} instrumented frames below the access's, and matches
     * keep their order, so the i-th match is frame i.
     */
    private static final class Walk implements Function<Stream<StackFrame>, Walk> {
        final int[] sites;
        final int base;
        final int splice;
        final boolean accessOnTop;
        final String[] dropped;
        /** The frames kept, innermost first (frame {@code splice} itself is not: its node is known). */
        StackTraceElement[] frames = new StackTraceElement[16];
        /** Per kept frame: the index of the instrumented frame it was matched to, or -1; and that frame's site. */
        int[] matched = new int[16];
        int[] matchedSites = new int[16];
        int count;
        int walked;
        /** The next instrumented frame to match, -1 once frame 0 is matched. */
        int expect;
        boolean spliced;

        private String expectedClass;
        private String expectedMethod;
        private int expectedLine;
        private int expectedSite;

        private final Held held;

        Walk(int[] sites, int base, int splice, boolean accessOnTop, String[] dropped, Held held) {
            this.sites = sites;
            this.base = base;
            this.splice = splice;
            this.accessOnTop = accessOnTop;
            this.dropped = dropped;
            this.held = held;
            this.expect = base - 1;
        }

        @Override
        public Walk apply(Stream<StackFrame> stream) {
            Iterator<StackFrame> it = stream.iterator();
            boolean top = true;
            boolean first = accessOnTop;
            load();
            while (it.hasNext()) {
                StackFrame f = it.next();
                walked++;
                if (top && startsWithAny(f.getClassName(), dropped)) continue;
                top = false;
                StackTraceElement e = f.toStackTraceElement();
                if (held != null && held.skipping >= 0) {
                    e = held.pass(e);
                    if (e == null) continue;
                }
                int index = -1;
                int site = 0;
                if (!first && expect >= 0 && e.getLineNumber() == expectedLine
                        && e.getMethodName().equals(expectedMethod) && e.getClassName().equals(expectedClass)) {
                    index = expect--;
                    site = expectedSite;
                    if (index == splice) {
                        spliced = true;
                        break;
                    }
                    load();
                }
                first = false;
                add(e, index, site);
            }
            return this;
        }

        private void load() {
            if (expect < 0) return;
            expectedSite = sites[expect] & SITE;
            expectedClass = Sites.className(expectedSite);
            expectedMethod = Sites.method(expectedSite);
            expectedLine = Sites.line(expectedSite);
        }

        private void add(StackTraceElement e, int index, int site) {
            if (count == frames.length) {
                frames = Arrays.copyOf(frames, count * 2);
                matched = Arrays.copyOf(matched, count * 2);
                matchedSites = Arrays.copyOf(matchedSites, count * 2);
            }
            frames[count] = e;
            matched[count] = index;
            matchedSites[count] = site;
            count++;
        }
    }

    /**
     * An acquisition made earlier by frame {@code base} at {@code site}, captured now from a frame above it: the walk
     * passes the frames above it (matching each instrumented one, {@code now} down to {@code base + 1}, to its
     * current call site, the innermost to {@code nowSite}), then shows frame {@code base} at {@code site}.
     */
    private static final class Held {
        private final int[] sites;
        private final int base;
        private final int site;
        private final int nowBase;
        private final int nowSite;
        /** The frame to match next, -1 once frame {@code base} is passed. */
        int skipping;

        Held(int[] sites, int base, int site, int nowBase, int nowSite) {
            this.sites = sites;
            this.base = base;
            this.site = site;
            this.nowBase = nowBase;
            this.nowSite = nowSite;
            this.skipping = nowBase;
        }

        /** Null for a frame above the acquisition's; its frame, at the acquisition's line. */
        StackTraceElement pass(StackTraceElement e) {
            int at = skipping == nowBase ? nowSite : sites[skipping] & SITE;
            if (e.getLineNumber() != Sites.line(at) || !e.getMethodName().equals(Sites.method(at))
                    || !e.getClassName().equals(Sites.className(at))) {
                return null;
            }
            if (skipping-- > base) return null;
            skipping = -1;
            return new StackTraceElement(e.getClassLoaderName(), e.getModuleName(), e.getModuleVersion(),
                    e.getClassName(), e.getMethodName(), e.getFileName(), Sites.line(site));
        }
    }

    private static boolean startsWithAny(String className, String[] prefixes) {
        for (String p : prefixes) {
            if (className.startsWith(p)) return true;
        }
        return false;
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
                if (inRacecheck && f.getClassName().startsWith(OWN_PACKAGE)) continue;
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
}
