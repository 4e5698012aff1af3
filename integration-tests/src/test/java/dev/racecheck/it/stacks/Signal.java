package dev.racecheck.it.stacks;

/**
 * A flag one thread raises and another waits for. {@link StacksIT} excludes this class from instrumentation, so
 * racecheck sees no happens-before edge here: the accesses it orders in time stay a race for racecheck, and the
 * order of the two accesses of the race is fixed.
 */
public final class Signal {
    private static volatile boolean raised;

    private Signal() {
    }

    public static void lower() {
        raised = false;
    }

    public static void raise() {
        raised = true;
    }

    public static void await() {
        while (!raised) Thread.onSpinWait();
    }
}
