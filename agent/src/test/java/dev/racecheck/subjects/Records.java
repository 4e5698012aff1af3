package dev.racecheck.subjects;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Records: compact constructors, static state, generated equals/hashCode/toString, nested and generic records. */
public class Records {
    record Point(int x, int y) implements Comparable<Point> {
        static int made;

        Point {
            if (x < 0) throw new IllegalArgumentException("negative x " + x);
            made++;
        }

        Point withX(int nx) {
            return new Point(nx, y);
        }

        double length() {
            return Math.sqrt((double) x * x + (double) y * y);
        }

        @Override
        public int compareTo(Point o) {
            return Double.compare(length(), o.length());
        }
    }

    record Pair<A, B>(A first, B second) {
    }

    record Samples(long id, double[] values) {
        double sum() {
            double s = 0;
            for (double v : values) s += v;
            return s;
        }
    }

    public static String run() {
        Point p = new Point(3, 4);
        Point q = p.withX(6);
        Set<Point> sorted = new TreeSet<>(List.of(q, p, new Point(0, 1)));
        Pair<Point, String> pair = new Pair<>(p, "p");
        Samples s = new Samples(7L, new double[] {1.5, 2.5});
        s.values()[0] = 10;
        String error;
        try {
            new Point(-1, 0);
            error = "none";
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        return p + " " + q + " " + p.equals(new Point(3, 4)) + " " + (p.hashCode() == new Point(3, 4).hashCode()) + " "
                + sorted + " " + pair + " " + s.sum() + " " + Arrays.toString(s.values()) + " " + Point.made + " " + error;
    }
}
