package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pair of NoRaceFinalFieldList: the list is filled after the constructor returned (after the freeze), then the
 * object is published by a data race. JLS 17.5 guarantees only what the constructor left.
 * Expected: race on java.util.ArrayList (ArrayList.add vs ArrayList.size)
 */
public final class RaceFinalFieldList {
    static final class Tags {
        final List<String> tags;

        Tags() {
            tags = new ArrayList<>();
        }
    }

    static final AtomicReference<Tags> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            Tags t = new Tags();
            t.tags.add("a"); // racy access
            slot.setPlain(t); // racy publication: no edge
        }, "writer");
        writer.start();
        Tags t;
        while ((t = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("RaceFinalFieldList: " + t.tags.size()); // racy access
        writer.join();
    }
}
