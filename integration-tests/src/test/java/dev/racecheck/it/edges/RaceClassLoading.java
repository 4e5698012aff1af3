package dev.racecheck.it.edges;

/**
 * No edge: class loading. Two threads that each load a class of the same package both go through the class
 * loader's own concurrent maps (its packages, their certificates, its per-class-name locks); that is the JDK's
 * bookkeeping, not synchronization the program makes, and racecheck must not order the threads by it.
 * Expected: race on static field dev.racecheck.it.edges.RaceClassLoading.data
 */
public final class RaceClassLoading {
    static int data;

    /** Loaded by the writer, first used there. */
    static final class First {
        static int one() {
            return 1;
        }
    }

    /** Loaded by main, after the writer loaded First. */
    static final class Second {
        static int two() {
            return 2;
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Edges.Signal firstLoaded = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            First.one();
            firstLoaded.raise();
        });
        writer.start();
        firstLoaded.await("the writer loaded First");
        int loaded = Second.two();
        System.out.println("RaceClassLoading: " + data + " " + loaded); // racy access
        writer.join();
    }
}
