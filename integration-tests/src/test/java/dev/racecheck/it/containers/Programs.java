package dev.racecheck.it.containers;

/**
 * Helpers of the container programs; none is a happens-before edge. As in the edge programs ({@code Edges}), main
 * does the JDK's first-use work (class loading, linking string concatenations) before the threads under test start:
 * racecheck models the JDK's internal ConcurrentHashMaps, whose use by two threads would order them by accident.
 */
final class Programs {
    private Programs() {
    }

    /** Links the string concatenations the programs print with, in main before any other thread starts. */
    static void warmUp() {
        int i = 1;
        long l = 2;
        String s = "s";
        Object o = s;
        boolean b = true;
        String linked = "" + i + s + l + o + b + ("" + i) + (s + i) + (s + l) + (s + s) + (s + o) + (s + b)
                + (s + i + s + i) + (s + s + s + i) + (s + i + s + s);
        if (linked.isEmpty()) {
            throw new AssertionError();
        }
    }

    /** {@link Thread#sleep}: orders nothing. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException("unexpected interrupt", e);
        }
    }

    /** A body that may throw checked exceptions. */
    interface Body {
        void run() throws Exception;
    }

    /** An unstarted thread running {@code body}. */
    static Thread thread(String name, Body body) {
        return new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name);
    }
}
