package dev.racecheck.subjects;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Constructors that write fields before super(): inner classes (this$0), anonymous and local classes capturing
 * locals (val$x), and arguments to super(...) that read fields, allocate, call and branch; this(...) delegation.
 */
public class Constructors {
    int base = 10;
    final List<String> log = new ArrayList<>();

    static class Base {
        final int value;

        Base(int value) {
            this.value = value;
        }
    }

    class Inner extends Base {
        int extra;

        Inner(int v) {
            super(v + base); // reads the outer instance's field (this$0 is written before super)
            extra = base * 2;
            log.add("inner " + value + " " + extra);
        }
    }

    static class Derived extends Base {
        long id;

        Derived(Constructors c, int[] data) {
            super(c.base > 5 ? data[0] + new Base(data[1]).value : -1); // field read, array load, NEW, branch
            id = data.length;
        }

        Derived(Constructors c) {
            this(c, new int[] {c.base, 2}); // this(...) with an array store before it
            id += 100;
        }
    }

    public static String run() {
        Constructors o = new Constructors();
        Inner in = o.new Inner(5);
        int captured = 7;
        IntSupplier anonymous = new IntSupplier() {
            final int twice = captured * 2;

            @Override
            public int getAsInt() {
                return twice + o.base + captured;
            }
        };
        class Local extends Base {
            Local() {
                super(captured + o.base);
            }
        }
        Derived d = new Derived(o);
        return in.value + " " + in.extra + " " + anonymous.getAsInt() + " " + new Local().value + " " + d.value + " "
                + d.id + " " + o.log;
    }
}
