package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A VarHandle release and a volatile read of the field, edge broken: the writer writes after setRelease.
 * Expected: race on static field dev.racecheck.it.edges.RaceVarHandleReleaseVolatileRead.data
 */
public final class RaceVarHandleReleaseVolatileRead {
    static final class Flag {
        volatile boolean set;
    }

    static int data;

    static final VarHandle SET;

    static {
        try {
            SET = MethodHandles.lookup().findVarHandle(Flag.class, "set", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Flag flag = new Flag();
        SET.setRelease(new Flag(), false); // warm-up (see Edges)
        Thread writer = Edges.thread("writer", () -> {
            SET.setRelease(flag, true);
            data = 42; // racy access
        });
        writer.start();
        while (!flag.set) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceVarHandleReleaseVolatileRead: " + data); // racy access
        writer.join();
    }
}
