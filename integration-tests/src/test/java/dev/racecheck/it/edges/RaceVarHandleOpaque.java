package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * No edge: VarHandle opaque mode (setOpaque/getOpaque): coherent and progress-guaranteed, but not ordering. A
 * getOpaque() that reads the value a setOpaque() wrote orders nothing. The flag itself is not raced on: opaque
 * accesses are atomic (racecheck treats them as ThreadSanitizer treats C++ relaxed atomics), so the only report is
 * about data.
 * Expected: race on static field dev.racecheck.it.edges.RaceVarHandleOpaque.data
 */
public final class RaceVarHandleOpaque {
    static int data;

    static boolean ready; // accessed only through READY

    static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findStaticVarHandle(
                    RaceVarHandleOpaque.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        // Warm-up (see Edges): link both access modes here, before the writer starts, so that the first-time linking
        // of its call site in the writer thread finds the JDK's method types already made.
        READY.setOpaque(false);
        boolean unused = (boolean) READY.getOpaque();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            READY.setOpaque(true);
        });
        writer.start();
        while (!(boolean) READY.getOpaque()) {
            Edges.sleep(1);
        }
        System.out.println("RaceVarHandleOpaque: " + data); // racy access
        writer.join();
    }
}
