package dev.racecheck.agent.runtime.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.reports.Frame;
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
}
