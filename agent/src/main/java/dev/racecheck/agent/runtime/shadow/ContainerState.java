package dev.racecheck.agent.runtime.shadow;

import java.lang.ref.WeakReference;

/**
 * The whole state of a JDK container ({@code HashMap}, {@code ArrayList}...) as one variable ({@code jdk.Containers}):
 * kept in the shadow of the object that holds the data (a {@code HashSet}'s is its inner {@code HashMap}'s), and
 * reached from the container, its views, iterators and entries alike.
 *
 * <p>It knows its object only weakly ({@link #holds}): views, entries and a thread's last-container cache keep this
 * state, and must not keep the program's container alive. What a report says of the container is fixed when the
 * state is made: the class and identity of the container the program called (a {@code HashSet}, not its inner map).
 */
public final class ContainerState extends VarState {
    private final WeakReference<Object> holder;
    /** The class of the container as the program knows it ({@code java.util.HashSet}), for the report. */
    public final String type;
    /** {@code type@identity}, for the report. */
    public final String instance;
    /** Every call writes: a {@code WeakHashMap} expunges stale entries in get() and size() too. */
    public final boolean everyCallWrites;

    ContainerState(int key, Object holder, Object named, boolean everyCallWrites) {
        super(key);
        this.everyCallWrites = everyCallWrites;
        this.holder = new WeakReference<>(holder);
        this.type = named.getClass().getName();
        this.instance = type + "@" + Integer.toHexString(System.identityHashCode(named));
    }

    /** Whether this is the state of the data {@code o} holds (never true once o is collected). */
    public boolean holds(Object o) {
        return holder.get() == o;
    }
}
