package dev.racecheck.agent.runtime;

import dev.racecheck.agent.runtime.analysis.Analysis;

/**
 * JDK-internal work whose synchronization is the JDK's own business, not the program's: class loading and call-site
 * linking, which go through the JDK's concurrent maps (class-loading locks, packages and their certificates, the
 * method-type intern table). JdkModel brackets such methods with {@link #begin} and {@link #end} (on every exit,
 * exceptional ones included); racecheck's events are off in between, so the map rules do not order two threads
 * because both happened to load a class of one package or link a call site of one type.
 * The view-making methods of the synchronized wrappers are bracketed too: their lock is the JDK's, not the
 * program's (see JdkModel's WRAPPER_VIEW_MAKERS).
 *
 * <p>No token is kept in a local of the JDK method: the bracket finds the thread's state itself. The brackets exist
 * only once the agent is enabled (they are added by retransformation after {@link RaceEvents#start}), and
 * {@code enabled} never goes back, so every end matches a begin.
 */
public final class JdkInternals {
    private JdkInternals() {
        // no instances
    }

    public static void begin() {
        if (Analysis.enabled) RaceEvents.thread().ignore++;
    }

    public static void end() {
        if (Analysis.enabled) RaceEvents.thread().ignore--;
    }
}
