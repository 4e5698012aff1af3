package dev.racecheck.it.edges;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A VarHandle and the field's own bytecode access one variable: setRelease(flag, true) through the handle, then an
 * ordinary read of the volatile field that sees true. The release pairs with the volatile read.
 * Expected: no race
 */
public final class NoRaceVarHandleReleaseVolatileRead {
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
            data = 42;
            SET.setRelease(flag, true);
        });
        writer.start();
        while (!flag.set) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceVarHandleReleaseVolatileRead: " + data);
        writer.join();
    }
}
