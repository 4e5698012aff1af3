package dev.racecheck.agent.runtime.threads;

/**
 * A cache line and more of padding in front of a {@link ThreadState}'s fields. A thread's state is allocated by the
 * thread that starts it, right after its siblings' (whose arrays come last), and is written on every call (depth,
 * call sites) and every slow-path access: without the gap, the threads of a parallel loop kept invalidating each
 * other's cache lines. Behind the fields come the state's own arrays, allocated by its constructor.
 *
 * <p>Superclass fields are laid out first; the int fills the gap after the object header, so no field of the
 * subclass is placed inside the padding.
 */
@SuppressWarnings("unused")
abstract class ThreadStatePadding {
    private int p0;
    private long p1, p2, p3, p4, p5, p6, p7, p8;
}
