package dev.racecheck.agent.runtime.predict;

import java.util.Map;
import java.util.WeakHashMap;

import dev.racecheck.agent.runtime.shadow.VarState;

/**
 * Variables whose reads cannot know their write for sure: two writes to them raced (racecheck's order of the two
 * hooks need not be the order of memory), or a final-field freeze forgot a write the predictive clock did not order.
 * A read of one makes its epoch uncertain ({@link PThread#uncertainFrom}). Held weakly: a variable's state may live in
 * its object, which this must not keep alive. Empty in a program without such races, and then one volatile read.
 */
final class RacyVariables {
    private static final int STRIPES = 16;
    @SuppressWarnings("unchecked")
    private static final Map<VarState, Boolean>[] SETS = new Map[STRIPES];
    private static volatile boolean any;

    static {
        for (int i = 0; i < STRIPES; i++) SETS[i] = new WeakHashMap<>();
    }

    private RacyVariables() {
        // no instances
    }

    private static Map<VarState, Boolean> stripe(VarState v) {
        return SETS[System.identityHashCode(v) & (STRIPES - 1)];
    }

    static void add(VarState v) {
        Map<VarState, Boolean> m = stripe(v);
        synchronized (m) {
            m.put(v, Boolean.TRUE);
        }
        any = true;
    }

    static boolean contains(VarState v) {
        if (!any) return false;
        Map<VarState, Boolean> m = stripe(v);
        synchronized (m) {
            return m.containsKey(v);
        }
    }
}
