package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle release/acquire modes, edge broken: the writer writes after setRelease().
 * Expected: race on static field dev.racecheck.it.edges.RaceVarHandleAcquireRelease.data
 */
public final class RaceVarHandleAcquireRelease {
    static int data;

    static boolean ready; // accessed only through READY

    static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findStaticVarHandle(
                    RaceVarHandleAcquireRelease.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        // Warm-up (see Edges): link both access modes here, before the writer starts, so that the first-time linking
        // of its call site in the writer thread finds the JDK's method types already made.
        READY.setRelease(false);
        boolean unused = (boolean) READY.getAcquire();
        Thread writer = Edges.thread("writer", () -> {
            READY.setRelease(true);
            data = 42; // racy access
        });
        writer.start();
        while (!(boolean) READY.getAcquire()) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceVarHandleAcquireRelease: " + data); // racy access
        writer.join();
    }
}
