package dev.racecheck.agent.runtime.report;

import java.util.Set;

/**
 * The JDK classes whose own monitors are synchronization the program relies on: JDK code synchronizes on them
 * internally (a synchronized wrapper's methods lock the wrapper, {@code Vector}'s lock the vector), and the program
 * synchronizes on the same objects to make several calls atomic (iterating a synchronized list). The JDK model
 * instruments their monitors ({@code JdkModel}); the predictive detector never reorders critical sections on them,
 * because the JDK's critical sections on them carry state racecheck does not see.
 */
public final class MonitorClasses {
    /** Internal names. */
    public static final Set<String> INTERNAL_NAMES = Set.of(
            "java/util/Collections$SynchronizedCollection", "java/util/Collections$SynchronizedList",
            "java/util/Collections$SynchronizedRandomAccessList", "java/util/Collections$SynchronizedSet",
            "java/util/Collections$SynchronizedSortedSet", "java/util/Collections$SynchronizedNavigableSet",
            "java/util/Collections$SynchronizedMap", "java/util/Collections$SynchronizedSortedMap",
            "java/util/Collections$SynchronizedNavigableMap", "java/util/Vector", "java/util/Hashtable",
            "java/lang/StringBuffer");

    private static final ClassValue<Boolean> SHARED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                if (INTERNAL_NAMES.contains(k.getName().replace('.', '/'))) return true;
            }
            return false;
        }
    };

    private MonitorClasses() {
        // no instances
    }

    /** Whether JDK code also synchronizes on objects of class {@code c} (one of the classes above or a subclass). */
    public static boolean sharedWithJdk(Class<?> c) {
        return SHARED.get(c);
    }
}
