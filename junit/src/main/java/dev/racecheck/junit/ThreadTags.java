package dev.racecheck.junit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The test tags of the current thread as a stack, on top of the agent's single tag per thread.
 *
 * <p>Needed for JUnit's parallel execution: a ForkJoinPool worker that waits for its children (a class container
 * joining its test methods) may run another node meanwhile, nested on the same stack (work stealing). When that
 * nested node ends, the outer node's tag must come back rather than no tag at all. The listener and the extension
 * may both tag the same test; the stack makes that harmless too.
 */
final class ThreadTags {
    private static final ThreadLocal<Deque<String>> TAGS = ThreadLocal.withInitial(ArrayDeque::new);

    private ThreadTags() {
        // no instances
    }

    /** Tags the current thread (and the threads it starts from now on) with {@code id}. */
    static void enter(String id) {
        if (!Agent.ACTIVE) return;
        TAGS.get().push(id);
        Agent.enterTest(id);
    }

    /** Removes {@code id} from the current thread's tags; the tag below it, if any, is in force again. */
    static void exit(String id) {
        if (!Agent.ACTIVE) return;
        Deque<String> tags = TAGS.get();
        // Normally the top; removeFirstOccurrence keeps the stack right even if a callback was skipped.
        tags.removeFirstOccurrence(id);
        String outer = tags.peek();
        if (outer == null) {
            TAGS.remove();
            Agent.exitTest();
        } else {
            Agent.enterTest(outer);
        }
    }
}
