package dev.racecheck.subjects;

/** Constructors that throw before super() has returned: in super's argument, or in the superclass constructor. */
public class SuperThrows {
    static class Base {
        Base(int v) {
            if (v < 0) throw new IllegalArgumentException("negative " + v);
        }
    }

    static class Child extends Base {
        int x;

        Child(int v) {
            super(v);
            x = v;
        }
    }

    static int check(int v) {
        if (v == 0) throw new ArithmeticException("zero");
        return v;
    }

    static class Checked extends Base {
        Checked(int v) {
            super(check(v)); // the call that throws runs before super()
        }
    }

    public static String childOf(int v) {
        try {
            return "ok " + new Child(v).x;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public static String checked(int v) {
        try {
            new Checked(v);
            return "ok";
        } catch (ArithmeticException e) {
            return e.getMessage();
        }
    }

    /** Used by tests to throw out of an instrumented constructor into uninstrumented code. */
    public static Object newChild(int v) {
        return new Child(v);
    }

    /** The shadow-stack depth seen by this method before and after a constructor call that throws from super(). */
    public static String depthAcrossFailedConstructor(java.util.function.IntSupplier depth, int v) {
        int before = depth.getAsInt();
        try {
            new Child(v);
        } catch (IllegalArgumentException e) {
            // expected
        }
        int after = depth.getAsInt();
        return before + " " + after;
    }
}
