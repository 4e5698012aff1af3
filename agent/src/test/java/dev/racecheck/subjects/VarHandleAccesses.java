package dev.racecheck.subjects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle calls in every access mode and coordinate shape (static field, instance field, array element, byte-array
 * view), with one- and two-slot values, results used and dropped, inside try/catch, loops and a constructor: the
 * arguments racecheck spills to locals and reloads must reach the call unchanged.
 */
public class VarHandleAccesses {
    public static long sl;
    public static Object so;
    public long l;
    public double d;
    public int i;
    public String s;
    public final int fin;

    public static final VarHandle SL;
    public static final VarHandle SO;
    public static final VarHandle L;
    public static final VarHandle D;
    public static final VarHandle I;
    public static final VarHandle S;
    public static final VarHandle FIN;
    public static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    public static final VarHandle STRINGS = MethodHandles.arrayElementVarHandle(String[].class);
    public static final VarHandle INT_VIEW = MethodHandles.byteArrayViewVarHandle(int[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SL = lookup.findStaticVarHandle(VarHandleAccesses.class, "sl", long.class);
            SO = lookup.findStaticVarHandle(VarHandleAccesses.class, "so", Object.class);
            L = lookup.findVarHandle(VarHandleAccesses.class, "l", long.class);
            D = lookup.findVarHandle(VarHandleAccesses.class, "d", double.class);
            I = lookup.findVarHandle(VarHandleAccesses.class, "i", int.class);
            S = lookup.findVarHandle(VarHandleAccesses.class, "s", String.class);
            FIN = lookup.findVarHandle(VarHandleAccesses.class, "fin", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public VarHandleAccesses(int fin) {
        this.fin = fin;
        L.setRelease(this, (long) fin * 3); // after super(): spilled in a constructor
    }

    /** One access per mode family, for tests that look at the events. */
    public static void plainSet(VarHandleAccesses a, long v, long[] longs) {
        L.set(a, v);
        SL.set(v);
        LONGS.set(longs, 1, v);
    }

    public static void opaqueSet(VarHandleAccesses a, int v) {
        I.setOpaque(a, v);
    }

    public static String run() {
        StringBuilder out = new StringBuilder();
        VarHandleAccesses a = new VarHandleAccesses(5);
        SL.set(1L << 40);
        SL.setVolatile((long) SL.get() + 1);
        out.append((long) SL.getAndAdd(3L)).append(' ').append((long) SL.getVolatile()).append(' ');
        out.append(SL.compareAndSet(1L << 40, 0L)).append(' ').append((long) SL.compareAndExchange((1L << 40) + 4, 7L));
        SO.setRelease("x");
        out.append(' ').append(SO.getAcquire()).append(' ').append(SO.getAndSet((Object) "y")).append(' ');
        L.set(a, 9L);
        D.set(a, Math.E);
        double dd = (double) D.getAndAdd(a, 1.0) + (double) D.getVolatile(a);
        I.setOpaque(a, 4);
        int bits = (int) I.getAndBitwiseOr(a, 3) + (int) I.getAndBitwiseAndAcquire(a, 6) + (int) I.getAndBitwiseXorRelease(a, 1);
        boolean weak = I.weakCompareAndSetPlain(a, 7, 8) | I.weakCompareAndSet(a, 8, 9);
        S.setVolatile(a, "s");
        String prev = (String) S.compareAndExchangeAcquire(a, "s", "t");
        out.append((long) L.getAndAddRelease(a, 2L)).append(' ').append((long) L.get(a)).append(' ').append(dd).append(' ')
                .append(bits).append(' ').append(weak).append(' ').append(prev).append(' ').append(S.getOpaque(a))
                .append(' ').append((int) FIN.get(a)).append(' ');
        long[] longs = new long[4];
        for (short k = 0; k < longs.length; k++) {
            LONGS.setRelease(longs, k, (long) k * k);
            LONGS.getAndAdd(longs, (int) k, 1L);
        }
        out.append((long) LONGS.get(longs, 3)).append(' ').append((long) LONGS.getAcquire(longs, 2)).append(' ');
        String[] strings = {"p", "q"};
        out.append(STRINGS.compareAndSet(strings, 1, "q", "r")).append(' ').append(STRINGS.getVolatile(strings, 1));
        try {
            STRINGS.setVolatile(strings, 5, "out of bounds");
        } catch (ArrayIndexOutOfBoundsException e) {
            out.append(" caught");
        }
        try {
            L.get((Object) null);
        } catch (NullPointerException e) {
            out.append(" npe");
        }
        byte[] bytes = new byte[8];
        INT_VIEW.setVolatile(bytes, 4, 0x01020304);
        out.append(' ').append(bytes[4]).append(' ').append((int) INT_VIEW.get(bytes, 4));
        LONGS.set(longs, 0, (long) SL.getAndBitwiseOrAcquire(1L)); // nested: one call's result is another's argument
        out.append(' ').append(longs[0]).append(' ').append(a.l).append(' ').append(a.i).append(' ').append(a.s);
        return out.toString();
    }
}
