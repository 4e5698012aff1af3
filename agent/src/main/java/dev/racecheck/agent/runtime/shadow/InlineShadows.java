package dev.racecheck.agent.runtime.shadow;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Sites;

/**
 * FastTrack state of instance fields held in the objects themselves: the instrumenter gives every plain instance
 * field {@code x} of an application class a companion field {@code $racecheck$x} (private, transient, synthetic,
 * of type Object, so serialization, serialVersionUID and field injection by type are unaffected), and the access
 * hooks find the field's {@link VarState} there: one load from the object instead of a weak identity-map lookup,
 * and no map entry or {@link Shadow} per object.
 *
 * <p>The companion is read and installed with {@code jdk.internal.misc.Unsafe} at an offset resolved once per
 * access site: every object a site touches is an instance of the class that declares the field (the verifier
 * guarantees it), so the offset is the same for all of them. Unsafe is reached through constant method handles,
 * which the JIT inlines; {@code sun.misc.Unsafe} is not used because JDK 24+ prints a warning on its first use.
 * Sites whose field has no companion (JDK classes, classes loaded before the agent, a missing export) use the
 * shadow map, so every access to one field of one object goes the same way.
 */
public final class InlineShadows {
    /** Prefix of the companion fields the instrumenter adds. */
    public static final String PREFIX = Sites.COMPANION_PREFIX;

    /** Site offsets: 0 not yet resolved, {@link #NONE} no companion, else the companion's offset. */
    private static final long NONE = -1L;

    private static final MethodHandle GET;
    private static final MethodHandle CAS;
    private static final MethodHandle OFFSET;
    static final boolean ENABLED;

    static {
        MethodHandle get = null;
        MethodHandle cas = null;
        MethodHandle offset = null;
        try {
            // Exported to racecheck by the agent (Instrumentation.redefineModule) before any class is instrumented.
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            get = lookup.findVirtual(unsafeClass, "getReference",
                    MethodType.methodType(Object.class, Object.class, long.class)).bindTo(unsafe);
            cas = lookup.findVirtual(unsafeClass, "compareAndSetReference",
                    MethodType.methodType(boolean.class, Object.class, long.class, Object.class, Object.class))
                    .bindTo(unsafe);
            offset = lookup.findVirtual(unsafeClass, "objectFieldOffset",
                    MethodType.methodType(long.class, Field.class)).bindTo(unsafe);
        } catch (Throwable e) {
            Internal.verbose("fields' race state is kept in the shadow map (" + e + ")");
            get = null;
            cas = null;
            offset = null;
        }
        GET = get;
        CAS = cas;
        OFFSET = offset;
        ENABLED = offset != null;
    }

    private static long[] offsets = new long[4096];

    private InlineShadows() {
        // no instances
    }

    /** The offset of this site's companion field, {@link #NONE} if there is none, 0 if not yet resolved. */
    public static long offset(int site) {
        long[] o = offsets;
        return site < o.length ? o[site] : 0L;
    }

    /**
     * The state of field {@code key} of {@code owner} for an access at {@code site}: from its companion field when
     * the site has one ({@code offset > 0}), else from {@code shadows}, the shadow map.
     */
    public static VarState state(ShadowMap shadows, Object owner, int key, int site, long offset) {
        if (offset == 0L) offset = resolve(owner, site);
        if (offset == NONE) return shadows.get(owner).field(key);
        Object x = get(owner, offset);
        // A companion copied by Object.clone() (or set by a framework that writes every field) is not this one's.
        if (x instanceof CompanionState v && v.owner == owner) return v;
        return install(owner, key, offset, x);
    }

    public static Object get(Object owner, long offset) {
        try {
            return (Object) GET.invokeExact(owner, offset);
        } catch (Throwable e) {
            throw new IllegalStateException(e); // Unsafe.getReference throws nothing
        }
    }

    /**
     * The offset of an instance field for {@link #get}, or -1 when Unsafe is not at hand. Used to read the JDK's own
     * fields (a view's outer object), which reflection could read only in opened packages.
     */
    public static long fieldOffset(Field f) {
        if (!ENABLED || Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) return -1L;
        try {
            return (long) OFFSET.invokeExact(f);
        } catch (Throwable e) {
            return -1L;
        }
    }

    private static VarState install(Object owner, int key, long offset, Object seen) {
        CompanionState fresh = new CompanionState(key, owner);
        try {
            while (true) {
                if ((boolean) CAS.invokeExact(owner, offset, seen, (Object) fresh)) return fresh;
                seen = get(owner, offset);
                if (seen instanceof CompanionState v && v.owner == owner) return v; // another thread installed it
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per class: the offsets of its companion fields and its superclasses'. A ClassValue: kept in the class itself,
     * so it never holds a class from unloading.
     */
    private static final ClassValue<long[]> COMPANION_OFFSETS = new ClassValue<long[]>() {
        @Override
        protected long[] computeValue(Class<?> c) {
            long[] out = new long[0];
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (!f.getName().startsWith(PREFIX) || !f.isSynthetic() || Modifier.isStatic(m)
                            || f.getType() != Object.class) {
                        continue;
                    }
                    try {
                        long offset = (long) OFFSET.invokeExact(f);
                        out = Arrays.copyOf(out, out.length + 1);
                        out[out.length - 1] = offset;
                    } catch (Throwable e) {
                        Internal.verbose("no companion offset for " + f + ": " + e);
                    }
                }
            }
            return out;
        }
    };

    /**
     * {@code copy} was just made by a {@code clone()} call, which copies every field, companions included: the
     * states it copied belong to the original ({@link CompanionState#owner}) and would keep the original reachable
     * for as long as the copy lives, so they are removed (the copy's fields get states of their own on their next
     * access, as they would have anyway). The caller keeps racecheck's events off: this may reflect on the class.
     */
    public static void dropCopied(Object copy) {
        if (!ENABLED || copy == null) return;
        for (long offset : COMPANION_OFFSETS.get(copy.getClass())) {
            Object x = get(copy, offset);
            if (x instanceof CompanionState v && v.owner != copy) {
                try {
                    // A failed CAS lost to a state of the copy's own, installed meanwhile: that one stays.
                    boolean ignored = (boolean) CAS.invokeExact(copy, offset, x, (Object) null);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Finds the companion of the field this site accesses, on the class that declares it. */
    private static long resolve(Object owner, int site) {
        long offset = NONE;
        try {
            if (ENABLED) {
                String declaring = Sites.fieldOwner(site);
                String name = Sites.fieldName(site);
                for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
                    if (!c.getName().equals(declaring)) continue;
                    offset = companionOffset(c, name);
                    break;
                }
            }
        } catch (Throwable e) {
            Internal.verbose("no companion field for site " + site + ": " + e);
            offset = NONE;
        }
        synchronized (InlineShadows.class) {
            if (site >= offsets.length) offsets = Arrays.copyOf(offsets, Math.max(site + 1, offsets.length * 2));
            offsets[site] = offset;
        }
        return offset;
    }

    private static long companionOffset(Class<?> c, String name) throws Throwable {
        for (Field f : c.getDeclaredFields()) {
            if (!f.getName().equals(PREFIX + name)) continue;
            int m = f.getModifiers();
            boolean ours = f.isSynthetic() && f.getType() == Object.class && !Modifier.isStatic(m);
            return ours ? (long) OFFSET.invokeExact(f) : NONE;
        }
        return NONE;
    }
}
