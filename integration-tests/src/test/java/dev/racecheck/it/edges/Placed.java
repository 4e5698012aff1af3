package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The element the concurrent-collection programs place ({@code NoRaceConcurrentCollection*},
 * {@code NoRaceConcurrentSkipListNavigation} and their Race partners): a plain field {@code v} its producer writes,
 * and a final {@code id} that orders it in sorted collections. Also runs the producers, one per access path: an
 * element's release covers only its own producer's writes, so each path needs its own edge.
 */
final class Placed implements Comparable<Placed> {
    final int id;
    int v;

    Placed(int id) {
        this.id = id;
    }

    @Override
    public int compareTo(Placed o) {
        return Integer.compare(id, o.id);
    }

    /** Producer threads, started together and waited for without an edge (Thread.getState()). */
    static final class Producers {
        private final List<Thread> threads = new ArrayList<>();

        /** A producer named after its access path: it makes an element (its id: the path's number) and places it. */
        void add(String path, Consumer<Placed> body) {
            Placed x = new Placed(threads.size() + 1);
            threads.add(Edges.thread("producer-" + path, () -> body.accept(x)));
        }

        void runWithoutEdge() {
            for (Thread t : threads) {
                t.start();
            }
            Edges.awaitEndWithoutEdge(threads.toArray(new Thread[0]));
        }

        void join() throws InterruptedException {
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
