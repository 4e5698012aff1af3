package dev.racecheck.subjects;

/** long and double fields: PUTFIELD/GETFIELD of two-slot values, plain, volatile and static, in every stack shape. */
public class WideValues {
    public long l;
    public double d;
    public volatile long vl;
    public volatile double vd;
    public int i;
    public static long sl;
    public static double sd;
    public static volatile long svl;
    public static volatile double svd;
    public final long fl;

    public WideValues(long fl) {
        this.fl = fl;
        this.l = fl * 2; // after super(): instrumented
    }

    static WideValues self(WideValues w) {
        return w;
    }

    public static String run() {
        WideValues w = new WideValues(3);
        w.l = 0x1234_5678_9ABC_DEF0L;
        w.d = Math.PI;
        w.vl = -1L;
        w.vd = -0.0;
        sl = Long.MIN_VALUE;
        sd = Double.NaN;
        svl = 42;
        svd = 1e300;
        w.l += 5;             // GETFIELD then PUTFIELD on a DUP'ed receiver
        w.d *= 2;
        w.vl--;
        w.vd += 1.5;
        sl++;
        sd = sd + 1;
        svl <<= 2;
        svd /= 3;
        self(w).l = w.l * 3 + w.vl;                  // receiver from a call, value from a wide expression
        WideValues x = new WideValues(4);
        x.l = w.l = 7L;                               // javac: DUP2_X1 between two PUTFIELDs
        x.d = w.d = 2.5;
        x.vl = w.vl = x.l + 1;                        // volatile chain
        long[] la = new long[2];
        la[1] = x.l = w.vl;                           // DUP2_X1 then LASTORE
        double local = (w.d = 0.25) * 4;              // assignment as an expression: DUP2_X1 PUTFIELD
        long sum = w.l + w.vl + sl + svl + x.fl + w.fl;
        double dsum = w.d + w.vd + sd + svd + local;
        w.i = (int) (sum >>> 60);
        return w.l + " " + w.d + " " + w.vl + " " + w.vd + " " + w.i + " " + x.l + " " + x.d + " " + x.vl + " " + la[1]
                + " " + sl + " " + sd + " " + svl + " " + svd + " " + sum + " " + dsum + " " + local;
    }
}
