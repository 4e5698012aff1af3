package dev.racecheck.subjects;

import java.util.function.IntSupplier;

/**
 * Subjects for CheckPlacementTest: each method's access checks are either made where the access is, left out as
 * covered by an earlier check of the same variable in the same epoch, or (array loops) made once before the loop. The
 * test names, per method, how many of each.
 */
public class CheckPlacements {
    int value;
    int other;
    int[] data = new int[8];
    volatile int flag;
    static int counter;
    CheckPlacements next;
    private final Object lock = new Object();

    // ---- redundant checks ----------------------------------------------------------------------------------------

    int readTwice() {
        int a = value;
        int b = value; // covered
        return a + b;
    }

    void writeTwice(int x) {
        value = x;
        value = x + 1; // covered
    }

    int writeThenRead(int x) {
        value = x;
        return value; // not covered: a write does not cover a read (the runtime records the read)
    }

    void readThenWrite() {
        value = value + 1; // the write is not covered by the read
    }

    int twoFields() {
        return value + other; // different fields
    }

    int twoObjects(CheckPlacements a, CheckPlacements b) {
        return a.value + b.value; // different values, maybe the same object: both checked
    }

    int sameObjectThroughLocals(CheckPlacements a) {
        CheckPlacements b = a;
        return a.value + b.value; // the same value in two locals: covered
    }

    int reassigned(CheckPlacements a, CheckPlacements b) {
        int x = a.value;
        a = b;
        return x + a.value; // a holds another value now
    }

    int callBetween(IntSupplier s) {
        int a = value;
        int b = s.getAsInt(); // may synchronize
        return a + b + value;
    }

    int syncFreeCallBetween() {
        int a = value;
        int b = twice(a); // a static method of this class that cannot synchronize
        return a + b + value; // covered
    }

    static int twice(int x) {
        return 2 * Math.abs(x);
    }

    int overridableCallBetween() {
        int a = value;
        int b = overridable(); // a subclass may override it with a synchronizing method
        return a + b + value;
    }

    int overridable() {
        return 1;
    }

    int pureJdkCallBetween() {
        int a = value;
        double b = Math.sqrt(a);
        return a + (int) b + value; // covered: Math.sqrt cannot synchronize
    }

    int volatileBetween() {
        int a = value;
        int f = flag; // an acquire: no new epoch, but conservatively a region boundary
        return a + f + value;
    }

    int volatileWriteBetween() {
        int a = value;
        flag = a; // a release: a new epoch
        return a + value;
    }

    int synchronizedBetween() {
        int a = value;
        synchronized (lock) {
            a += value; // after monitorenter: a new region
        }
        return a + value; // after monitorexit: a new epoch
    }

    int insideSynchronized() {
        synchronized (lock) {
            return value + value; // covered: the same epoch inside the block
        }
    }

    int oneBranch(boolean c) {
        int a = 0;
        if (c) a = value;
        return a + value; // only one path checked it: not covered
    }

    int bothBranches(boolean c) {
        int a;
        if (c) a = value + 1;
        else a = value - 1;
        return a + value; // every path checked it: covered
    }

    int loopWithoutCall(int n) {
        int sum = value;
        for (int i = 0; i < n; i++) sum += value; // covered by the read before the loop, on every iteration
        return sum;
    }

    int loopWithCall(int n, IntSupplier s) {
        int sum = value;
        for (int i = 0; i < n; i++) sum += value + s.getAsInt(); // the call ends the epoch before the next iteration
        return sum;
    }

    int elementTwice(int[] a, int i) {
        return a[i] + a[i]; // covered
    }

    int elementsApart(int[] a, int i) {
        return a[i] + a[i + 1]; // different elements
    }

    int elementSameIndexExpression(int[] a, int i) {
        return a[i + 1] + a[1 + i]; // the same element: covered
    }

    int elementIndexReassigned(int[] a, int i) {
        int x = a[i];
        i++;
        return x + a[i]; // another element
    }

    int fieldArrayTwice(int i) {
        return data[i] + data[i]; // data read twice (covered), but each read is a new array value: both elements checked
    }

    int catchCovers() {
        int a = value;
        try {
            a += Integer.parseInt("x"); // a call: the handler starts a new region
        } catch (NumberFormatException e) {
            a += value;
        }
        return a;
    }

    int throwingAccessThenHandler(CheckPlacements p) {
        int a = 0;
        try {
            a = p.value; // may throw NullPointerException before recording anything
        } catch (NullPointerException e) {
            a = -1;
        }
        return a + p.value; // not covered on the path through the handler
    }

