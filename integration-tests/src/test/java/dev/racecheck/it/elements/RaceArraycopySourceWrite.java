package dev.racecheck.it.elements;

/**
 * One thread writes element 1023 of an int[4096], another copies the whole array with System.arraycopy (a read of
 * every source element, at the call) once the first has ended (in time only): nothing orders the write before the
 * copy.
 * Expected: race on array element int[1023]
 */
public final class RaceArraycopySourceWrite {
    static volatile int[] sink;

    public static void main(String[] args) throws Exception {
        int[] src = new int[4096];
        int[] dst = new int[4096];
        Thread writer = new Thread(() -> src[1023] = 7, "writer"); // racy access
        Thread copier = new Thread(() -> {
            Waits.awaitEnd(writer);
            System.arraycopy(src, 0, dst, 0, src.length); // racy access
            sink = dst;
        }, "copier");
        writer.start();
        copier.start();
        writer.join();
        copier.join();
        System.out.println("RaceArraycopySourceWrite: " + dst[1023]);
    }
}
