package dev.racecheck.it.edges;

/**
 * No edge: a write of one volatile field and a read of another volatile field of the same object do not
 * synchronize (JLS 17.4.4 orders accesses to the same variable only).
 * Expected: race on static field dev.racecheck.it.edges.RaceVolatileOtherField.data
 */
public final class RaceVolatileOtherField {
    static final class Flags {
        volatile boolean a;
        volatile boolean b;
    }

    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Flags flags = new Flags();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
            flags.a = true;
        }, "writer");
        writer.start();
        Edges.sleep(100);
        boolean other = flags.b; // a different volatile: no edge from the write of flags.a
        System.out.println("RaceVolatileOtherField: " + data + " " + other); // racy access
        writer.join();
    }
}
