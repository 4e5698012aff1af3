package dev.racecheck.agent.runtime;

import java.util.List;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.jdk.Containers;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.CompanionState;
import dev.racecheck.agent.runtime.shadow.ElementStates;
import dev.racecheck.agent.runtime.shadow.InlineShadows;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.reports.Race;

/** Read-only looks into the runtime's package-private state, for tests in other packages. */
public final class RuntimeProbe {
    private RuntimeProbe() {
    }

    /** The current thread's shadow-stack depth: instrumented calls must leave it as they found it. */
    public static int depth() {
        return RaceEvents.thread().depth;
    }

    public static int raceCount() {
        return Reporter.count();
    }

    /** Races reported on a field or static field of this name. */
    public static List<Race> racesOn(String owner, String field) {
        return Reporter.races().stream()
                .filter(r -> owner.equals(r.target().owner()) && field.equals(r.target().name()))
                .toList();
    }

    /** Whether the last write of the field was an event of the current thread. */
    public static boolean fieldWrittenHere(Object o, String name, String descriptor) {
        VarState v = fieldState(o, name, descriptor);
        return v != null && byCurrentThread(v.w);
    }

    /** The field's state: in its companion field ({@link InlineShadows}) if it has one, else in the shadow map. */
    private static VarState fieldState(Object o, String name, String descriptor) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(InlineShadows.PREFIX + name);
                f.setAccessible(true);
                Object x = f.get(o);
                return x instanceof CompanionState v && v.owner == o ? v : null;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        Shadow s = Analysis.SHADOWS.peek(o);
        return s == null ? null : s.field(Sites.fieldKey(name, descriptor));
    }

    /** Whether the last read of the field was an event of the current thread. */
    public static boolean fieldReadHere(Object o, String name, String descriptor) {
        VarState v = fieldState(o, name, descriptor);
        return v != null && byCurrentThread(v.r);
    }

    /** Whether the last write of the array element was an event of the current thread. */
    public static boolean elementWrittenHere(Object array, int index) {
        Shadow s = Analysis.SHADOWS.peek(array);
        if (s == null) return false;
        ElementStates es = s.existingElements();
        return byCurrentThread(es != null ? es.w(index) : s.element(index, array).w);
    }

    /** Whether the last read of the array element was an event of the current thread. */
    public static boolean elementReadHere(Object array, int index) {
        Shadow s = Analysis.SHADOWS.peek(array);
        if (s == null) return false;
        ElementStates es = s.existingElements();
        return byCurrentThread(es != null ? es.r(index) : s.element(index, array).r);
    }

    /** Whether the static field (declared by {@code c}) was last written by the current thread. */
    public static boolean staticWrittenHere(Class<?> c, String name, String descriptor) {
        Shadow s = Analysis.SHADOWS.peek(c);
        if (s == null) return false;
        return byCurrentThread(s.field(Sites.fieldKey(name, descriptor)).w);
    }

    /** Whether the last write of the object's whole state (a container call) was an event of the current thread. */
    public static boolean containerWrittenHere(Object o) {
        Shadow s = Analysis.SHADOWS.peek(o);
        return s != null && byCurrentThread(s.field(Containers.STATE_KEY).w);
    }

    /** Whether the last read of the object's whole state (a container call) was an event of the current thread. */
    public static boolean containerReadHere(Object o) {
        Shadow s = Analysis.SHADOWS.peek(o);
        return s != null && byCurrentThread(s.field(Containers.STATE_KEY).r);
    }

    /** Races reported on the state of this very object. */
    public static List<Race> racesOnContainer(Object o) {
        String instance = o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o));
        return Reporter.races().stream()
                .filter(r -> r.target().kind() == dev.racecheck.reports.Target.Kind.CONTAINER
                        && instance.equals(r.target().instance()))
                .toList();
    }

    /** What the agent's hook on findVarHandle/findStaticVarHandle records (no agent in unit tests). */
    public static void registerVarHandle(Object handle, Class<?> c, String name, Class<?> type, boolean isStatic) {
        VarHandles.register(handle, c, name, type, isStatic);
    }

    /** What the agent's hook on arrayElementVarHandle records. */
    public static void registerArrayVarHandle(Object handle) {
        VarHandles.registerArray(handle);
    }

    private static boolean byCurrentThread(long epoch) {
        return epoch != Epoch.NONE && epoch != Epoch.SHARED && Epoch.slot(epoch) == RaceEvents.thread().slot;
    }
}
