package dev.racecheck.it.edges;

/**
 * No edge: a compare-and-set that fails writes nothing and releases nothing (it reads: it still acquires). For each
 * kind of atomic variable of {@link CompareAndSets}, the writer writes the path's slot, then its compare-and-set,
 * given a value the variable does not hold, fails; the reader reads the variable, then the slot. (racecheck used to
 * release on entry of every compare-and-set.)
 * Expected: race on array element int[0]
 */
public final class RaceCompareAndSetFailed {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompareAndSets paths = new CompareAndSets(false);
        int[] slots = new int[paths.size()];
        Edges.Signal written = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = i + 1; // racy access
                Edges.check(!paths.write(i), "the compare-and-set failed");
            }
            written.raise();
        });
        writer.start();
        written.await("the writer's compare-and-sets");
        int sum = 0;
        for (int i = 0; i < slots.length; i++) {
            paths.read(i);
            sum += slots[i]; // racy access
        }
        System.out.println("RaceCompareAndSetFailed: " + sum);
        Edges.awaitEndWithoutEdge(writer);
    }
}
