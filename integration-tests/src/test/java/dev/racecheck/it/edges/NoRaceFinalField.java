package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields (JLS 17.5): a thread that sees a reference to a properly constructed object sees its final fields
 * as the constructor left them, even when the reference was published by a data race (here a plain-mode
 * setPlain/getPlain, which is no edge). racecheck does not track final fields at all.
 * Expected: no race
 */
public final class NoRaceFinalField {
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    static final AtomicReference<Point> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> slot.setPlain(new Point(1, 2)), "writer");
        writer.start();
        Point p;
        while ((p = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceFinalField: " + (p.x + p.y));
        writer.join();
    }
}
