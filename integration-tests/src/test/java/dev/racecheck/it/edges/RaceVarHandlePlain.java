package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * No edge: VarHandle plain mode (set/get): like an ordinary field access. A get() that reads the value a set()
 * wrote orders nothing, and the flag itself is raced on: plain accesses through a handle are checked like the
 * field's own.
 * Expected: race on static field dev.racecheck.it.edges.RaceVarHandlePlain.data
 */
public final class RaceVarHandlePlain {
    static int data;

    static boolean ready; // accessed only through READY

    static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findStaticVarHandle(
                    RaceVarHandlePlain.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        // Warm-up (see Edges): link both access modes here, before the writer starts, so that the first-time linking
        // of its call site in the writer thread finds the JDK's method types already made.
        READY.set(false);
        boolean unused = (boolean) READY.get();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            READY.set(true); // racy access
        });
        writer.start();
        while (!(boolean) READY.get()) { // racy access
            Edges.sleep(1);
        }
        System.out.println("RaceVarHandlePlain: " + data); // racy access
        writer.join();
    }
}
