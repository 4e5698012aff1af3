package dev.racecheck.agent.runtime.threads;

/**
 * A thread slot's tenancy, from the moment it is handed out until it is retired. Every thread in the slot holds it,
 * and so does every variable state that keeps one of their epochs ({@code VarState.wLease}, {@code VarState.rLease}).
 * Once the slot is vacant and the GC has collected its lease, no variable anywhere (in a shadow map, in a companion
 * field of a user object, in a cache) still holds an epoch of the slot, and the slot can go to a thread whose starter
 * knows nothing of its earlier occupants ({@link Threads}). The GC finds this out for free; walking every variable
 * state is impossible once they live in the program's own objects.
 */
public final class SlotLease {
    /** For heap dumps and tests only. */
    final int slot;

    SlotLease(int slot) {
        this.slot = slot;
    }

    @Override
    public String toString() {
        return "SlotLease[" + slot + "]";
    }
}
