package dev.racecheck.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Calls made the way instrumented code makes them, for tests of stack capture without the agent: each frame here
 * pushes itself onto the thread's shadow stack on entry, writes the site of its call (its class, method and the
 * line of the call) just before calling, and pops itself on exit. Outside {@code dev.racecheck.agent}, so that
 * capture keeps these frames. Each statement that writes a site and the call it is for share one line: the site's
 * line is the line the real frame shows.
 */
public final class InstrumentedCalls {
    private static final Map<String, Integer> SITES = new ConcurrentHashMap<>();

    private InstrumentedCalls() {
    }

    /** {@code frames} nested frames of this method (recursion: one method, one line), then {@code body}. */
    public static <T> T nest(ThreadState ts, int frames, Supplier<T> body) {
        int base = ts.push();
        try {
            if (frames <= 1) {
                ts.sites[base] = callSite(); return body.get(); // one line: the call site is this line
            }
            ts.sites[base] = callSite(); return nest(ts, frames - 1, body); // one line, as above
        } finally {
            ts.depth = base;
        }
    }

    /** One frame that calls {@code map.forEach}; the JDK calls back a frame of {@link #nest} per entry. */
    public static <T> List<T> each(ThreadState ts, Map<?, ?> map, Supplier<T> body) {
        int base = ts.push();
        try {
            List<T> out = new ArrayList<>();
            ts.sites[base] = callSite(); map.forEach((k, v) -> out.add(nest(ts, 1, body))); // one line, as above
            return out;
        } finally {
            ts.depth = base;
        }
    }

    /** The site of the caller's current line, registered once. */
    public static int callSite() {
        StackTraceElement e = StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow()
                .toStackTraceElement();
        return SITES.computeIfAbsent(e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber(),
                k -> Sites.register(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber(), null, null));
    }
}
