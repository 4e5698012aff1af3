package dev.racecheck.agent.runtime;

import java.util.Arrays;

/**
 * A vector clock: for each thread slot, the last clock value of that thread that happens-before the owner.
 * Operation names follow ThreadSanitizer's (acquire = join in, release = join out).
 *
 * <p>Not thread-safe: a thread's own clock is touched only by that thread; lock and volatile clocks are
 * guarded by the {@link Shadow} that holds them.
 */
final class VectorClock {
    private long[] clocks;

    VectorClock() {
        clocks = new long[8];
    }

    VectorClock(VectorClock other) {
        clocks = other.clocks.clone();
    }

    long get(int slot) {
        long[] c = clocks;
        return slot < c.length ? c[slot] : 0L;
    }

    void set(int slot, long clock) {
        if (slot >= clocks.length) grow(slot);
        clocks[slot] = clock;
    }

    /** True when the access at {@code epoch} happens-before the owner of this clock. */
    boolean covers(long epoch) {
        return Epoch.clock(epoch) <= get(Epoch.slot(epoch));
    }

    /** this := this ⊔ other. */
    void acquire(VectorClock other) {
        long[] o = other.clocks;
        // Exactly as long as the other one: doubling here made a thread's and a lock's clock leapfrog each other.
        if (o.length > clocks.length) clocks = Arrays.copyOf(clocks, o.length);
        long[] c = clocks;
        for (int i = 0; i < o.length; i++) {
            if (o[i] > c[i]) c[i] = o[i];
        }
    }

    /** this := other (a copy). */
    void assign(VectorClock other) {
        clocks = other.clocks.clone();
    }

    int size() {
        return clocks.length;
    }

    private void grow(int slot) {
        clocks = Arrays.copyOf(clocks, Math.max(slot + 1, clocks.length * 2));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < clocks.length; i++) {
            if (clocks[i] != 0) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(clocks[i]).append('@').append(i);
            }
        }
        return sb.append(']').toString();
    }
}
