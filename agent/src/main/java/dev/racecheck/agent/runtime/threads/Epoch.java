package dev.racecheck.agent.runtime.threads;

/**
 * An epoch {@code c@t}: one thread's clock value, packed into a {@code long}.
 *
 * <pre>
 *   bit 63      62 .. 40         39 .. 0
 *   [ 0 ] [ thread slot (23) ] [ clock (40) ]
 * </pre>
 *
 * Clocks start at 1, so {@link #NONE} (0) never names a real access, and {@link #SHARED} (-1, sign bit set)
 * never collides with a real epoch. 2^40 clock ticks per thread slot outlast any run; 2^23 slots bound the
 * number of threads racecheck distinguishes at once.
 */
public final class Epoch {
    static final int SLOT_SHIFT = 40;
    static final long CLOCK_MASK = (1L << SLOT_SHIFT) - 1;
    /** No access recorded yet. */
    public static final long NONE = 0L;
    /** A variable's reads are concurrent and kept in a read vector clock instead. */
    public static final long SHARED = -1L;

    private Epoch() {
        // no instances
    }

    public static long of(int slot, long clock) {
        return ((long) slot << SLOT_SHIFT) | clock;
    }

    public static int slot(long epoch) {
        return (int) (epoch >>> SLOT_SHIFT);
    }

    public static long clock(long epoch) {
        return epoch & CLOCK_MASK;
    }

    static String toString(long epoch) {
        if (epoch == NONE) return "none";
        if (epoch == SHARED) return "shared";
        return clock(epoch) + "@" + slot(epoch);
    }
}
