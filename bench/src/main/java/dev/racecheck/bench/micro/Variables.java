package dev.racecheck.bench.micro;

/**
 * Sixteen plain int fields and a sixteen-element array: sixteen distinct variables of each kind for the detector.
 * Every benchmark of {@link HotPaths} makes exactly one call into this class, so the per-call cost is the same for
 * all of them and {@link #nothing} measures it.
 */
public final class Variables {
    int f0;
    int f1;
    int f2;
    int f3;
    int f4;
    int f5;
    int f6;
    int f7;
    int f8;
    int f9;
    int f10;
    int f11;
    int f12;
    int f13;
    int f14;
    int f15;
    final int[] array = new int[16];

    /** No tracked access: the reference for the per-call cost. */
    int nothing() {
        return 0;
    }

    /** Reads all sixteen fields once: sixteen variables. */
    int readFields() {
        return f0 + f1 + f2 + f3 + f4 + f5 + f6 + f7 + f8 + f9 + f10 + f11 + f12 + f13 + f14 + f15;
    }

    /** Writes all sixteen fields once. */
    void writeFields(int v) {
        f0 = v;
        f1 = v;
        f2 = v;
        f3 = v;
        f4 = v;
        f5 = v;
        f6 = v;
        f7 = v;
        f8 = v;
        f9 = v;
        f10 = v;
        f11 = v;
        f12 = v;
        f13 = v;
        f14 = v;
        f15 = v;
    }

    /** Reads field f0 sixteen times: one variable, sixteen accesses. */
    int readOneField() {
        return f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0 + f0;
    }

    /** Writes field f0 sixteen times. */
    void writeOneField(int v) {
        f0 = v;
        f0 = v + 1;
        f0 = v + 2;
        f0 = v + 3;
        f0 = v + 4;
        f0 = v + 5;
        f0 = v + 6;
        f0 = v + 7;
        f0 = v + 8;
        f0 = v + 9;
        f0 = v + 10;
        f0 = v + 11;
        f0 = v + 12;
        f0 = v + 13;
        f0 = v + 14;
        f0 = v + 15;
    }

    /** Reads all sixteen array elements once. */
    int readElements() {
        int[] a = array;
        return a[0] + a[1] + a[2] + a[3] + a[4] + a[5] + a[6] + a[7] + a[8] + a[9] + a[10] + a[11] + a[12] + a[13]
                + a[14] + a[15];
    }

    /** Writes all sixteen array elements once. */
    void writeElements(int v) {
        int[] a = array;
        a[0] = v;
        a[1] = v;
        a[2] = v;
        a[3] = v;
        a[4] = v;
        a[5] = v;
        a[6] = v;
        a[7] = v;
        a[8] = v;
        a[9] = v;
        a[10] = v;
        a[11] = v;
        a[12] = v;
        a[13] = v;
        a[14] = v;
        a[15] = v;
    }
}
