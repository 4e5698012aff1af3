package dev.racecheck.agent.runtime;

/**
 * Defined anew by {@link ReachabilityTest} in a class loader of its own, which the test then drops: racecheck's
 * caches must let the class unload. Refers to nothing but java.lang, so the boot loader can be its parent.
 */
public final class UnloadableStatics {
    public static int counter;
    public static volatile int version;
    /** Where a program keeps a VarHandle of its own class: in a static field of that class. */
    public static Object handle;
}