    int linkedWalk(CheckPlacements p) {
        int sum = 0;
        while (p != null) {
            sum += p.value;
            p = p.next; // a new value each iteration: nothing is covered across iterations
        }
        return sum;
    }

    static int staticTwice() {
        int a = counter;
        return a + counter; // covered
    }

    static int staticAfterOtherClass() {
        int a = counter;
        int b = Other.CONSTANT_HOLDER[0]; // may run Other's static initializer: a new epoch
        return a + b + counter;
    }

    static int otherClassTwice() {
        int a = Other.plain;
        return a + Other.plain; // the first read initialized Other: the second is covered
    }

    int lambdaMade() {
        int a = value;
        IntSupplier s = () -> 1; // invokedynamic
        return a + s.getAsInt() + value;
    }

    int lambdaBody() {
        IntSupplier s = () -> value + value; // in the lambda's own method: covered there
        return s.getAsInt();
    }

    /** Other's static initializer runs on the first access to it. */
    static final class Other {
        static final int[] CONSTANT_HOLDER = {7};
        static int plain = 3;
    }

    // ---- constructors --------------------------------------------------------------------------------------------

    CheckPlacements() {
        value = 1;
        value = 2; // covered (after super())
    }

    CheckPlacements(int x) {
        this();
        other = x;
        other = x + value; // covered write, checked read
    }

    // ---- array loops ---------------------------------------------------------------------------------------------

    static void fill(int[] a, int n) {
        for (int i = 0; i < n; i++) a[i] = i; // made once before the loop
    }

    static void axpy(double[] y, double[] x, double t, int from, int to) {
        for (int i = from; i < to; i++) y[i] += t * x[i]; // three accesses, all before the loop
    }

    static void stencil(double[] out, double[] in) {
        for (int j = 1; j < in.length - 1; j += 2) out[j] = in[j - 1] + in[j + 1]; // the bound is not a local
    }

    static void stencilLocalBound(double[] out, double[] in) {
        int last = in.length - 1;
        for (int j = 1; j < last; j += 2) out[j] = in[j - 1] + in[j] + in[j + 1]; // stride 2, offsets
    }

    static void overLength(int[] a) {
        for (int i = 0; i < a.length; i++) a[i]++; // bound: a.length
    }

    static void inclusive(int[] a, int last) {
        for (int i = 0; i <= last; i++) a[i] = 1;
    }

    static void conditional(int[] a, int n) {
        for (int i = 0; i < n; i++) {
            if ((i & 1) == 0) a[i] = 1; // not on every iteration: checked in the loop
        }
    }

    static void mixedConditional(int[] a, int[] b, int n) {
        for (int i = 0; i < n; i++) {
            b[i] = 2; // every iteration: before the loop
            if (i > 5) a[i] = 1; // some iterations: in the loop (its bounds still guard the range)
        }
    }

    static int withCall(int[] a, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) s += a[i] + Integer.parseInt("1"); // a call may throw: not a checked loop
        return s;
    }

    static int withPureCall(double[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.abs(a[i]); // Math.abs cannot throw
        return (int) s;
    }

    static int withBreak(int[] a, int n) {
        int i;
        for (i = 0; i < n; i++) {
            if (a[i] < 0) break; // another way out: not a checked loop
        }
        return i;
    }

    static void indirect(double[] y, int[] idx, int n) {
        for (int k = 0; k < n; k++) y[idx[k]] = 1; // y[idx[k]] may throw anywhere: not a checked loop
    }

    static void arrayReassigned(int[] a, int[] b, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = 1;
            a = b; // not loop-invariant
        }
    }

    static void downward(int[] a, int n) {
        for (int i = n - 1; i >= 0; i--) a[i] = 0; // counts down: not javac's counted shape here
    }

    static int division(int[] a, int n, int d) {
        int s = 0;
        for (int i = 0; i < n; i++) s += a[i] / d; // may throw ArithmeticException
        return s;
    }

    static void objectArray(Object[] a, Object x, int n) {
        for (int i = 0; i < n; i++) a[i] = x; // aastore may throw ArrayStoreException
    }

    static int nested(int[][] grid, int n) {
        int s = 0;
        for (int r = 0; r < n; r++) {
            int[] row = grid[r];
            for (int c = 0; c < n; c++) s += row[c]; // the inner loop is checked before it runs
        }
        return s;
    }

    void fieldInLoop(int n) {
        int[] a = data;
        for (int i = 0; i < n; i++) a[i] = value; // a field read in the body: not a checked loop
    }
}
