package dev.racecheck.subjects;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/** Objects copied by clone(): the copy's fields are its own, and the copy does not keep the original alive. */
public class Clones {
    /** What the program keeps: copies only. */
    static final List<Object> KEPT = new ArrayList<>();

    public static class Cell implements Cloneable {
        public int value;
        public Object next;

        @Override
        public Cell clone() {
            try {
                return (Cell) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A subclass whose clone() is its superclass's, called on a receiver of the subclass. */
    public static class Labelled extends Cell {
        public String label;
    }

    /** Clones and changes the copies; the originals keep their values. */
    static int run() {
        Cell a = new Cell();
        a.value = 2;
        Cell b = a.clone();
        b.value += 3;
        Labelled l = new Labelled();
        l.label = "x";
        l.value = 7;
        Labelled m = (Labelled) l.clone();
        m.label = m.label + "y";
        m.value++;
        return a.value * 1000 + b.value * 100 + l.value * 10 + m.value + m.label.length();
    }

    /** Makes objects, writes their fields, keeps clones of them (untouched since); returns the originals, weakly. */
    static List<WeakReference<Object>> keepClonesOnly() {
        Cell a = new Cell();
        a.value = 1;
        a.next = "n";
        KEPT.add(a.clone());
        Labelled l = new Labelled();
        l.label = "l";
        l.value = 2;
        KEPT.add(l.clone());
        return List.of(new WeakReference<>(a), new WeakReference<>(l));
    }
}
