package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle compareAndSet (volatile semantics), edge broken: the writer writes after compareAndSet().
 * Expected: race on static field dev.racecheck.it.edges.RaceVarHandleCompareAndSet.data
 */
public final class RaceVarHandleCompareAndSet {
    static int data;

    static boolean ready; // accessed only through READY

    static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findStaticVarHandle(
                    RaceVarHandleCompareAndSet.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        // Warm-up (see Edges): link both access modes here, before the writer starts, so that the first-time linking
        // of its call site in the writer thread finds the JDK's method types already made.
        READY.compareAndSet(false, false);
        boolean unused = (boolean) READY.getVolatile();
        Thread writer = Edges.thread("writer", () -> {
            READY.compareAndSet(false, true);
            data = 42; // racy access
        });
        writer.start();
        while (!(boolean) READY.getVolatile()) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceVarHandleCompareAndSet: " + data); // racy access
        writer.join();
    }
}
