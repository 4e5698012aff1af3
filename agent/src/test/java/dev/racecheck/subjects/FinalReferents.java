package dev.racecheck.subjects;

/** Final fields set in constructors, referring to arrays and objects the constructors fill (JLS 17.5 freeze). */
public class FinalReferents {
    public static class Part {
        public int value;
        public Part next;
    }

    public final int[] cells;
    public final Part part;
    public final String name; // a JDK type: no freeze hook

    public FinalReferents(int n) {
        cells = new int[n];
        for (int i = 0; i < n; i++) cells[i] = i + 1;
        part = new Part();
        part.value = n;
        part.next = new Part();
        part.next.value = n * 2;
        name = "n" + n;
    }

    /** Delegates: the freeze happens at the end of the constructor that sets the fields. */
    public FinalReferents() {
        this(3);
    }
}
