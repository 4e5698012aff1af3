package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields, guarantee removed: the same racy publication of an object whose fields are not final.
 * Expected: race on field dev.racecheck.it.edges.RaceFinalField$Point.x
 */
public final class RaceFinalField {
    static final class Point {
        int x;
        int y;

        Point(int x, int y) {
            this.x = x; // racy access
            this.y = y; // racy access
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
        System.out.println("RaceFinalField: " + (p.x + p.y)); // racy access
        writer.join();
    }
}
