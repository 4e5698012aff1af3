package dev.racecheck.it.edges;

/**
 * Default initialization (JLS 17.4.4): the write of the default value (zero, false, null) to every variable
 * synchronizes-with the first action of every thread, so threads that only read variables still holding their
 * default values (never written) race with nothing.
 * Expected: no race
 */
public final class NoRaceDefaultValue {
    static final class Box {
        int value;
        Object ref;
    }

    static int data;
    static long[] counts;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Box box = new Box();
        long[] cells = new long[4];
        Thread reader = new Thread(() -> {
            Edges.sleep(50);
            System.out.println("NoRaceDefaultValue: reader " + data + " " + box.value + " " + box.ref + " "
                    + cells[2] + " " + counts);
        }, "reader");
        reader.start();
        System.out.println("NoRaceDefaultValue: main " + data + " " + box.value + " " + box.ref + " " + cells[2]
                + " " + counts);
        reader.join();
    }
}
