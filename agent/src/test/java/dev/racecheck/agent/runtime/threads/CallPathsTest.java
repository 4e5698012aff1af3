package dev.racecheck.agent.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.reports.Frame;
import dev.racecheck.testsupport.InstrumentedCalls;
import dev.racecheck.testsupport.Outside;

class CallPathsTest {
    private int line = 100;

    private int site(String method) {
        return Sites.register("test.Paths", method, "Paths.java", line++, null, null);
    }

    /** A thread state whose shadow stack holds the given call sites, outermost first. */
    private static ThreadState withStack(int... callSites) {
        ThreadState ts = Threads.create(new Thread("paths"), null, 0);
        for (int s : callSites) {
            int base = ts.push();
            ts.sites[base] = s;
        }
        return ts;
    }

    @Test
    void leaf_should_be_the_same_node_for_the_same_stack_and_site() {
        int a = site("a");
        int b = site("b");
        int access = site("access");
        ThreadState ts = withStack(a, b);
        int first = CallPaths.leaf(ts, 2, access);
        assertEquals(first, CallPaths.leaf(ts, 2, access), "cached");
        ts.pathValid = 0; // drop the thread's caches: the interned trie still gives the same node
        java.util.Arrays.fill(ts.leafKeys, -1L);
        assertEquals(first, CallPaths.leaf(ts, 2, access));
        ThreadState other = withStack(a, b);
        assertEquals(first, CallPaths.leaf(other, 2, access), "call paths are shared by all threads");
        assertEquals(access, CallPaths.site(first));
    }

    @Test
    void leaf_should_differ_for_different_call_sites_depths_or_access_sites() {
        int a = site("a");
        int b = site("b");
        int c = site("c");
        int access = site("access");
        int otherAccess = site("otherAccess");
        ThreadState ts = withStack(a, b);
        int ab = CallPaths.leaf(ts, 2, access);
        ts.sites[1] = c; // the same frame now executes another call
        int ac = CallPaths.leaf(ts, 2, access);
        assertNotEquals(ab, ac);
        int aOnly = CallPaths.leaf(ts, 1, access);
        assertNotEquals(ab, aOnly);
        assertNotEquals(ac, aOnly);
        int other = CallPaths.leaf(ts, 2, otherAccess);
        assertNotEquals(ac, other);
        ts.sites[1] = b; // back to the first path
        assertEquals(ab, CallPaths.leaf(ts, 2, access));
        ThreadState ba = withStack(b, a);
        assertNotEquals(ab, CallPaths.leaf(ba, 2, access), "order matters");
    }

    @Test
    void frames_should_rebuild_a_call_path_innermost_first() {
        int outer = site("outer");
        int middle = site("middle");
        int inner = site("inner");
        ThreadState ts = withStack(outer, middle, inner);
        CallPaths.leaf(ts, 3, site("access"));
        int path = ts.pathNodes[2]; // the (uncaptured) node of sites[0..2]
        List<Frame> frames = CallPaths.frames(path);
        assertEquals(3, frames.size(), frames::toString);
        assertEquals(List.of("inner", "middle", "outer"), frames.stream().map(Frame::methodName).toList());
        Frame f = frames.get(0);
        assertEquals("test.Paths", f.className());
        assertEquals("Paths.java", f.fileName());
        assertEquals(Sites.line(inner), f.line());
        assertEquals(List.of(), CallPaths.frames(CallPaths.ROOT));
    }

    @Test
    void deep_call_paths_should_grow_the_thread_caches() {
        int[] stack = new int[100];
        for (int i = 0; i < stack.length; i++) stack[i] = site("m" + i);
        ThreadState ts = withStack(stack);
        int access = site("access");
        int leaf = CallPaths.leaf(ts, stack.length, access);
        assertEquals(leaf, CallPaths.leaf(withStack(stack), stack.length, access));
        List<Frame> frames = CallPaths.frames(ts.pathNodes[stack.length - 1]);
        assertEquals(100, frames.size());
        assertEquals("m99", frames.get(0).methodName());
        assertEquals("m0", frames.get(99).methodName());
    }

