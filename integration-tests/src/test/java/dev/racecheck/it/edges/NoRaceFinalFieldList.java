package dev.racecheck.it.edges;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields (JLS 17.5), what they reach through a JDK collection: an immutable object whose final List the
 * constructor filled with objects it made, published by a data race. The reader sees the list, and the objects in
 * it, at least as the constructor left them: racecheck forgets the constructor's writes to the list and to what it
 * holds at the freeze.
 * Expected: no race
 */
public final class NoRaceFinalFieldList {
    static final class Tag {
        String name;

        Tag(String name) {
            this.name = name;
        }
    }

    static final class Tags {
        final List<Tag> tags;

        Tags() {
            List<Tag> l = new ArrayList<>();
            l.add(new Tag("a"));
            l.add(new Tag("b"));
            l.get(1).name = "c";
            tags = l;
        }
    }

    static final AtomicReference<Tags> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> slot.setPlain(new Tags()), "writer"); // racy publication: no edge
        writer.start();
        Tags t;
        while ((t = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceFinalFieldList: " + t.tags.size() + " " + t.tags.get(1).name);
        writer.join();
    }
}
