package dev.racecheck.it.reachability;

import java.util.ArrayList;
import java.util.List;

/** Final fields frozen at the end of a constructor, and what they refer to. */
public final class ReachFinal {
    static final class Holder {
        final int[] data;
        final List<Box> boxes;
        final Box box;

        Holder() {
            data = new int[4];
            data[0] = 1;
            boxes = new ArrayList<>();
            Box b = new Box();
            b.plain = 3;
            boxes.add(b);
            box = new Box();
            box.plain = 4;
        }
    }

    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        frozen(t);
        publishedToThread(t);
        t.await();
    }

    static void frozen(Tracker t) {
        Holder h = new Holder();
        t.track("final: object with frozen final fields", h);
        t.track("final: array a final field refers to", h.data);
        t.track("final: list a final field refers to", h.boxes);
        t.track("final: object in that list", h.boxes.get(0));
        t.track("final: object a final field refers to", h.box);
    }

    static Holder shared;

    static void publishedToThread(Tracker t) throws InterruptedException {
        Thread w = new Thread(() -> shared = new Holder());
        w.start();
        w.join();
        Holder h = shared;
        shared = null;
        h.data[1]++;
        t.track("final: object with final fields made by another thread", h);
    }
}