    @Test
    void a_new_leaf_should_keep_the_real_stack_innermost_first() {
        int access = site("access");
        ThreadState ts = withStack(site("x"));
        int leaf = Outside.call(() -> CallPaths.leaf(ts, 1, access));
        List<Frame> frames = CallPaths.frames(leaf);
        assertEquals(Outside.class.getName(), frames.get(0).className(), frames::toString);
        assertEquals("call", frames.get(0).methodName());
        assertTrue(frames.stream().anyMatch(f -> f.methodName().equals("a_new_leaf_should_keep_the_real_stack_innermost_first")),
                "racecheck frames are dropped only at the top of the stack");
    }

    @Test
    void captureStack_should_drop_racechecks_own_frames_at_the_top() {
        List<String> expected = StackWalker.getInstance().walk(s -> s
                .map(f -> f.getClassName() + "." + f.getMethodName())
                .dropWhile(n -> n.startsWith("dev.racecheck.agent."))
                .toList());
        List<Frame> frames = CallPaths.captureStack();
        assertFalse(frames.isEmpty());
        assertFalse(frames.get(0).className().startsWith("dev.racecheck.agent."), frames.get(0).toString());
        assertEquals(expected, frames.stream().map(f -> f.className() + "." + f.methodName()).toList());
        assertTrue(frames.stream().allMatch(f -> f.line() != 0));
    }

    @Test
    void captureStack_should_keep_racecheck_frames_below_application_frames() {
        List<Frame> frames = Outside.call(CallPaths::captureStack);
        assertEquals(Outside.class.getName() + ".call", frames.get(0).className() + "." + frames.get(0).methodName());
        assertTrue(frames.stream().anyMatch(f -> f.className().equals(CallPathsTest.class.getName())));
    }

    // ---- captured stacks: the trie of frames and partial walks ------------------------------------------------

    /** A leaf made by an access, and the real stack at that access (same frame, same line). */
    private record Capture(int leaf, List<Frame> real) {
    }

    /**
     * An access in the innermost frame of {@code ts}: its leaf in {@code paths}, and {@link CallPaths#captureStack}
     * taken at the same line. {@link Outside#call} is the accessing frame (the lambda's frames are racecheck's).
     */
    private Capture access(CallPaths paths, ThreadState ts, int site) {
        return Outside.call(() -> new Capture(paths.leafOf(ts, ts.depth, site), CallPaths.captureStack()));
    }

    private static CallPaths paths() {
        return new CallPaths(1 << 20, 1 << 20);
    }

    private static ThreadState thread() {
        return Threads.create(new Thread("stacks"), null, 0);
    }

    @Test
    void a_captured_stack_should_round_trip_to_the_frames_the_walker_gives() {
        CallPaths paths = paths();
        ThreadState ts = thread();
        Capture c = InstrumentedCalls.nest(ts, 5, () -> access(paths, ts, site("access")));
        List<Frame> frames = paths.framesOf(c.leaf);
        assertEquals(c.real, frames);
        assertEquals(Outside.class.getName(), frames.get(0).className());
        assertEquals(5, frames.stream().filter(f -> f.methodName().equals("nest")).count(), frames::toString);
        assertTrue(frames.stream().anyMatch(f -> f.module() != null), "JDK frames keep their module: " + frames);
        assertEquals(1, paths.walks());
        assertEquals(0, paths.partialWalks(), "nothing was known of this thread's stack");
    }

    @Test
    void a_second_capture_in_the_same_calls_should_walk_only_the_new_frames_and_still_be_whole() {
        CallPaths paths = paths();
        ThreadState ts = thread();
        List<Capture> captures = InstrumentedCalls.nest(ts, 40, () -> {
            Capture first = access(paths, ts, site("first"));
            Capture second = InstrumentedCalls.nest(ts, 3, () -> access(paths, ts, site("second")));
            return List.of(first, second);
        });
        long walked = paths.framesWalked();
        Capture second = captures.get(1);
        assertEquals(second.real, paths.framesOf(second.leaf));
        assertEquals(captures.get(0).real, paths.framesOf(captures.get(0).leaf));
        assertEquals(2, paths.walks());
        assertEquals(1, paths.partialWalks());
        int firstWalk = captures.get(0).real.size();
        assertTrue(walked - firstWalk < 20, () -> "the second walk should stop at the 40th nest frame, it walked "
                + (walked - firstWalk) + " frames of " + second.real.size());
    }

