package dev.racecheck.it.edges;

/**
 * A compare-and-set that succeeds writes the variable and releases: for each kind of atomic variable of
 * {@link CompareAndSets} (the atomics, atomic arrays, stamped and markable references, field updaters, VarHandles),
 * the writer writes the path's slot, then its compare-and-set succeeds; the reader reads the variable, then the slot.
 * Expected: no race
 */
public final class NoRaceCompareAndSet {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompareAndSets paths = new CompareAndSets(true);
        int[] slots = new int[paths.size()];
        Edges.Signal written = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = i + 1;
                Edges.check(paths.write(i), "the compare-and-set succeeded");
            }
            written.raise();
        });
        writer.start();
        written.await("the writer's compare-and-sets");
        int sum = 0;
        for (int i = 0; i < slots.length; i++) {
            paths.read(i);
            sum += slots[i];
        }
        System.out.println("NoRaceCompareAndSet: " + sum);
        Edges.awaitEndWithoutEdge(writer);
    }
}
