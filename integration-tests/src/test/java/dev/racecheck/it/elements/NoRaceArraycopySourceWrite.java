package dev.racecheck.it.elements;

/**
 * {@link RaceArraycopySourceWrite} with both the write and the copy made holding the source array's monitor.
 * Expected: no race
 */
public final class NoRaceArraycopySourceWrite {
    static volatile int[] sink;

    public static void main(String[] args) throws Exception {
        int[] src = new int[4096];
        int[] dst = new int[4096];
        Thread writer = new Thread(() -> {
            synchronized (src) {
                src[1023] = 7;
            }
        }, "writer");
        Thread copier = new Thread(() -> {
            synchronized (src) {
                System.arraycopy(src, 0, dst, 0, src.length);
            }
            sink = dst;
        }, "copier");
        writer.start();
        copier.start();
        writer.join();
        copier.join();
        System.out.println("NoRaceArraycopySourceWrite: " + dst[1023]);
    }
}