    @Test
    void stacks_with_a_common_outer_part_should_share_its_nodes() {
        CallPaths paths = paths();
        ThreadState ts = thread();
        StackTrie trie = paths.stacks();
        Capture first = InstrumentedCalls.nest(ts, 60, () -> access(paths, ts, site("first")));
        int afterFirst = trie.size();
        Capture second = InstrumentedCalls.nest(ts, 60, () -> InstrumentedCalls.nest(ts, 2,
                () -> access(paths, ts, site("second"))));
        int added = trie.size() - afterFirst;
        assertEquals(second.real, paths.framesOf(second.leaf));
        assertEquals(first.real, paths.framesOf(first.leaf));
        // The two stacks differ from the line of this test method that makes each call: they share every frame
        // below this method, and the second capture adds the frames from the top down to this method's.
        assertEquals(indexOf(second.real, "stacks_with_a_common_outer_part_should_share_its_nodes") + 1, added,
                () -> "only the frames above this test method are new: " + second.real);
        assertEquals(first.real.size(), trie.depth(paths.stackNode(first.leaf)));
        assertEquals(second.real.size(), trie.depth(paths.stackNode(second.leaf)));
    }

    private static int indexOf(List<Frame> frames, String method) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).methodName().equals(method)) return i;
        }
        throw new AssertionError(method + " not in " + frames);
    }

    @Test
    void jdk_frames_between_instrumented_frames_should_be_kept_and_walked_again_after_a_new_call() {
        CallPaths paths = paths();
        ThreadState ts = thread();
        Map<String, String> hash = new HashMap<>(Map.of("k", "v"));
        Map<String, String> tree = new TreeMap<>(Map.of("k", "v"));
        List<Capture> captures = new ArrayList<>();
        // One call site of each() for both maps, and one access site per map: a capture from the HashMap's forEach
        // must not lend its JDK frames to the TreeMap's.
        int[] accessSites = {site("viaHashMap"), site("viaTreeMap")};
        List<Map<String, String>> maps = List.of(hash, tree);
        for (int i = 0; i < 2; i++) {
            int accessSite = accessSites[i];
            captures.addAll(InstrumentedCalls.each(ts, maps.get(i), () -> access(paths, ts, accessSite)));
        }
        List<Frame> viaHash = paths.framesOf(captures.get(0).leaf);
        List<Frame> viaTree = paths.framesOf(captures.get(1).leaf);
        assertEquals(captures.get(0).real, viaHash);
        assertEquals(captures.get(1).real, viaTree);
        assertTrue(viaHash.stream().anyMatch(f -> f.className().equals("java.util.HashMap")
                && f.methodName().equals("forEach")), viaHash::toString);
        assertTrue(viaTree.stream().anyMatch(f -> f.className().equals("java.util.TreeMap")
                && f.methodName().equals("forEach")), viaTree::toString);
    }

    @Test
    void a_capture_in_the_same_forEach_call_should_reuse_the_frames_below_it() {
        CallPaths paths = paths();
        ThreadState ts = thread();
        Map<Integer, Integer> map = new TreeMap<>(Map.of(1, 1, 2, 2, 3, 3));
        int[] next = {0};
        int[] accessSites = {site("e1"), site("e2"), site("e3")};
        List<Capture> captures = InstrumentedCalls.nest(ts, 20, () -> InstrumentedCalls.each(ts, map,
                () -> access(paths, ts, accessSites[next[0]++])));
        for (Capture c : captures) assertEquals(c.real, paths.framesOf(c.leaf));
        assertEquals(3, paths.walks());
        assertEquals(2, paths.partialWalks(), "the later entries' captures stop at the frame that called forEach");
    }

    /**
     * A held monitor's path worked out later, from deeper frames (HeldLocks' lazy paths): the same stack as a capture
     * made when it was taken. The "acquisition" is frame {@code base}'s call at its current site; later the thread
     * is three frames deeper, and says where its innermost frame is now.
     */
    @Test
    void a_held_leaf_captured_from_deeper_frames_should_be_the_stack_of_its_acquisition() {
        CallPaths paths = paths();
        ThreadState ts = thread();
        List<Frame> real = new ArrayList<>();
        int leaf = InstrumentedCalls.nest(ts, 4, () -> {
            int base = ts.depth - 1;
            int site = ts.sites[base];
            real.addAll(CallPaths.captureStack());
            return InstrumentedCalls.nest(ts, 3, () -> paths.leafOf(ts, base, site, ts.depth - 1, ts.sites[ts.depth - 1]));
        });
        assertEquals(real, paths.framesOf(leaf));
        assertEquals(4, real.stream().filter(f -> f.methodName().equals("nest")).count(), real::toString);
        assertEquals(1, paths.walks());
    }

    @Test
    void a_held_leaf_whose_frame_is_not_found_should_be_rebuilt_from_its_call_sites() {
        CallPaths lazy = paths();
        ThreadState ts = thread();
        int elsewhere = site("elsewhere");
        int[] sites = new int[3];
        int leaf = InstrumentedCalls.nest(ts, 3, () -> {
            System.arraycopy(ts.sites, 0, sites, 0, 3);
            return InstrumentedCalls.nest(ts, 2, () -> lazy.leafOf(ts, 2, sites[2], ts.depth - 1, elsewhere));
        });
        List<Frame> frames = lazy.framesOf(leaf);
        assertEquals(3, frames.size(), frames::toString);
        for (int i = 0; i < 3; i++) assertEquals(Sites.line(sites[2 - i]), frames.get(i).line());
    }

    @Test
    void recursion_should_match_each_frame_to_its_own_shadow_entry() {
        CallPaths paths = paths();
        ThreadState ts = thread();
        // Every nest frame has the same site: a partial walk must still stop at the right one of them.
        List<Capture> captures = InstrumentedCalls.nest(ts, 30, () -> {
            Capture a = access(paths, ts, site("a"));
            Capture b = InstrumentedCalls.nest(ts, 30, () -> access(paths, ts, site("b")));
            Capture c = InstrumentedCalls.nest(ts, 7, () -> InstrumentedCalls.nest(ts, 5, () -> access(paths, ts, site("c"))));
            return List.of(a, b, c);
        });
        for (Capture c : captures) assertEquals(c.real, paths.framesOf(c.leaf));
        assertEquals(2, paths.partialWalks());
        assertEquals(60, paths.framesOf(captures.get(1).leaf).stream().filter(f -> f.methodName().equals("nest")).count());
    }

    @Test
    void a_stack_ten_thousand_frames_deep_should_be_captured_whole_and_once() throws Exception {
        CallPaths paths = paths();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread deep = new Thread(null, () -> {
            try {
                ThreadState ts = thread();
                result.set(InstrumentedCalls.nest(ts, 10_000, () -> {
                    Capture a = access(paths, ts, site("deepA"));
                    long walked = paths.framesWalked();
                    Capture b = InstrumentedCalls.nest(ts, 2, () -> access(paths, ts, site("deepB")));
                    return List.of(a, b, paths.framesWalked() - walked);
                }));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "deep", 512L << 20);
        deep.start();
        deep.join();
        if (result.get() instanceof Throwable e) throw new AssertionError(e);
        List<?> r = (List<?>) result.get();
        Capture a = (Capture) r.get(0);
        Capture b = (Capture) r.get(1);
        assertTrue(a.real.size() > 10_000, () -> a.real.size() + " frames");
        assertEquals(a.real, paths.framesOf(a.leaf));
        assertEquals(b.real, paths.framesOf(b.leaf));
        assertTrue((Long) r.get(2) < 20, () -> "the second capture walked " + r.get(2) + " frames");
    }

    @Test
    void threads_capturing_at_once_should_each_get_their_own_stack_and_share_the_common_frames() throws Exception {
        CallPaths paths = paths();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> started = new ArrayList<>();
        List<AtomicReference<Object>> results = new ArrayList<>();
        int[] sites = new int[threads * 20];
        for (int i = 0; i < sites.length; i++) sites[i] = site("concurrent" + i);
        for (int t = 0; t < threads; t++) {
            int id = t;
            AtomicReference<Object> result = new AtomicReference<>();
            results.add(result);
            Thread thread = new Thread(() -> {
                try {
                    ThreadState ts = thread();
                    start.await();
                    List<Capture> captures = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        int accessSite = sites[id * 20 + i];
                        // A depth of its own per thread and per round: new paths, some walks whole, some partial.
                        captures.add(InstrumentedCalls.nest(ts, 10 + id + i % 3, () -> access(paths, ts, accessSite)));
                    }
                    result.set(captures);
                } catch (Throwable e) {
                    result.set(e);
                }
            }, "capturing-" + t);
            started.add(thread);
            thread.start();
        }
        for (Thread t : started) t.join();
        int frames = 0;
        for (AtomicReference<Object> r : results) {
            if (r.get() instanceof Throwable e) throw new AssertionError(e);
            for (Object o : (List<?>) r.get()) {
                Capture c = (Capture) o;
                assertEquals(c.real, paths.framesOf(c.leaf));
                frames += c.real.size();
            }
        }
        int nodes = paths.stacks().size() - 1;
        assertTrue(nodes < frames / 4, nodes + " stack nodes for " + frames + " frames in all: shared frames are kept once");
    }

    @Test
    void past_the_limits_stacks_should_lose_their_jdk_frames_then_be_cut_to_the_access_line() {
        CallPaths paths = new CallPaths(40, 10);
        ThreadState ts = thread();
        List<Capture> captures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int accessSite = site("bounded" + i);
            captures.add(InstrumentedCalls.nest(ts, 1, () -> access(paths, ts, accessSite)));
        }
        // The first capture takes the stack nodes past 10 (every frame of this test's stack): later leaves get no
        // capture, and are rebuilt from their call sites.
        assertEquals(captures.get(0).real, paths.framesOf(captures.get(0).leaf));
        int afterFirst = paths.stacks().size();
        assertTrue(afterFirst > 10, "the limit is soft: a capture under way finishes");
        assertEquals(List.of("bounded1", "nest"), paths.framesOf(captures.get(1).leaf).stream()
                .map(Frame::methodName).toList(), "instrumented frames only: the access and the one nest frame");
        assertEquals(afterFirst, paths.stacks().size(), "no stack node added past the limit");
        assertEquals(40, paths.pathCount(), "call paths stop at the limit");
        Capture last = captures.get(59);
        int lastSite = paths.siteOf(last.leaf);
        List<Frame> cut = paths.framesOf(last.leaf);
        assertEquals(List.of("bounded59"), cut.stream().map(Frame::methodName).toList(),
                "past the call-path limit a leaf is its access site");
        assertEquals(Sites.line(lastSite), cut.get(0).line());
        assertEquals(last.leaf, paths.leafOf(thread(), 0, lastSite), "site-only leaves are shared");
        assertNotEquals(last.leaf, paths.leafOf(thread(), 0, site("bounded60")), "each site has its own");
        assertEquals(40, paths.pathCount());
        assertEquals(60 - 39 + 1, paths.siteOnlyCount(), "the leaves past the 40th path, and bounded60");
    }

    @Test
    void the_slow_path_on_a_known_stack_should_not_allocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CallPaths paths = paths();
        ThreadState ts = withStack(site("outer"), site("middle"));
        int other = site("other");
        int middle = ts.sites[1];
        int access = site("access");
        paths.leafOf(ts, 2, access);
        ts.sites[1] = other;
        paths.leafOf(ts, 2, access);
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            ts.sites[1] = (i & 1) == 0 ? middle : other; // the frame's call changes: the prefix cache misses
            paths.leafOf(ts, 2, access);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, allocated + " bytes allocated by 100,000 slow-path lookups");
    }

    @Test
    void limits_should_follow_the_heap_within_bounds() {
        assertEquals(1 << 16, CallPaths.limit(16L << 20, 40));
        assertEquals((256L << 20) / 32 / 40, CallPaths.limit(256L << 20, 40));
        assertEquals(1 << 24, CallPaths.limit(Long.MAX_VALUE, 40));
    }
}
