package dev.racecheck.agent.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import dev.racecheck.agent.runtime.report.Config;

/**
 * The synchronization the Java platform documents, modelled on the JDK methods that provide it: a table of
 * (class, method) to hooks. A hook releases into a key object on method entry or acquires from it on exit, so the
 * model never holds a lock of its own around JDK code: a release before the operation and an acquire after it
 * cover every order in which two threads' operations can happen (at worst adding an edge, never losing one). Where
 * the JDK's edge depends on how the call goes, the hook decides from values the method's own code can read: a
 * release only when the call will do what it releases for (a compare-and-set whose variable holds the expected
 * value, unlock() of a lock held, complete() of a future with no result yet), an acquire also on an exceptional exit
 * when the exception is a completion (Future.get's ExecutionException). The concurrent collections hand elements
 * over per (collection, element) ({@link #collections}).
 *
 * <p>JDK methods are instrumented in their bodies (retransformation for classes loaded before the agent), so
 * calls through interfaces, method references and reflection are all seen. Class shapes never change.
 */
public final class JdkModel {
    /**
     * A value a hook passes to its event: this, an argument, the value being returned, the exception being thrown,
     * or nothing; then, from it, the fields read and the JDK methods called in {@code steps} (a field of this, a lock's
     * {@code sync.isHeldExclusively()}). The hooked method's own code reads them, so what its class may read (its
     * private fields, its nested classes') is in reach.
     */
    private record Key(String kind, int arg, List<Step> steps) {
        static final Key THIS = new Key("this", 0, List.of());
        static final Key RESULT = new Key("result", 0, List.of());
        static final Key THROWN = new Key("thrown", 0, List.of());
        static final Key NONE = new Key("none", 0, List.of());

        /** A field of this, declared by the hooked class. */
        static Key field(String name, String desc) {
            return THIS.get(null, name, desc);
        }

        /** This key's value, then its field {@code name} (of class {@code owner}; null: the hooked class). */
        Key get(String owner, String name, String desc) {
            return then(new Step(Opcodes.GETFIELD, owner, name, desc));
        }

        /** This key's value, cast to {@code type} (a class the hooked class may name). */
        Key cast(String type) {
            return then(new Step(Opcodes.CHECKCAST, type, null, null));
        }

        /** This key's value, then the result of its JDK method {@code name} (a final or private one: no override). */
        Key call(String owner, String name, String desc) {
            return then(new Step(Opcodes.INVOKEVIRTUAL, owner, name, desc));
        }

        private Key then(Step step) {
            List<Step> more = new ArrayList<>(steps);
            more.add(step);
            return new Key(kind, arg, List.copyOf(more));
        }
    }

    /** A field read ({@code GETFIELD}), a method call ({@code INVOKEVIRTUAL}) or a cast on the value so far. */
    private record Step(int opcode, String owner, String name, String desc) {
    }

    /** When a hook runs: on entry, before each normal return, on an exceptional exit (bits: a hook can be both exits). */
    private static final int ENTER = 1;
    private static final int RETURN = 2;
    private static final int THROW = 4;

    /**
     * A hook: at {@code when}, call the event ({@code RaceEvents.<event>}, or CollectionEvents' or VarHandles') with
     * the values of {@code operands}, then the key's (none for {@link Key#NONE}). An exceptional-exit hook runs in a
     * handler of the whole method that rethrows the exception as it is, after the hook (which never throws). The lock
     * events of lock-order detection also get {@code how} (family, mode and flags, see {@code Locks}) after the key.
     */
    private record Hook(int when, String event, Key key, List<Key> operands, int how) {
        /** The same hook, given these values before its key. */
        Hook with(Key... values) {
            return new Hook(when, event, key, List.of(values), how);
        }
    }

    /** Lock families, modes and flags, as {@code dev.racecheck.agent.runtime.locks.Locks} numbers them. */
    private static final int LOCK = 1;
    private static final int RW = 2;
    private static final int SHARED = 4;
    private static final int TIMED = 8;
    private static final int NONBLOCKING = 16;

    /** Lock-order and deadlock detection (detect_deadlocks): read once, the options being set before. */
    private static final boolean DEADLOCKS = dev.racecheck.agent.runtime.report.Config.detectDeadlocks;

    /** The runtime class of the reflection hooks. */
    private static final String REFLECTION = "dev/racecheck/agent/runtime/Reflection";

    /** JDK classes whose own monitors (synchronized blocks and methods) are synchronization the user relies on. */
    private static final java.util.Set<String> MONITORS = new java.util.HashSet<>();

    private static final Map<String, Map<String, List<Hook>>> RULES = new HashMap<>();
    /** Methods in which each {@code Runnable.run()} call acquires the runnable (the executor's worker loop). */
    private static final Map<String, String> RUN_CALLS = new HashMap<>();
    /** Methods that call a function atomically (under a lock): each call is ordered with the previous, per object. */
    private static final Map<String, java.util.Set<String>> ATOMIC_FUNCTIONS = new HashMap<>();
    /**
     * Per class, JDK-internal methods during which racecheck's events are off (suspended, restored on every exit,
     * exceptional ones included). Class loading and call-site linking go through the JDK's own concurrent maps
     * (class-loading locks, packages, certificates, the method-type intern table): the table's map rules would
     * turn them into happens-before edges between whichever threads load a class of one package or link a call
     * site first and next, edges the program does not make and that change from run to run.
     */
    private static final Map<String, java.util.Set<String>> QUIET = new HashMap<>();
    /**
     * The methods of a synchronized wrapper that make or return a view ({@code keySet()}, {@code subList},
     * {@code headMap}...: a wrapper of a view of the wrapped collection, on the same mutex). They lock the mutex,
     * but the lock is the JDK's own business (it guards the lazily made view field, and the view's making), not
     * synchronization the program may rely on: the javadoc of {@code synchronizedMap} says the view "needn't be"
     * made in a synchronized block, and the view's data methods take the mutex themselves while its iteration
     * must be made holding it. Making a view tells the program nothing about the collection's contents, so whatever
     * a correct program learns about them, it learns through a locked call or under the lock, each an edge of its
     * own; treating the view method's lock as an edge would instead order a write of another thread before an
     * iteration made without the lock, hiding the very race the javadoc warns about. So these methods run with
     * racecheck's events off ({@code QUIET}): no acquire or release of the mutex, and no access of the wrapped
     * collection (making a view reads none of its elements). What the program's own code does inside (a comparator
     * called by {@code headMap}'s range check, an override of {@code keySet()} in a map class of the program's) is
     * not seen either. The one thing a view method can reveal is a list's size, through whether {@code subList}
     * throws: a program that orders itself that way is reported (see README, "Known limitations").
     */
    private static final java.util.Set<String> WRAPPER_VIEW_MAKERS = java.util.Set.of("keySet", "values",
            "entrySet", "subList", "headMap", "tailMap", "subMap", "headSet", "tailSet", "subSet", "descendingMap",
            "descendingSet", "descendingKeySet", "navigableKeySet", "reversed");
    /**
     * Per concurrent collection (outer class), the fields of its nested node classes that hold elements, or
     * {@link #ARRAY_ELEMENTS} for the elements of the arrays it keeps them in: in the class and its nested classes,
     * each such load is followed by {@code takeOver} of the loaded element from the collection the code works for
     * ({@link #ownerCode}). Placing an element released it into that collection's clock for it, so whatever the
     * collection hands out, by whichever path, is ordered after its placing there (see CollectionEvents).
     */
    private static final Map<String, java.util.Set<String>> ELEMENT_LOADS = new HashMap<>();
    /** In {@link #ELEMENT_LOADS}: every element loaded from an array (AALOAD). */
    private static final String ARRAY_ELEMENTS = "[]";
    /**
     * Nested classes of the collections whose code names its collection through fields: the fields from {@code this}
     * to it ({@code this$0}, a view's {@code map}, a sub-map's {@code m}). The collection class itself is {@code this}.
     */
    private static final Map<String, List<Step>> OWNER_PATHS = new HashMap<>();
    /**
     * Nested classes that hold no reference to their collection (spliterators, traversers, bulk tasks): bound to it
     * where they are made ({@link #bindCreations}), by the collection's code or by another of them (a split).
     */
    private static final java.util.Set<String> BOUND = new java.util.HashSet<>();
    /**
     * Per collection, its static helpers that load elements (and the ConcurrentHashMap traversers' advance()): they
     * run for the collection of the code that calls them, pushed around each call ({@link #ownerCalls}).
     */
    private static final Map<String, java.util.Set<String>> OWNER_CALLS = new HashMap<>();
    /**
     * Per collection class, the methods that place elements and where exactly they do (an element store: a new node, a
     * value field, an array slot): each placing releases there, so that a call that places nothing (putIfAbsent of a
     * present key, addIfAbsent of a present element) releases nothing ({@link #placings}).
     */
    private static final Map<String, java.util.Set<String>> PLACINGS = new HashMap<>();
    /** The events of the concurrent collections' hand-offs, and their class. */
    private static final String COLLECTIONS = "dev/racecheck/agent/runtime/CollectionEvents";
    private static final java.util.Set<String> COLLECTION_EVENTS = java.util.Set.of("handOff", "handOffPair",
            "handOffIf", "handOffEach", "takeOver", "takeOverIf", "takeOut", "takeOverEach", "takeOverEntryInContext",
            "internalLock", "internalCounter");
    /** Per class, calls whose result is an element got out of the collection (DelayQueue's PriorityQueue). */
    private static final Map<String, java.util.Set<String>> RESULT_LOADS = new HashMap<>();
    /** The compare-and-set methods of the atomics: they write, and release, only when they find the expected value. */
    private static final java.util.Set<String> COMPARE_AND_SETS = java.util.Set.of("compareAndSet", "weakCompareAndSet",
            "weakCompareAndSetVolatile", "weakCompareAndSetAcquire", "weakCompareAndSetRelease", "compareAndExchange",
            "compareAndExchangeAcquire", "compareAndExchangeRelease");
    /** CountedCompleter's methods whose reads of {@code pending} are modelled (see {@link #pendingReads}). */
    private static final java.util.Set<String> PENDING_READS = new java.util.HashSet<>();
    private static final String COUNTED_COMPLETER = "java/util/concurrent/CountedCompleter";
    private static final String PHASER = "java/util/concurrent/Phaser";
    private static final String COMPLETABLE_FUTURE = "java/util/concurrent/CompletableFuture";

    static {
        String juc = "java/util/concurrent/";
        String locks = juc + "locks/";
        rule("java/lang/Thread", "start", "()V", enter("threadStart", Key.THIS));
        // JDK 21+: executors and virtual threads start threads through start(ThreadContainer).
        rule("java/lang/Thread", "start", "(Ljdk/internal/vm/ThreadContainer;)V", enter("threadStart", Key.THIS));
        rule("java/lang/VirtualThread", "start", "(Ljdk/internal/vm/ThreadContainer;)V", enter("threadStart", Key.THIS));
        rule("java/lang/VirtualThread", "start", "()V", enter("threadStart", Key.THIS));
        rule("java/lang/Thread", "dispatchUncaughtException", "(Ljava/lang/Throwable;)V",
                enter("uncaughtException", Key.THIS));
        rule("java/lang/Thread", "exit", "()V", enter("threadExit", Key.THIS));
        rule("java/lang/Shutdown", "runHooks", "()V", enter("shutdownBegins", Key.NONE));
        rule("java/lang/VirtualThread", "afterDone", "(Z)V", enter("threadExit", Key.THIS));
        rule("java/lang/Runtime", "exit", "(I)V", enter("exitRequested", arg(0)));

        // Interrupts (JLS 17.4.4): interrupt() happens-before the interrupted thread sees it.
        rule("java/lang/Thread", "interrupt", "()V", enter("release", Key.THIS));
        rule("java/lang/Thread", "isInterrupted", "()Z", exit("acquireIf", Key.THIS));
        rule("java/lang/Thread", "interrupted", "()Z", exit("acquireIfCurrentThread", Key.NONE));
        rule("java/lang/InterruptedException", "<init>", "*", exit("acquireCurrentThread", Key.NONE));

        // Locks: the key is the shared Sync, so a ReentrantReadWriteLock's read and write locks and the
        // Conditions of a lock all meet on one object. A read-write lock has two clocks there, as ThreadSanitizer's
        // RWMutex (see RaceEvents.READ_CLOCK): a write unlock releases into the write clock, a read unlock into the
        // read clock; a write lock acquires both, a read lock the write clock only. So write-unlock -> read-lock
        // (ReadWriteLock's javadoc) and read-unlock -> write-lock (mutual exclusion) are edges, read-unlock ->
        // read-lock is none: two threads writing under the read lock race. A plain lock's read clock stays empty.
        lock(locks + "ReentrantLock", "Ljava/util/concurrent/locks/ReentrantLock$Sync;", true, LOCK);
        lock(locks + "ReentrantReadWriteLock$ReadLock", "Ljava/util/concurrent/locks/ReentrantReadWriteLock$Sync;",
                false, RW | SHARED);
        lock(locks + "ReentrantReadWriteLock$WriteLock", "Ljava/util/concurrent/locks/ReentrantReadWriteLock$Sync;",
                true, RW);
        if (DEADLOCKS) lockOrder(locks);
        for (String cond : new String[] {locks + "AbstractQueuedSynchronizer$ConditionObject",
                locks + "AbstractQueuedLongSynchronizer$ConditionObject"}) {
            String outer = cond.startsWith(locks + "AbstractQueuedLong")
                    ? "Ljava/util/concurrent/locks/AbstractQueuedLongSynchronizer;"
                    : "Ljava/util/concurrent/locks/AbstractQueuedSynchronizer;";
            for (String m : new String[] {"await()V", "awaitUninterruptibly()V", "awaitNanos(J)J",
                    "awaitUntil(Ljava/util/Date;)Z", "await(JLjava/util/concurrent/TimeUnit;)Z"}) {
                int p = m.indexOf('(');
                // Await gives up the lock and takes it again before returning, timed out or not, and before it
                // throws InterruptedException (only a write lock has conditions). With lock-order detection one hook
                // each way does both (see RaceEvents.awaitBegins).
                Key lock = Key.field("this$0", outer);
                if (DEADLOCKS) {
                    rule(cond, m.substring(0, p), m.substring(p), enter("awaitBegins", lock), exit("awaitEnds", lock),
                            exitThrown("awaitThrew", lock).with(Key.THROWN));
                } else {
                    rule(cond, m.substring(0, p), m.substring(p), enter("awaitRelease", lock), exit("awaitAcquire", lock),
                            exitThrown("awaitAcquireIfInterrupted", lock).with(Key.THROWN));
                }
            }
        }
        // More synchronizers: phasers meet at their root, per phase (see PhaseClocks): an arrival releases into the
        // phase it arrives at (getPhase() on entry: it cannot advance before this party arrives), the return of
        // awaitAdvance(p) acquires the arrivals up to phase p once that phase has advanced (it returns another phase
        // number: at once when the phaser is elsewhere, later when p ends), arriveAndAwaitAdvance() the phase it
        // arrived at (the one before the phase it returns). onAdvance: see phaserAdvances. Exchangers and stamped
        // locks meet on themselves.
        Key root = Key.field("root", "L" + PHASER + ";");
        Key phase = Key.THIS.call(PHASER, "getPhase", "()I");
        for (String m : new String[] {"arrive", "arriveAndDeregister", "arriveAndAwaitAdvance"}) {
            rule(PHASER, m, "()I", enter("phaseArrive", root).with(phase));
        }
        rule(PHASER, "arriveAndAwaitAdvance", "()I", exit("phaseArrivedAndAdvanced", root).with(Key.RESULT));
        rule(PHASER, "awaitAdvance", "(I)I", exit("phaseAdvanced", root).with(Key.RESULT, arg(0)));
        rule(PHASER, "awaitAdvanceInterruptibly", "(I*", exit("phaseAdvanced", root).with(Key.RESULT, arg(0)));
        // An exchange is a hand-off of each party's object to the other, through this exchanger: keyed by the object
        // (see collections()), so that an exchange pairs the two parties only, not every party of earlier exchanges.
        rule(juc + "Exchanger", "exchange", "*", enter("handOff", Key.THIS).with(arg(0)),
                exit("takeOut", Key.THIS).with(Key.RESULT));
        // StampedLock: a write clock and a read clock, as ReentrantReadWriteLock's (see above). unlock(stamp) and the
        // conversions give back the lock their stamp holds. The views (asReadLock()...) lock through readLock() and
        // writeLock() and unlock through unstampedUnlock*.
        String sl = locks + "StampedLock";
        for (String m : new String[] {"writeLock", "writeLockInterruptibly"}) {
            rule(sl, m, "*", exit("lockWrite", Key.THIS));
        }
        for (String m : new String[] {"readLock", "readLockInterruptibly"}) {
            rule(sl, m, "*", exit("lockRead", Key.THIS));
        }
        rule(sl, "tryWriteLock", "*", exit("lockWriteIfStamp", Key.THIS));
        rule(sl, "tryConvertToWriteLock", "*", exit("convertToWriteIfStamp", Key.THIS));
        for (String m : new String[] {"tryReadLock", "tryConvertToReadLock"}) {
            rule(sl, m, "*", exit("lockReadIfStamp", Key.THIS));
        }
        for (String m : new String[] {"unlockWrite", "tryUnlockWrite", "unstampedUnlockWrite"}) {
            rule(sl, m, "*", enter("unlockWrite", Key.THIS));
        }
        for (String m : new String[] {"unlockRead", "tryUnlockRead", "unstampedUnlockRead"}) {
            rule(sl, m, "*", enter("unlockRead", Key.THIS));
        }
        for (String m : new String[] {"tryConvertToReadLock", "tryConvertToOptimisticRead"}) {
            rule(sl, m, "(J)J", enter("unlockStamp", Key.THIS));
        }
        rule(sl, "unlock", "(J)V", enter("unlockStamp", Key.THIS));
        // Optimistic reads (see OptimisticReads): the reads between a non-zero tryOptimisticRead() and validate() are
        // checked when validate() succeeds (ordered after the last write unlock, which the stamp acquires), not
        // recorded; any other call on the lock ends the optimistic read unvalidated.
        rule(sl, "tryOptimisticRead", "()J", exit("optimisticRead", Key.THIS));
        rule(sl, "tryConvertToOptimisticRead", "(J)J", exit("optimisticRead", Key.THIS));
        rule(sl, "validate", "(J)Z", exit("validated", Key.THIS));
        for (String m : new String[] {"writeLock", "readLock", "writeLockInterruptibly", "readLockInterruptibly",
                "tryWriteLock", "tryReadLock", "tryConvertToWriteLock", "tryConvertToReadLock", "unlockWrite",
                "unlockRead", "unlock", "tryUnlockWrite", "tryUnlockRead", "unstampedUnlockWrite",
                "unstampedUnlockRead"}) {
            rule(sl, m, "*", enter("stampedLockCall", Key.THIS));
        }

        // Latches, semaphores, barriers.
        // countDown() at zero does nothing (its javadoc): no release.
        rule(juc + "CountDownLatch", "countDown", "()V", enter("releaseIfPositive", Key.THIS).with(
                Key.field("sync", "Ljava/util/concurrent/CountDownLatch$Sync;")
                        .call("java/util/concurrent/CountDownLatch$Sync", "getCount", "()I")));
        rule(juc + "CountDownLatch", "await", "()V", exit("acquire", Key.THIS));
        rule(juc + "CountDownLatch", "await", "(JLjava/util/concurrent/TimeUnit;)Z", exit("acquireIf", Key.THIS));
        for (String d : new String[] {"()V", "(I)V"}) {
            rule(juc + "Semaphore", "release", d, enter("release", Key.THIS));
            rule(juc + "Semaphore", "acquire", d, exit("acquire", Key.THIS));
            rule(juc + "Semaphore", "acquireUninterruptibly", d, exit("acquire", Key.THIS));
        }
        for (String d : new String[] {"()Z", "(I)Z", "(JLjava/util/concurrent/TimeUnit;)Z", "(IJLjava/util/concurrent/TimeUnit;)Z"}) {
            rule(juc + "Semaphore", "tryAcquire", d, exit("acquireIf", Key.THIS));
        }
        for (String d : new String[] {"()I", "(JLjava/util/concurrent/TimeUnit;)I"}) {
            rule(juc + "CyclicBarrier", "await", d, enter("release", Key.THIS), exit("acquire", Key.THIS));
        }

        // Atomics: reads acquire, writes release, read-modify-writes do both; plain and opaque modes do neither.
        String[] reads = {"get", "getAcquire", "intValue", "longValue", "floatValue", "doubleValue"};
        String[] writes = {"set", "lazySet", "setRelease"};
        String[] updates = {"compareAndSet", "weakCompareAndSet", "weakCompareAndSetVolatile",
                "weakCompareAndSetAcquire", "weakCompareAndSetRelease", "compareAndExchange",
                "compareAndExchangeAcquire", "compareAndExchangeRelease", "getAndSet", "getAndIncrement",
                "getAndDecrement", "getAndAdd", "incrementAndGet", "decrementAndGet", "addAndGet", "getAndUpdate",
                "updateAndGet", "getAndAccumulate", "accumulateAndGet"};
        // A compare-and-set releases only when it will write: the variable holds the expected value on entry (a failed
        // one writes nothing; it still reads, and acquires). Under contention one of several that saw the expected
        // value fails after releasing: an edge too many, never one too few.
        for (String[] atomic : new String[][] {{"AtomicInteger", "I"}, {"AtomicLong", "J"}, {"AtomicBoolean", "I"},
                {"AtomicReference", "Ljava/lang/Object;"}}) {
            String c = juc + "atomic/" + atomic[0];
            Key current = Key.field("value", atomic[1]);
            for (String m : reads) rule(c, m, "*", exit("acquire", Key.THIS));
            for (String m : writes) rule(c, m, "*", enter("release", Key.THIS));
            for (String m : updates) {
                Hook release = COMPARE_AND_SETS.contains(m) ? enter("releaseIfSame", Key.THIS).with(current, arg(0))
                        : enter("release", Key.THIS);
                rule(c, m, "*", release, exit("acquire", Key.THIS));
            }
        }
        // AtomicStampedReference and AtomicMarkableReference: one volatile (reference, stamp or mark) pair, the same;
        // compareAndSet releases when both the reference and the stamp (mark) are the expected ones, attemptStamp and
        // attemptMark when the reference is.
        for (String[] pair : new String[][] {{"AtomicStampedReference", "stamp"}, {"AtomicMarkableReference", "mark"}}) {
            String c = juc + "atomic/" + pair[0];
            String pairClass = c + "$Pair";
            Key pairField = Key.field("pair", "L" + pairClass + ";");
            Key reference = pairField.get(pairClass, "reference", "Ljava/lang/Object;");
            Key stamp = pairField.get(pairClass, pair[1], pair[1].equals("stamp") ? "I" : "Z");
            for (String m : new String[] {"getReference", "getStamp", "isMarked", "get"}) {
                rule(c, m, "*", exit("acquire", Key.THIS));
            }
            rule(c, "set", "*", enter("release", Key.THIS));
            for (String m : new String[] {"compareAndSet", "weakCompareAndSet"}) {
                rule(c, m, "*", enter("releaseIfSame", Key.THIS).with(reference, arg(0), stamp, arg(2)),
                        exit("acquire", Key.THIS));
            }
            for (String m : new String[] {"attemptStamp", "attemptMark"}) {
                rule(c, m, "*", enter("releaseIfSame", Key.THIS).with(reference, arg(0)), exit("acquire", Key.THIS));
            }
        }
        // Each element of an atomic array is a variable of its own: keyed by (inner array, index), as a VarHandle
        // access of an array element is (the atomic arrays' methods are exactly that).
        for (String[] atomicArray : new String[][] {{"AtomicIntegerArray", "[I"}, {"AtomicLongArray", "[J"},
                {"AtomicReferenceArray", "[Ljava/lang/Object;"}}) {
            String c = juc + "atomic/" + atomicArray[0];
            Key array = Key.field("array", atomicArray[1]);
            for (String m : reads) rule(c, m, "(I)*", exit("elementAcquire", array));
            for (String m : writes) rule(c, m, "(I*", enter("elementRelease", array));
            for (String m : updates) {
                Hook release = COMPARE_AND_SETS.contains(m) ? enter("elementReleaseIfSame", array).with(arg(0), arg(1))
                        : enter("elementRelease", array);
                rule(c, m, "(I*", release, exit("elementAcquire", array));
            }
        }
        // Where VarHandles are made: what each one accesses (see VarHandles; application call sites use it).
        String lookup = "java/lang/invoke/MethodHandles$Lookup";
        String fieldLookup = "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;";
        rule(lookup, "findVarHandle", fieldLookup, exit("fieldHandle", Key.NONE));
        rule(lookup, "findStaticVarHandle", fieldLookup, exit("staticHandle", Key.NONE));
        rule(lookup, "unreflectVarHandle", "(Ljava/lang/reflect/Field;)Ljava/lang/invoke/VarHandle;",
                exit("unreflectedHandle", Key.NONE));
        rule("java/lang/invoke/MethodHandles", "arrayElementVarHandle", "(Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;",
                exit("arrayHandle", Key.NONE));
        // Reflection: Field's getters and setters are reads and writes of the field (a volatile one's acquire and
        // release), and so are the method handles made by findGetter & co. when application code invokes them.
        String field = "java/lang/reflect/Field";
        for (String t : new String[] {"Ljava/lang/Object;", "Z", "B", "C", "S", "I", "J", "F", "D"}) {
            String suffix = t.length() > 1 ? "" : Type.getType(t).getClassName();
            suffix = suffix.isEmpty() ? "" : Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
            rule(field, "get" + suffix, "(Ljava/lang/Object;)" + t, exit("reflectedRead", Key.NONE));
            rule(field, "set" + suffix, "(Ljava/lang/Object;" + t + ")V", enter("reflectedWriting", Key.NONE),
                    exit("reflectedWrite", Key.NONE));
        }
        String accessorLookup = "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/invoke/MethodHandle;";
        rule(lookup, "findGetter", accessorLookup, exit("getterHandle", Key.NONE));
        rule(lookup, "findSetter", accessorLookup, exit("setterHandle", Key.NONE));
        rule(lookup, "findStaticGetter", accessorLookup, exit("staticGetterHandle", Key.NONE));
        rule(lookup, "findStaticSetter", accessorLookup, exit("staticSetterHandle", Key.NONE));
        rule(lookup, "unreflectGetter", "(Ljava/lang/reflect/Field;)Ljava/lang/invoke/MethodHandle;",
                exit("unreflectedGetter", Key.NONE));
        rule(lookup, "unreflectSetter", "(Ljava/lang/reflect/Field;)Ljava/lang/invoke/MethodHandle;",
                exit("unreflectedSetter", Key.NONE));
        // Field updaters act on the object passed first: key it like the object's own volatile fields.
        for (String updater : new String[] {"AtomicIntegerFieldUpdater$AtomicIntegerFieldUpdaterImpl",
                "AtomicLongFieldUpdater$CASUpdater", "AtomicLongFieldUpdater$LockedUpdater",
                "AtomicReferenceFieldUpdater$AtomicReferenceFieldUpdaterImpl"}) {
            String c = juc + "atomic/" + updater;
            for (String m : reads) rule(c, m, "(Ljava/lang/Object;)*", exit("updaterAcquire", arg(0)));
            for (String m : writes) rule(c, m, "(Ljava/lang/Object;*", enter("updaterRelease", arg(0)));
            for (String m : updates) {
                Hook release = COMPARE_AND_SETS.contains(m)
                        ? enter("updaterReleaseIfSame", arg(0)).with(Key.THIS, arg(1)) : enter("updaterRelease", arg(0));
                rule(c, m, "(Ljava/lang/Object;*", release, exit("updaterAcquire", arg(0)));
            }
        }
        // The factories say which field an updater works on.
        String atomic = juc + "atomic/";
        rule(atomic + "AtomicIntegerFieldUpdater", "newUpdater", "*", exit("updaterCreated", arg(1)));
        rule(atomic + "AtomicLongFieldUpdater", "newUpdater", "*", exit("updaterCreated", arg(1)));
        rule(atomic + "AtomicReferenceFieldUpdater", "newUpdater", "*", exit("updaterCreated", arg(2)));
        for (String adder : new String[] {"LongAdder", "DoubleAdder", "LongAccumulator", "DoubleAccumulator"}) {
            String c = juc + "atomic/" + adder;
            for (String m : new String[] {"add", "increment", "decrement", "accumulate", "reset"}) {
                rule(c, m, "*", enter("release", Key.THIS));
            }
            for (String m : new String[] {"sum", "sumThenReset", "get", "getThenReset", "intValue", "longValue",
                    "floatValue", "doubleValue"}) {
                rule(c, m, "*", exit("acquire", Key.THIS));
            }
        }

        collections(juc);

        // Fork/join (parallel streams, CompletableFuture's async default): forking or submitting a task
        // happens-before it runs; its completion happens-before join/get; a counted completer's completion is
        // released up its completer chain to the root the caller joins.
        String fjt = juc + "ForkJoinTask";
        rule(fjt, "<init>", "()V", exit("release", Key.THIS));
        rule(fjt, "fork", "()Ljava/util/concurrent/ForkJoinTask;", enter("release", Key.THIS));
        rule(fjt, "doExec", "*", enter("acquire", Key.THIS));
        for (String m : new String[] {"setDone", "trySetThrown", "trySetException", "trySetCancelled"}) {
            rule(fjt, m, "*", enter("release", Key.THIS));
        }
        // A task that completed exceptionally is complete: join, invoke and get rethrow, and what the task did before
        // happens-before as for a normal completion. Every way of looking at the task acquires once it is done (its
        // status negative), however the call ends, and not before: isDone() false, a get(timeout) that times out.
        Key status = Key.field("status", "I");
        for (String m : new String[] {"join", "invoke", "get", "quietlyJoin", "quietlyInvoke", "joinForPoolInvoke",
                "getForPoolInvoke", "awaitPoolInvoke", "quietlyJoinUninterruptibly", "isDone", "isCompletedNormally",
                "isCompletedAbnormally", "getRawResult", "resultNow", "exceptionNow", "state"}) {
            rule(fjt, m, "*", exitAny("acquireIfDone", Key.THIS).with(status));
        }
        // invokeAll returns once every task is done (it waits in awaitDone, not through join), and throws the first
        // exception a task threw, once that task is done: each task done by then is acquired.
        rule(fjt, "invokeAll", "(Ljava/util/concurrent/ForkJoinTask;Ljava/util/concurrent/ForkJoinTask;)V",
                exitAny("acquireEachDone", arg(0)), exitAny("acquireEachDone", arg(1)));
        rule(fjt, "invokeAll", "([Ljava/util/concurrent/ForkJoinTask;)V", exitAny("acquireEachDone", arg(0)));
        rule(fjt, "invokeAll", "(Ljava/util/Collection;)Ljava/util/Collection;", exitAny("acquireEachDone", arg(0)));
        // A pool terminates once every worker has deregistered: a worker's exit releases everything it ran into
        // the pool, which awaitTermination (returning true), isTerminated (true) and close() acquire. Carrier
        // threads of the virtual-thread scheduler are not analysed, so they release nothing; the common pool
        // never terminates (close() is a no-op there, see poolTerminated).
        rule(juc + "ForkJoinPool", "deregisterWorker", "*", enter("release", Key.THIS));
        rule(juc + "ForkJoinPool", "awaitTermination", "*", exit("acquireIf", Key.THIS));
        rule(juc + "ForkJoinPool", "isTerminated", "()Z", exit("acquireIf", Key.THIS));
        rule(juc + "ForkJoinPool", "close", "()V", exit("poolTerminated", Key.THIS));
        for (String m : new String[] {"execute", "submit", "invoke", "externalSubmit"}) {
            rule(juc + "ForkJoinPool", m, "(Ljava/util/concurrent/ForkJoinTask;)*", enter("release", arg(0)));
            // releaseTask: a virtual thread's continuation, submitted here too, is not a hand-off.
            rule(juc + "ForkJoinPool", m, "(Ljava/lang/Runnable;)*", enter("releaseTask", arg(0)));
            rule(juc + "ForkJoinPool", m, "(Ljava/lang/Runnable;Ljava/lang/Object;)*", enter("releaseTask", arg(0)));
            rule(juc + "ForkJoinPool", m, "(Ljava/util/concurrent/Callable;)*", enter("release", arg(0)));
        }
        // Counted completers: a task's pending count is its completion barrier. Whoever decrements a pending count
        // has finished its part (its compute and every onCompletion below); whoever finds it zero goes on to run
        // that task's onCompletion and to complete its completer (tryComplete's loop, propagateCompletion,
        // firstComplete/nextComplete). Each read of `pending` in those loops releases into the task before the
        // decrement it may lead to, and acquires from it when it reads zero (see completerPending); the root's
        // quietlyComplete (setDone) then releases to join/invoke/get.
        String cc = juc + "CountedCompleter";
        PENDING_READS.addAll(java.util.Set.of("tryComplete", "propagateCompletion", "firstComplete",
                "decrementPendingCountUnlessZero"));
        for (String m : new String[] {"setPendingCount", "addToPendingCount", "compareAndSetPendingCount"}) {
            rule(cc, m, "*", enter("release", Key.THIS));
        }
        rule(cc, "compareAndSetPendingCount", "*", exit("acquire", Key.THIS));
        rule(cc, "getPendingCount", "*", exit("acquire", Key.THIS));

        // CompletableFuture: completing releases; reading the result (directly or as the source of a dependent
        // stage) acquires.
        // A completion attempt releases only into a future not complete yet (its result null on entry): complete(v) on
        // a completed future completes nothing. obtrude* always set the result.
        String cf = juc + "CompletableFuture";
        Key result = Key.field("result", "Ljava/lang/Object;");
        for (String m : new String[] {"completeNull", "completeValue", "completeThrowable", "completeRelay",
                "internalComplete", "complete", "completeExceptionally", "cancel"}) {
            rule(cf, m, "*", enter("releaseIfNull", Key.THIS).with(result));
        }
        for (String m : new String[] {"obtrudeValue", "obtrudeException"}) {
            rule(cf, m, "*", enter("release", Key.THIS));
        }
        // Whoever looks at a completed future acquires, however the call ends (join and get throw when it completed
        // exceptionally or was cancelled: that is a completion too), and not before it is complete (isDone() false,
        // getNow(v) returning v, a get(timeout) that timed out).
        for (String m : new String[] {"join", "get", "getNow", "resultNow", "exceptionNow", "isDone",
                "isCompletedExceptionally", "isCancelled", "state"}) {
            rule(cf, m, "*", exitAny("acquireIfNonNull", Key.THIS).with(result));
        }
        // A stage added to a completed future runs its function at once, inside the call: acquire on entry, when
        // complete. A stage added before completion runs later, in the completing thread: its Completion is a
        // ForkJoinTask, released into by the adding thread as it is made (ForkJoinTask.<init>) and acquired by tryFire
        // (below), so that what the adder did before thenApply(f) happens-before f, and nothing else: no release into
        // the future itself, which every later join would acquire.
        for (String m : new String[] {"uniApplyStage", "uniAcceptStage", "uniRunStage", "uniWhenCompleteStage",
                "uniHandleStage", "uniExceptionallyStage", "uniComposeExceptionallyStage", "uniComposeStage",
                "biApplyStage", "biAcceptStage", "biRunStage", "orApplyStage", "orAcceptStage", "orRunStage"}) {
            rule(cf, m, "*", enter("acquireIfNonNull", Key.THIS).with(result));
            if (m.startsWith("bi") || m.startsWith("or")) {
                // The other future: bi/or stages take (Executor, CompletionStage, function).
                rule(cf, m, "*", enter("acquireStageIfDone", arg(1)));
            }
        }
        // allOf/anyOf read the sources' results directly when they are already complete.
        rule(cf, "andTree", "*", exit("acquireEach", arg(0)));
        rule(cf, "orTree", "*", exit("acquireEach", arg(0)));
        rule(cf, "anyOf", "*", exit("acquireEach", arg(0)));
        String cfDesc = "Ljava/util/concurrent/CompletableFuture;";
        for (String stage : new String[] {"UniApply", "UniAccept", "UniRun", "UniWhenComplete", "UniHandle",
                "UniExceptionally", "UniComposeExceptionally", "UniRelay", "UniCompose", "BiApply", "BiAccept", "BiRun",
                "BiRelay", "OrApply", "OrAccept", "OrRun", "AnyOf"}) {
            rule(cf + "$" + stage, "tryFire", "(I)Ljava/util/concurrent/CompletableFuture;",
                    enter("acquire", Key.THIS), enter("acquire", Key.field("src", cfDesc)));
            if (stage.startsWith("Bi") || stage.startsWith("Or")) {
                rule(cf + "$" + stage, "tryFire", "(I)Ljava/util/concurrent/CompletableFuture;",
                        enter("acquire", Key.field("snd", cfDesc)));
            }
        }

        // invokeAll returns futures of which some finished before it looked: each one that completed (not one a
        // timed invokeAll cancelled) is acquired.
        rule(juc + "AbstractExecutorService", "invokeAll", "*", exit("acquireEachCompleted", Key.RESULT));
        // JDK 21+ thread-per-task executors: a finished task is released into the executor, which
        // close()/awaitTermination() acquire.
        rule(juc + "ThreadPerTaskExecutor", "taskComplete", "*", enter("release", Key.THIS));
        rule(juc + "ThreadPerTaskExecutor", "awaitTermination", "()V", exit("acquire", Key.THIS));
        rule(juc + "ThreadPerTaskExecutor", "awaitTermination", "(JLjava/util/concurrent/TimeUnit;)Z",
                exit("acquireIf", Key.THIS));
        rule(juc + "ThreadPerTaskExecutor", "close", "()V", exit("acquire", Key.THIS));
        rule("java/lang/VirtualThread", "interrupt", "()V", enter("release", Key.THIS));

        // Not the program's synchronization: see QUIET.
        // The JDK's own class loaders run no program code while loading (a transformer's work is suspended
        // anyway); other loaders may, so only the JDK-internal steps of their defineClass are quiet.
        QUIET.put("jdk/internal/loader/BuiltinClassLoader", java.util.Set.of("loadClassOrNull", "findClass"));
        QUIET.put("java/lang/ClassLoader", java.util.Set.of("getClassLoadingLock", "checkCerts", "definePackage",
                "getNamedPackage"));
        QUIET.put("java/security/SecureClassLoader", java.util.Set.of("getProtectionDomain"));
        QUIET.put("java/lang/invoke/MethodHandleNatives", java.util.Set.of("linkCallSite", "linkDynamicConstant",
                "linkMethod", "linkMethodHandleConstant", "findMethodHandleType"));
        QUIET.put("java/lang/invoke/MethodType", java.util.Set.of("makeImpl"));

        // Parking: no edge of its own (what the parked thread waits for has its rules), but a place where schedule
        // exploration may make a thread wait, before it blocks or before it wakes another (see SCHEDULE_POINTS).
        for (String m : new String[] {"park", "parkNanos", "parkUntil", "unpark"}) {
            rule(locks + "LockSupport", m, "*", enter("schedulePoint", Key.NONE));
        }

        // Timer: scheduling a task happens-before it runs in the timer thread.
        rule("java/util/Timer", "sched", "*", enter("release", arg(0)));
        RUN_CALLS.put("java/util/TimerThread", "mainLoop");

        // Synchronized wrappers and legacy collections: their monitors are what orders their users.
        for (String c : dev.racecheck.agent.runtime.report.MonitorClasses.INTERNAL_NAMES) {
            MONITORS.add(c);
            // A wrapper's view-making methods lock its mutex for the JDK's sake only: see WRAPPER_VIEW_MAKERS.
            if (c.startsWith("java/util/Collections$Synchronized")) QUIET.put(c, WRAPPER_VIEW_MAKERS);
        }

        // Executors: submission happens-before execution; completion happens-before Future.get.
        rule(juc + "ThreadPoolExecutor", "execute", "(Ljava/lang/Runnable;)V", enter("release", arg(0)));
        rule(juc + "ScheduledThreadPoolExecutor", "delayedExecute", "(Ljava/util/concurrent/RunnableScheduledFuture;)V",
                enter("release", arg(0)));
        RUN_CALLS.put(juc + "ThreadPoolExecutor", "runWorker");
        // set/setException complete a task still NEW (state 0) only: a task cancelled before its run ends publishes
        // nothing, and get() throws CancellationException.
        String ft = juc + "FutureTask";
        Key state = Key.field("state", "I");
        rule(ft, "set", "(Ljava/lang/Object;)V", enter("releaseIfZero", Key.THIS).with(state));
        rule(ft, "setException", "(Ljava/lang/Throwable;)V", enter("releaseIfZero", Key.THIS).with(state));
        // get() acquires when it returns and when it throws ExecutionException (the task threw: it completed); not when
        // it throws CancellationException, InterruptedException or TimeoutException.
        rule(ft, "get", "*", exit("acquire", Key.THIS),
                exitThrown("acquireIfExecutionException", Key.THIS).with(Key.THROWN));
        // JDK 19+: resultNow()/exceptionNow() return what get() would (they throw if the task did not complete that
        // way); state() reads the same state: SUCCESS or FAILED is a completion; isDone() returning true too.
        for (String m : new String[] {"resultNow", "exceptionNow"}) {
            rule(ft, m, "*", exit("acquire", Key.THIS));
        }
        rule(ft, "state", "()Ljava/util/concurrent/Future$State;", exit("acquireIfStateDone", Key.THIS).with(Key.RESULT));
        rule(ft, "isDone", "()Z", exit("acquireIf", Key.THIS));
    }

    private JdkModel() {
        // no instances
    }

    /**
     * Hooks of synchronization operations: when schedule exploration is armed ({@link Config#explore}), a method with
     * one of them also calls {@code RaceEvents.schedulePoint()} on entry, before it acquires, releases or hands over
     * anything (the exploration may make the thread wait there). Thread.start has its own point (threadStart).
     */
    private static final java.util.Set<String> SCHEDULE_POINTS = java.util.Set.of("optimisticRead", "validated",
            "poolTerminated", "schedulePoint");
    /** Prefixes of the hook events that acquire, release or hand over (every variant: acquireIf..., releaseIf...). */
    private static final String[] SCHEDULE_POINT_PREFIXES = {"acquire", "release", "handOff", "takeOut", "takeOver",
            "phase", "elementAcquire", "elementRelease", "updaterAcquire", "updaterRelease"};

    static boolean isSchedulePoint(String event) {
        if (SCHEDULE_POINTS.contains(event)) return true;
        for (String p : SCHEDULE_POINT_PREFIXES) {
            if (event.startsWith(p)) return true;
        }
        return false;
    }

    /**
     * The hooks of a method as emitted: schedule points only when exploration is armed, once, first, and never in a
     * constructor or in a method without code (abstract or native).
     */
    private static List<Hook> emitted(List<Hook> hooks, String method, int access) {
        List<Hook> out = new ArrayList<>();
        boolean point = false;
        boolean code = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
        for (Hook h : hooks) {
            if (isSchedulePoint(h.event()) && code && !method.equals("<init>")) point = true;
            if (!h.event().equals("schedulePoint")) out.add(h);
        }
        if (point && Config.explore) out.add(0, enter("schedulePoint", Key.NONE));
        return out;
    }

    /**
     * The JDK's concurrent collections: hand-offs keyed by (collection, element) (CollectionEvents). "Actions in a
     * thread prior to placing an object into any concurrent collection happen-before actions subsequent to the access
     * or removal of that element from the collection in another thread": an element placed in one collection orders
     * nothing for whoever gets the same object out of another (a cached Integer, Boolean.TRUE, an enum constant, a
     * string literal). Placings release where the element is stored, so that one that stores nothing releases
     * nothing; every load of an element in the collection's code acquires it (a take, a peek, an iterator, a
     * spliterator, a stream, forEach, toArray, drainTo, the scans of contains and remove(o), whose equals may read
     * it); a take from a queue also counts its placing off. The lock-based queues' own locks and counter order nothing
     * for the program: a poll that finds nothing, a failed contains or remove(o), a full offer are no edges.
     */
    private static void collections(String juc) {
        String clq = juc + "ConcurrentLinkedQueue";
        String cld = juc + "ConcurrentLinkedDeque";
        String ltq = juc + "LinkedTransferQueue";
        String sq = juc + "SynchronousQueue";
        String abq = juc + "ArrayBlockingQueue";
        String lbq = juc + "LinkedBlockingQueue";
        String lbd = juc + "LinkedBlockingDeque";
        String pbq = juc + "PriorityBlockingQueue";
        String dq = juc + "DelayQueue";
        String chm = juc + "ConcurrentHashMap";
        String cslm = juc + "ConcurrentSkipListMap";
        String cow = juc + "CopyOnWriteArrayList";
        String collection = "(Ljava/util/Collection;)";
        Key element = arg(0);

        // Placings. Queues that never refuse an element release on entry of their inner insertion (each public
        // producer reaches exactly one); the lock-based ones where the element is enqueued, under their lock, so a
        // full queue releases nothing (LinkedBlockingDeque: once linked). SynchronousQueue, tryTransfer and timed
        // exchanges release on entry, also when they end up handing nothing over (an edge too many, to a later taker
        // of the same object from the same queue).
        rule(clq, "offer", "(Ljava/lang/Object;)Z", enter("handOff", Key.THIS).with(element));
        for (String m : new String[] {"linkFirst", "linkLast"}) {
            rule(cld, m, "(Ljava/lang/Object;)V", enter("handOff", Key.THIS).with(element));
        }
        for (String q : new String[] {ltq, sq}) {
            for (String m : new String[] {"put", "offer", "add", "transfer", "tryTransfer"}) {
                rule(q, m, "(Ljava/lang/Object;*", enter("handOff", Key.THIS).with(element));
            }
        }
        rule(abq, "enqueue", "(Ljava/lang/Object;)V", enter("handOff", Key.THIS).with(element));
        rule(lbq, "enqueue", "(L" + lbq + "$Node;)V",
                enter("handOff", Key.THIS).with(element.get(lbq + "$Node", "item", "Ljava/lang/Object;")));
        for (String m : new String[] {"linkFirst", "linkLast"}) {
            rule(lbd, m, "(L" + lbd + "$Node;)Z", exit("handOffIf", Key.THIS).with(Key.RESULT,
                    element.get(lbd + "$Node", "item", "Ljava/lang/Object;")));
        }
        rule(pbq, "offer", "(Ljava/lang/Object;)Z", enter("handOff", Key.THIS).with(element));
        rule(dq, "offer", "(Ljava/util/concurrent/Delayed;)Z", enter("handOff", Key.THIS).with(element));
        // Bulk insertions that make their nodes themselves (not through the methods above).
        for (String c : new String[] {clq, cld, lbd}) {
            rule(c, "addAll", collection + "Z", enter("handOffEach", Key.THIS).with(element));
        }
        for (String c : new String[] {clq, cld}) {
            rule(c, "<init>", collection + "V", exit("handOffEach", Key.THIS).with(element));
        }
        rule(cow, "addAll", collection + "Z", enter("handOffEach", Key.THIS).with(element));
        rule(cow, "addAll", "(ILjava/util/Collection;)Z", enter("handOffEach", Key.THIS).with(arg(1)));
        rule(cow, "<init>", collection + "V", exit("handOffEach", Key.THIS).with(element));
        rule(cow, "<init>", "([Ljava/lang/Object;)V", exit("handOffEach", Key.THIS).with(element));
        // Maps and copy-on-write lists: where the element is stored (placings).
        PLACINGS.put(chm, java.util.Set.of("putVal", "replaceNode", "computeIfAbsent", "computeIfPresent", "compute",
                "merge"));
        PLACINGS.put(cslm, java.util.Set.of("doPut", "replace", "compute", "computeIfPresent", "merge", "replaceAll"));
        PLACINGS.put(cow, java.util.Set.of("add", "set", "addIfAbsent", "addAllAbsent", "replaceAllRange"));

        // Taking out: the inner removal of each queue (every public take, poll, remove() and pop reaches exactly one)
        // counts its element off once.
        Key taken = Key.RESULT;
        rule(clq, "poll", "()Ljava/lang/Object;", exit("takeOut", Key.THIS).with(taken));
        for (String m : new String[] {"pollFirst", "pollLast"}) {
            rule(cld, m, "()Ljava/lang/Object;", exit("takeOut", Key.THIS).with(taken));
        }
        for (String q : new String[] {ltq, sq}) {
            for (String m : new String[] {"take", "poll"}) rule(q, m, "*)Ljava/lang/Object;", exit("takeOut", Key.THIS).with(taken));
        }
        for (String q : new String[] {abq, lbq, pbq}) {
            rule(q, "dequeue", "()Ljava/lang/Object;", exit("takeOut", Key.THIS).with(taken));
        }
        for (String m : new String[] {"unlinkFirst", "unlinkLast"}) {
            rule(lbd, m, "()Ljava/lang/Object;", exit("takeOut", Key.THIS).with(taken));
        }
        for (String m : new String[] {"take", "poll"}) {
            rule(dq, m, "*)Ljava/util/concurrent/Delayed;", exit("takeOut", Key.THIS).with(taken));
        }
        rule(dq, "peek", "()Ljava/util/concurrent/Delayed;", exit("takeOver", Key.THIS).with(taken));
        RESULT_LOADS.put(dq, java.util.Set.of("java/util/PriorityQueue.peek", "java/util/PriorityQueue.poll"));
        // Arrays handed out whole (their own loads would be the caller's).
        for (String c : new String[] {abq, pbq, dq, cow}) {
            rule(c, "toArray", "*", exit("takeOverEach", Key.THIS).with(Key.RESULT));
        }
        // Maps: what a lookup returns; containsKey(k) true gets k out.
        for (String map : new String[] {chm, cslm}) {
            for (String m : new String[] {"get", "getOrDefault", "put", "putIfAbsent", "replace", "remove",
                    "computeIfAbsent", "computeIfPresent", "compute", "merge"}) {
                rule(map, m, "*)Ljava/lang/Object;", exit("takeOver", Key.THIS).with(Key.RESULT));
            }
        }
        rule(chm, "containsKey", "(Ljava/lang/Object;)Z", exit("takeOverIf", Key.THIS).with(Key.RESULT, element));
        // ConcurrentHashMap: every traversal (iterators, spliterators, forEach, the parallel bulk operations, keys(),
        // elements(), toString, containsValue) gets its nodes from a traverser's advance(): the node's key and value
        // are acquired for the map its caller works for.
        String node = "()L" + chm + "$Node;";
        for (String t : new String[] {chm + "$Traverser", chm + "$BulkTask"}) {
            rule(t, "advance", node, exit("takeOverEntryInContext", Key.NONE).with(Key.RESULT));
        }
        // ConcurrentHashMap.compute* and merge run the function atomically, under the key's bin lock: an update in
        // place sees what the previous function did. Ordered per map, right around each function call, inside the
        // lock (on entry and exit, a second caller could acquire before the first one's release).
        ATOMIC_FUNCTIONS.put(chm, java.util.Set.of("compute", "computeIfAbsent", "computeIfPresent", "merge"));
        // ConcurrentSkipListMap may run the function more than once, unlocked: ordered per call only.
        for (String m : new String[] {"compute", "computeIfPresent", "merge"}) {
            rule(cslm, m, "*", enter("acquire", Key.THIS), exit("release", Key.THIS));
        }

        // Copy-on-write lists hand out their array: an iterator its snapshot, taken as it is made (the elements it
        // will return, acquired at once); a spliterator a snapshot taken inside the call (what the list holds on
        // entry and on exit).
        String cowIterator = cow + "$COWIterator";
        Key snapshot = Key.RESULT.cast(cowIterator).get(cowIterator, "snapshot", "[Ljava/lang/Object;");
        for (String m : new String[] {"iterator", "listIterator"}) {
            rule(cow, m, "*", exit("takeOverEach", Key.THIS).with(snapshot));
        }
        String cowDesc = "L" + cow + ";";
        Key array = Key.THIS.call(cow, "getArray", "()[Ljava/lang/Object;");
        rule(cow, "spliterator", "()Ljava/util/Spliterator;", enter("takeOverEach", Key.THIS).with(array),
                exit("takeOverEach", Key.THIS).with(array));
        for (String[] view : new String[][] {{cow + "$COWSubList", "this$0"}, {juc + "CopyOnWriteArraySet", "al"}}) {
            Key list = Key.field(view[1], cowDesc);
            Key listArray = list.call(cow, "getArray", "()[Ljava/lang/Object;");
            rule(view[0], "spliterator", "()Ljava/util/Spliterator;", enter("takeOverEach", list).with(listArray),
                    exit("takeOverEach", list).with(listArray));
        }
        rule(cow + "$COWSubList", "toArray", "*", exit("takeOverEach", Key.field("this$0", cowDesc)).with(Key.RESULT));

        // Element loads, and how each class's code names its collection.
        elementLoads(clq, "item");
        elementLoads(cld, "item");
        elementLoads(ltq, "item");
        elementLoads(cslm, "key", "val");
        elementLoads(cow, ARRAY_ELEMENTS);
        elementLoads(abq, ARRAY_ELEMENTS);
        elementLoads(lbq, "item");
        elementLoads(lbd, "item");
        elementLoads(pbq, ARRAY_ELEMENTS);
        elementLoads(dq, ARRAY_ELEMENTS);
        for (String c : new String[] {clq + "$Itr", clq + "$CLQSpliterator", cld + "$CLDSpliterator", ltq + "$Itr",
                ltq + "$LTQSpliterator", abq + "$Itr", lbq + "$Itr", lbq + "$LBQSpliterator", lbd + "$LBDSpliterator",
                pbq + "$Itr", pbq + "$PBQSpliterator", dq + "$Itr", cow + "$COWSubList"}) {
            String outer = outerClass(c);
            ownerPath(c, new Step(Opcodes.GETFIELD, c, "this$0", "L" + outer + ";"));
        }
        for (String[] itr : new String[][] {{cld, "$AbstractItr"}, {lbd, "$AbstractItr"}}) {
            Step outer = new Step(Opcodes.GETFIELD, itr[0] + itr[1], "this$0", "L" + itr[0] + ";");
            for (String c : new String[] {"$AbstractItr", "$Itr", "$DescendingItr"}) ownerPath(itr[0] + c, outer);
        }
        Step iterMap = new Step(Opcodes.GETFIELD, cslm + "$Iter", "this$0", "L" + cslm + ";");
        for (String c : new String[] {"$Iter", "$KeyIterator", "$ValueIterator", "$EntryIterator"}) {
            ownerPath(cslm + c, iterMap);
        }
        Step subMapMap = new Step(Opcodes.GETFIELD, cslm + "$SubMap", "m", "L" + cslm + ";");
        ownerPath(cslm + "$SubMap", subMapMap);
        Step subMapIter = new Step(Opcodes.GETFIELD, cslm + "$SubMap$SubMapIter", "this$0", "L" + cslm + "$SubMap;");
        for (String c : new String[] {"$SubMapIter", "$SubMapKeyIterator", "$SubMapValueIterator",
                "$SubMapEntryIterator"}) {
            ownerPath(cslm + "$SubMap" + c, subMapIter, subMapMap);
        }
        for (String c : new String[] {"$CSLMSpliterator", "$KeySpliterator", "$ValueSpliterator", "$EntrySpliterator"}) {
            BOUND.add(cslm + c);
        }
        Step iteratorMap = new Step(Opcodes.GETFIELD, chm + "$BaseIterator", "map", "L" + chm + ";");
        for (String c : new String[] {"$BaseIterator", "$KeyIterator", "$ValueIterator", "$EntryIterator"}) {
            ownerPath(chm + c, iteratorMap);
        }
        ownerPath(chm + "$EntrySpliterator", new Step(Opcodes.GETFIELD, chm + "$EntrySpliterator", "map",
                "L" + chm + ";"));
        Step viewMap = new Step(Opcodes.GETFIELD, chm + "$CollectionView", "map", "L" + chm + ";");
        for (String c : new String[] {"$CollectionView", "$KeySetView", "$ValuesView", "$EntrySetView"}) {
            ownerPath(chm + c, viewMap);
        }
        for (String c : new String[] {"$Traverser", "$KeySpliterator", "$ValueSpliterator"}) BOUND.add(chm + c);
        // (The bulk tasks, ConcurrentHashMap$...Task, are bound too: see isBound.)
        OWNER_CALLS.put(cslm, java.util.Set.of("addIndices", "unlinkNode"));
        OWNER_CALLS.put(cow, java.util.Set.of("elementAt", "indexOfRange", "lastIndexOfRange", "hashCodeOfRange"));
        OWNER_CALLS.put(abq, java.util.Set.of("itemAt"));
        OWNER_CALLS.put(pbq, java.util.Set.of("siftUpComparable", "siftUpUsingComparator", "siftDownComparable",
                "siftDownUsingComparator"));
        OWNER_CALLS.put(chm, java.util.Set.of("advance"));

        // SubmissionPublisher: "actions in a source thread prior to publishing an item or issuing a signal
        // happen-before actions subsequent to the corresponding access by each subscriber". Each subscriber's
        // BufferedSubscription is a queue of its own: an item offered to it is handed over to its onNext; the
        // completion and error signals to onComplete and onError.
        String subscription = juc + "SubmissionPublisher$BufferedSubscription";
        rule(subscription, "offer", "(Ljava/lang/Object;Z)I", enter("handOff", Key.THIS).with(element));
        rule(subscription, "retryOffer", "(Ljava/lang/Object;)I", enter("handOff", Key.THIS).with(element));
        rule(subscription, "consumeNext", "*", enter("takeOut", Key.THIS).with(arg(1)));
        for (String m : new String[] {"onComplete", "onError"}) rule(subscription, m, "*", enter("release", Key.THIS));
        for (String m : new String[] {"consumeComplete", "consumeError"}) {
            rule(subscription, m, "*", enter("acquire", Key.THIS));
        }

        // The lock-based queues' own locks and counter (see CollectionEvents.internalLock): marked as each is made.
        String lock = "Ljava/util/concurrent/locks/ReentrantLock;";
        for (String q : new String[] {abq, lbd, pbq}) {
            rule(q, "<init>", "*", exit("internalLock", Key.field("lock", lock)));
        }
        rule(lbq, "<init>", "*", exit("internalLock", Key.field("takeLock", lock)),
                exit("internalLock", Key.field("putLock", lock)),
                exit("internalCounter", Key.field("count", "Ljava/util/concurrent/atomic/AtomicInteger;")));
    }

    private static void ownerPath(String className, Step... steps) {
        OWNER_PATHS.put(className, List.of(steps));
    }

    private static void elementLoads(String collection, String... fields) {
        ELEMENT_LOADS.put(collection, java.util.Set.of(fields));
    }

    /** The top-level class of a class: the name up to its first '$'. */
    private static String outerClass(String className) {
        int d = className.indexOf('$');
        return d < 0 ? className : className.substring(0, d);
    }

    /** The key is argument {@code index} (0 is the first declared parameter). */
    private static Key arg(int index) {
        return new Key("arg", index, List.of());
    }

    private static Hook enter(String event, Key key) {
        return new Hook(ENTER, event, key, List.of(), 0);
    }

    /** Before each normal return. */
    private static Hook exit(String event, Key key) {
        return new Hook(RETURN, event, key, List.of(), 0);
    }

    /** On every exit, normal or exceptional: a call that completes something even when it throws (Future.get). */
    private static Hook exitAny(String event, Key key) {
        return new Hook(RETURN | THROW, event, key, List.of(), 0);
    }

    /** On an exceptional exit only (the event decides from the exception). */
    private static Hook exitThrown(String event, Key key) {
        return new Hook(THROW, event, key, List.of(), 0);
    }

    /** A lock event on entry, given {@code how} after its key. */
    private static Hook enter(String event, Key key, int how) {
        return new Hook(ENTER, event, key, List.of(), how);
    }

    /** A lock event before each normal return, given {@code how} after its key. */
    private static Hook exit(String event, Key key, int how) {
        return new Hook(RETURN, event, key, List.of(), how);
    }

    /**
     * The hooks of lock-order and deadlock detection ({@code Locks}) beyond those of {@link #lock}: the constructors
     * say which object the program knows a sync by; StampedLock's blocking lock methods say on entry that the thread
     * may block on the lock (and, if they throw, that it no longer does) and on return that it holds it, its try
     * methods only that it holds it, its unlock methods that it gave one hold back. Keys as for the happens-before
     * rules: the shared sync (a ReentrantReadWriteLock's two locks are two modes of one lock), the StampedLock itself.
     */
    private static void lockOrder(String locks) {
        rule(locks + "ReentrantLock", "<init>", "*",
                exit("lockCreated", Key.field("sync", "Ljava/util/concurrent/locks/ReentrantLock$Sync;"), LOCK));
        rule(locks + "ReentrantReadWriteLock", "<init>", "*",
                exit("lockCreated", Key.field("sync", "Ljava/util/concurrent/locks/ReentrantReadWriteLock$Sync;"), RW));
        String sl = locks + "StampedLock";
        for (String mode : new String[] {"Write", "Read"}) {
            int how = mode.equals("Read") ? RW | SHARED : RW;
            for (String m : new String[] {mode.toLowerCase(java.util.Locale.ROOT) + "Lock",
                    mode.toLowerCase(java.util.Locale.ROOT) + "LockInterruptibly"}) {
                rule(sl, m, "()J", enter("lockWaiting", Key.THIS, how), exit("lockAcquired", Key.THIS, how),
                        exitThrown("lockAbandoned", Key.THIS));
            }
            rule(sl, "try" + mode + "Lock", "()J", exit("lockAcquiredIfStamp", Key.THIS, how | NONBLOCKING));
            rule(sl, "try" + mode + "Lock", "(JLjava/util/concurrent/TimeUnit;)J",
                    enter("lockWaiting", Key.THIS, how | TIMED), exit("lockAcquiredIfStamp", Key.THIS, how),
                    exitThrown("lockAbandoned", Key.THIS));
        }
        for (String m : new String[] {"unlockWrite", "tryUnlockWrite", "unstampedUnlockWrite"}) {
            rule(sl, m, "*", enter("lockReleased", Key.THIS, RW));
        }
        for (String m : new String[] {"unlockRead", "tryUnlockRead", "unstampedUnlockRead"}) {
            rule(sl, m, "*", enter("lockReleased", Key.THIS, RW | SHARED));
        }
        rule(sl, "unlock", "(J)V", enter("lockReleasedStamp", Key.THIS));
        for (String m : new String[] {"tryConvertToWriteLock", "tryConvertToReadLock", "tryConvertToOptimisticRead"}) {
            rule(sl, m, "(J)J", exit("stampConverted", Key.THIS));
        }
    }

    /**
     * A lock's rules, keyed by its {@code sync} field: exclusive (a write lock) or shared (a read lock). unlock()
     * releases only a lock the thread holds (else it throws IllegalMonitorStateException, having released nothing):
     * {@code sync.isHeldExclusively()}, {@code sync.getReadHoldCount()} (JDK-internal final methods) say so on entry.
     * With lock-order detection ({@code how}: the lock's family and mode) one hook does both a method's
     * happens-before and its lock-order work ({@code locked}, {@code unlocked}: one thread-state and one shadow
     * lookup), and a blocking lock method also says on entry that the thread may block (and, if it throws, that it
     * no longer does); an untimed tryLock cannot block.
     */
    private static void lock(String c, String syncDesc, boolean exclusive, int how) {
        Key sync = Key.field("sync", syncDesc);
        String syncClass = syncDesc.substring(1, syncDesc.length() - 1);
        Key held = exclusive ? sync.call(syncClass, "isHeldExclusively", "()Z")
                : sync.call(syncClass, "getReadHoldCount", "()I");
        if (DEADLOCKS) {
            Hook abandoned = exitThrown("lockAbandoned", sync);
            for (String m : new String[] {"lock", "lockInterruptibly"}) {
                rule(c, m, "()V", enter("lockWaiting", sync, how), exit("locked", sync, how), abandoned);
            }
            rule(c, "tryLock", "()Z", exit("lockedIf", sync, how | NONBLOCKING));
            rule(c, "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z", enter("lockWaiting", sync, how | TIMED),
                    exit("lockedIf", sync, how), abandoned);
            rule(c, "unlock", "()V", enter("unlocked", sync, how).with(held));
            return;
        }
        Hook release = enter(exclusive ? "unlockWriteIfHeld" : "unlockReadIfHeld", sync).with(held);
        Hook acquire = exit(exclusive ? "lockWrite" : "lockRead", sync);
        Hook acquireIf = exit(exclusive ? "lockWriteIf" : "lockReadIf", sync);
        rule(c, "lock", "()V", acquire);
        rule(c, "lockInterruptibly", "()V", acquire);
        rule(c, "tryLock", "()Z", acquireIf);
        rule(c, "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z", acquireIf);
        rule(c, "unlock", "()V", release);
    }

    /** {@code desc} may be "*" (any), or end or start with '*' for a prefix or suffix match. */
    private static void rule(String className, String method, String desc, Hook... hooks) {
        Map<String, List<Hook>> byMethod = RULES.get(className);
        if (byMethod == null) {
            byMethod = new HashMap<>();
            RULES.put(className, byMethod);
        }
        List<Hook> list = byMethod.get(method + ' ' + desc);
        if (list == null) {
            list = new ArrayList<>();
            byMethod.put(method + ' ' + desc, list);
        }
        list.addAll(List.of(hooks));
    }

    /** Whether the class (internal name) has modelled methods. */
    public static boolean models(String className) {
        return RULES.containsKey(className) || RUN_CALLS.containsKey(className) || MONITORS.contains(className)
                || QUIET.containsKey(className) || handsOut(className, outerClass(className))
                || className.equals(COUNTED_COMPLETER) || className.equals(PHASER)
                || outerClass(className).equals(COMPLETABLE_FUTURE);
    }

    /**
     * The class with its hooks added, or null when nothing applies. Methods without hooks are copied byte for
     * byte (ASM's reader-to-writer fast path): JDK classes such as Thread are large, and this runs at start-up.
     */
    static byte[] transform(String className, byte[] bytes) {
        Map<String, List<Hook>> rules = RULES.get(className);
        String runCalls = RUN_CALLS.get(className);
        boolean monitors = MONITORS.contains(className);
        java.util.Set<String> atomic = ATOMIC_FUNCTIONS.getOrDefault(className, java.util.Set.of());
        java.util.Set<String> quiet = QUIET.getOrDefault(className, java.util.Set.of());
        String outer = outerClass(className);
        java.util.Set<String> elementFields = ELEMENT_LOADS.get(outer);
        ClassReader reader = new ClassReader(bytes);
        java.util.Set<String> handing = handsOut(className, outer) ? handingMethods(reader, className, outer)
                : java.util.Set.of();
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor target = super.visitMethod(access, name, desc, signature, exceptions);
                List<Hook> hooks = rules == null || (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) != 0
                        ? List.of() : emitted(hooksFor(rules, name, desc), name, access);
                boolean runs = name.equals(runCalls);
                boolean atomics = atomic.contains(name) && (access & Opcodes.ACC_STATIC) == 0;
                boolean quiets = quiet.contains(name) && !name.equals("<init>")
                        && (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
                boolean collection = handing.contains(name + desc);
                boolean pending = className.equals(COUNTED_COMPLETER) && PENDING_READS.contains(name);
                boolean phaser = className.equals(PHASER) && (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
                boolean futures = outer.equals(COMPLETABLE_FUTURE)
                        && (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
                if (hooks.isEmpty() && !runs && !monitors && !quiets && !atomics && !collection && !pending
                        && !phaser && !futures) {
                    return target;
                }
                changed[0] = true;
                return new MethodNode(Opcodes.ASM9, access, name, desc, signature, exceptions) {
                    @Override
                    public void visitEnd() {
                        if (collection) {
                            if (elementFields != null) acquireLoadedElements(this, className, outer, elementFields);
                            placings(this, className, outer);
                            resultLoads(this, className);
                            ownerCalls(this, className, outer);
                            bindCreations(this, className, outer);
                        }
                        if (runs) acquireRunnables(this);
                        if (monitors) monitors(className, this);
                        if (atomics) orderFunctionCalls(this);
                        if (pending) pendingReads(this);
                        if (phaser) phaserAdvances(this);
                        if (futures) resultReads(this);
                        // The table's hooks last: the passes above look for instructions the hooks may contain.
                        if (!hooks.isEmpty()) apply(className, this, hooks);
                        if (quiets) quietly(this);
                        maxStack += 6; // the hooks push at most six slots above what the method had 
                        accept(target);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    private static List<Hook> hooksFor(Map<String, List<Hook>> rules, String name, String desc) {
        List<Hook> out = new ArrayList<>();
        for (Map.Entry<String, List<Hook>> e : rules.entrySet()) {
            String k = e.getKey();
            int sp = k.indexOf(' ');
            if (!k.substring(0, sp).equals(name)) continue;
            String d = k.substring(sp + 1);
            boolean match = d.equals("*") || d.equals(desc)
                    || (d.endsWith("*") && desc.startsWith(d.substring(0, d.length() - 1)))
                    || (d.startsWith("*") && desc.endsWith(d.substring(1)));
            if (match) out.addAll(e.getValue());
        }
        return out;
    }

    private static void apply(String className, MethodNode m, List<Hook> hooks) {
        boolean constructor = m.name.equals("<init>");
        InsnList entry = new InsnList();
        InsnList thrown = new InsnList();
        for (Hook h : hooks) {
            // In a constructor `this` is usable only at the end: constructors get normal-exit hooks only.
            if ((h.when() & ENTER) != 0 && !constructor) entry.add(call(className, m, h));
            if ((h.when() & THROW) != 0 && !constructor) thrown.add(call(className, m, h));
        }
        for (AbstractInsnNode n : m.instructions.toArray()) {
            int op = n.getOpcode();
            if (op < Opcodes.IRETURN || op > Opcodes.RETURN) continue;
            InsnList exit = new InsnList();
            for (Hook h : hooks) {
                if ((h.when() & RETURN) != 0) exit.add(call(className, m, h));
            }
            m.instructions.insertBefore(n, exit);
        }
        if (thrown.size() > 0) {
            // A handler of the whole body, last in the table (the method's own handlers come first): the hooks, then
            // the same exception rethrown. Its frame holds `this` and the parameters, which the hooks may read:
            // javac never stores another type in a parameter's slot.
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            m.instructions.insert(start);
            m.instructions.add(end);
            m.instructions.add(handler);
            Object[] locals = parameterFrame(className, m);
            m.instructions.add(new FrameNode(Opcodes.F_FULL, locals.length, locals, 1,
                    new Object[] {"java/lang/Throwable"}));
            m.instructions.add(thrown);
            m.instructions.add(new InsnNode(Opcodes.ATHROW));
            m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        }
        m.instructions.insert(entry);
    }

    /** The frame locals of a method's entry: {@code this} (but in static methods) and its parameters. */
    private static Object[] parameterFrame(String className, MethodNode m) {
        List<Object> locals = new ArrayList<>();
        if ((m.access & Opcodes.ACC_STATIC) == 0) locals.add(className);
        for (Type t : Type.getArgumentTypes(m.desc)) {
            switch (t.getSort()) {
                case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                    locals.add(Opcodes.INTEGER);
                    break;
                case Type.FLOAT:
                    locals.add(Opcodes.FLOAT);
                    break;
                case Type.LONG:
                    locals.add(Opcodes.LONG);
                    break;
                case Type.DOUBLE:
                    locals.add(Opcodes.DOUBLE);
                    break;
                default:
                    locals.add(t.getInternalName());
                    break;
            }
        }
        return locals.toArray();
    }

    private static InsnList call(String className, MethodNode m, Hook h) {
        InsnList l = new InsnList();
        String desc;
        String owner = Hooks.OWNER;
        switch (h.event()) {
            case "exitRequested":
                l.add(new VarInsnNode(Opcodes.ILOAD, 1));
                desc = "(I)V";
                break;
            case "threadStart":
            case "threadExit":
            case "uncaughtException":
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                desc = "(Ljava/lang/Thread;)V";
                break;
            case "acquireIf":
            case "validated":
                l.add(new InsnNode(Opcodes.DUP)); // the boolean being returned
                l.add(key(className, m, h.key()));
                desc = "(ZLjava/lang/Object;)V";
                break;
            case "optimisticRead":
                l.add(new InsnNode(Opcodes.DUP2)); // the long stamp being returned; 0 means failure
                l.add(key(className, m, h.key()));
                desc = "(JLjava/lang/Object;)V";
                break;
            case "lockWrite":
            case "lockRead":
            case "unlockWrite":
            case "unlockRead":
                l.add(key(className, m, h.key()));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0)); // the lock object the program holds, for reports
                desc = "(Ljava/lang/Object;Ljava/lang/Object;)V";
                break;
            case "lockWriteIf":
            case "lockReadIf":
                l.add(new InsnNode(Opcodes.DUP)); // the boolean being returned
                l.add(key(className, m, h.key()));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                desc = "(ZLjava/lang/Object;Ljava/lang/Object;)V";
                break;
            case "lockWriteIfStamp":
            case "lockReadIfStamp":
            case "convertToWriteIfStamp":
                l.add(new InsnNode(Opcodes.DUP2)); // the long stamp being returned; 0 means failure
                l.add(key(className, m, h.key()));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                desc = "(JLjava/lang/Object;Ljava/lang/Object;)V";
                break;
            case "lockWaiting":
            case "lockAcquired":
            case "lockReleased":
            case "unlocked": {
                // The operands (unlock: whether the lock is held), the key, then how.
                StringBuilder d = new StringBuilder("(");
                for (Key k : h.operands()) {
                    l.add(key(className, m, k));
                    d.append(stackType(className, m, k));
                }
                l.add(key(className, m, h.key()));
                l.add(MethodInstrumenter.push(h.how()));
                desc = d.append("Ljava/lang/Object;I)V").toString();
                break;
            }
            case "locked": {
                // As above, then the lock object the program holds, for the reports of predicted races.
                StringBuilder d = new StringBuilder("(");
                for (Key k : h.operands()) {
                    l.add(key(className, m, k));
                    d.append(stackType(className, m, k));
                }
                l.add(key(className, m, h.key()));
                l.add(MethodInstrumenter.push(h.how()));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                desc = d.append("Ljava/lang/Object;ILjava/lang/Object;)V").toString();
                break;
            }
            case "lockedIf":
                l.add(new InsnNode(Opcodes.DUP)); // the boolean being returned
                l.add(key(className, m, h.key()));
                l.add(MethodInstrumenter.push(h.how()));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                desc = "(ZLjava/lang/Object;ILjava/lang/Object;)V";
                break;
            case "lockAcquiredIf":
                l.add(new InsnNode(Opcodes.DUP)); // the boolean being returned
                l.add(key(className, m, h.key()));
                l.add(MethodInstrumenter.push(h.how()));
                desc = "(ZLjava/lang/Object;I)V";
                break;
            case "lockAcquiredIfStamp":
                l.add(new InsnNode(Opcodes.DUP2)); // the stamp being returned
                l.add(key(className, m, h.key()));
                l.add(MethodInstrumenter.push(h.how()));
                desc = "(JLjava/lang/Object;I)V";
                break;
            case "lockReleasedStamp":
                l.add(new VarInsnNode(Opcodes.LLOAD, 1)); // the stamp argument
                l.add(key(className, m, h.key()));
                desc = "(JLjava/lang/Object;)V";
                break;
            case "stampConverted":
                l.add(new InsnNode(Opcodes.DUP2)); // the new stamp being returned
                l.add(key(className, m, h.key()));
                l.add(new VarInsnNode(Opcodes.LLOAD, 1)); // the stamp converted
                desc = "(JLjava/lang/Object;J)V";
                break;
            case "lockCreated":
                l.add(new VarInsnNode(Opcodes.ALOAD, 0)); // the lock
                l.add(key(className, m, h.key())); // its sync
                l.add(MethodInstrumenter.push(h.how()));
                desc = "(Ljava/lang/Object;Ljava/lang/Object;I)V";
                break;
            case "unlockStamp":
                l.add(new VarInsnNode(Opcodes.LLOAD, 1)); // the stamp argument
                l.add(key(className, m, h.key()));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                desc = "(JLjava/lang/Object;Ljava/lang/Object;)V";
                break;
            case "acquireIfCurrentThread":
                l.add(new InsnNode(Opcodes.DUP));
                desc = "(Z)V";
                break;
            case "acquireCurrentThread":
            case "shutdownBegins":
            case "schedulePoint":
                desc = "()V";
                break;
            case "updaterCreated":
                l.add(new InsnNode(Opcodes.DUP)); // the updater being returned
                l.add(key(className, m, h.key())); // the field name
                desc = "(Ljava/lang/Object;Ljava/lang/String;)V";
                break;
            case "updaterAcquire":
            case "updaterRelease":
                l.add(new VarInsnNode(Opcodes.ALOAD, 0)); // the updater
                l.add(key(className, m, h.key())); // the object it acts on
                desc = "(Ljava/lang/Object;Ljava/lang/Object;)V";
                break;
            case "acquireEach":
                l.add(key(className, m, h.key()));
                desc = "(Ljava/lang/Object;)V";
                break;
            case "elementAcquire":
            case "elementRelease":
                owner = VarHandleCalls.OWNER;
                l.add(key(className, m, h.key())); // the atomic array's inner array
                l.add(new VarInsnNode(Opcodes.ILOAD, 1)); // the index
                desc = "(Ljava/lang/Object;I)V";
                break;
            case "fieldHandle":
            case "staticHandle":
                owner = VarHandleCalls.OWNER;
                l.add(new InsnNode(Opcodes.DUP)); // the VarHandle being returned
                l.add(new VarInsnNode(Opcodes.ALOAD, 1)); // the class looked in
                l.add(new VarInsnNode(Opcodes.ALOAD, 2)); // the field name
                l.add(new VarInsnNode(Opcodes.ALOAD, 3)); // the field type
                desc = "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)V";
                break;
            case "unreflectedHandle":
                owner = VarHandleCalls.OWNER;
                l.add(new InsnNode(Opcodes.DUP));
                l.add(new VarInsnNode(Opcodes.ALOAD, 1)); // the Field
                desc = "(Ljava/lang/Object;Ljava/lang/reflect/Field;)V";
                break;
            case "getterHandle":
            case "setterHandle":
            case "staticGetterHandle":
            case "staticSetterHandle":
                owner = REFLECTION;
                l.add(new InsnNode(Opcodes.DUP)); // the MethodHandle being returned
                l.add(new VarInsnNode(Opcodes.ALOAD, 1)); // the class looked in
                l.add(new VarInsnNode(Opcodes.ALOAD, 2)); // the field name
                l.add(new VarInsnNode(Opcodes.ALOAD, 3)); // the field type
                desc = "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)V";
                break;
            case "unreflectedGetter":
            case "unreflectedSetter":
                owner = REFLECTION;
                l.add(new InsnNode(Opcodes.DUP));
                l.add(new VarInsnNode(Opcodes.ALOAD, 1)); // the Field
                desc = "(Ljava/lang/Object;Ljava/lang/reflect/Field;)V";
                break;
            case "reflectedRead":
            case "reflectedWrite":
            case "reflectedWriting":
                owner = REFLECTION;
                l.add(new VarInsnNode(Opcodes.ALOAD, 0)); // the Field
                l.add(new VarInsnNode(Opcodes.ALOAD, 1)); // the object, null for a static field
                l.add(MethodInstrumenter.push(dev.racecheck.agent.runtime.report.Sites.register(
                        className.replace('/', '.'), m.name, "Field.java", -1, null, null)));
                desc = "(Ljava/lang/reflect/Field;Ljava/lang/Object;I)V";
                break;
            case "arrayHandle":
                owner = VarHandleCalls.OWNER;
                l.add(new InsnNode(Opcodes.DUP));
                desc = "(Ljava/lang/Object;)V";
                break;
            default: {
                // The operands, then the key: acquire, release, poolTerminated, and every event
                // given values to decide by (acquireIfDone(status, task), releaseIfSame(current, expected, atomic)).
                StringBuilder d = new StringBuilder("(");
                for (Key k : h.operands()) {
                    l.add(key(className, m, k));
                    d.append(stackType(className, m, k));
                }
                if (h.key() != Key.NONE) {
                    l.add(key(className, m, h.key()));
                    d.append("Ljava/lang/Object;");
                }
                desc = d.append(")V").toString();
                if (h.event().startsWith("element")) owner = VarHandleCalls.OWNER;
                if (COLLECTION_EVENTS.contains(h.event())) owner = COLLECTIONS;
                break;
            }
        }
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, h.event(), desc, false));
        return l;
    }

    /** The type of a key's value as an event parameter: an int-like primitive as int, any reference as Object. */
    private static String stackType(String className, MethodNode m, Key k) {
        Type t;
        if (!k.steps().isEmpty()) {
            Step last = k.steps().get(k.steps().size() - 1);
            t = last.opcode() == Opcodes.GETFIELD ? Type.getType(last.desc())
                    : last.opcode() == Opcodes.CHECKCAST ? Type.getObjectType(last.owner())
                    : Type.getReturnType(last.desc());
        } else if (k.kind().equals("arg")) {
            t = Type.getArgumentTypes(m.desc)[k.arg()];
        } else if (k.kind().equals("result")) {
            t = Type.getReturnType(m.desc);
        } else {
            t = Type.getObjectType("java/lang/Object");
        }
        switch (t.getSort()) {
            case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                return "I";
            case Type.LONG:
                return "J";
            case Type.FLOAT:
                return "F";
            case Type.DOUBLE:
                return "D";
            default:
                return "Ljava/lang/Object;";
        }
    }

    /** The instructions of {@code steps}, applied to the value on the stack. */
    private static InsnList steps(String className, List<Step> steps) {
        InsnList l = new InsnList();
        for (Step s : steps) {
            String owner = s.owner() == null ? className : s.owner();
            if (s.opcode() == Opcodes.GETFIELD) {
                l.add(new FieldInsnNode(Opcodes.GETFIELD, owner, s.name(), s.desc()));
            } else if (s.opcode() == Opcodes.CHECKCAST) {
                l.add(new TypeInsnNode(Opcodes.CHECKCAST, owner));
            } else {
                l.add(new MethodInsnNode(s.opcode(), owner, s.name(), s.desc(), false));
            }
        }
        return l;
    }

    private static InsnList key(String className, MethodNode m, Key k) {
        InsnList l = new InsnList();
        switch (k.kind()) {
            case "this":
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                break;
            case "arg": {
                int slot = (m.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
                Type[] args = Type.getArgumentTypes(m.desc);
                for (int i = 0; i < k.arg(); i++) slot += args[i].getSize();
                l.add(new VarInsnNode(args[k.arg()].getOpcode(Opcodes.ILOAD), slot));
                break;
            }
            case "result":
            case "thrown": // on the stack: the value being returned, or the exception in the handler
                l.add(new InsnNode(k.kind().equals("result") && Type.getReturnType(m.desc).getSize() == 2
                        ? Opcodes.DUP2 : Opcodes.DUP));
                break;
            default:
                throw new IllegalStateException("no key for " + k);
        }
        l.add(steps(className, k.steps()));
        return l;
    }

    /**
     * The monitors of a JDK class the user synchronizes through (a synchronized wrapper, Vector): acquire after
     * each monitorenter and on entry of synchronized methods, release before each monitorexit and return.
     */
    private static void monitors(String className, MethodNode m) {
        boolean sync = (m.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        boolean wrapper = className.startsWith("java/util/Collections$Synchronized");
        // View-making methods are quiet (WRAPPER_VIEW_MAKERS), and descendingIterator() is an iteration: the mutex
        // they take is no edge of the program's, and they record no access under it.
        if (wrapper && WRAPPER_VIEW_MAKERS.contains(m.name)) return;
        InsnList wrapperCall = wrapperCall(className, m);
        if (wrapperCall != null && UNSYNCHRONIZED_WRAPPER_READS.contains(m.name)) {
            m.instructions.insert(wrapperCall); // the program must hold the lock: its mutex is not an edge here
            wrapperCall = null;
            if (wrapper) return; // descendingIterator() takes the mutex, for the JDK's sake only (as above)
        }
        // With lock-order detection the monitors are also held locks (and a wait for one, before monitorenter).
        String acquire = DEADLOCKS ? "jdkMonitorAcquired" : "acquire";
        String release = DEADLOCKS ? "jdkMonitorReleased" : "release";
        for (AbstractInsnNode n : m.instructions.toArray()) {
            int op = n.getOpcode();
            if (op == Opcodes.MONITORENTER) {
                InsnList before = new InsnList();
                before.add(new InsnNode(Opcodes.DUP));
                if (DEADLOCKS) {
                    before.add(new InsnNode(Opcodes.DUP));
                    before.add(event("jdkMonitorWait"));
                }
                m.instructions.insertBefore(n, before);
                InsnList after = new InsnList();
                after.add(event(acquire));
                if (wrapperCall != null) after.add(wrapperCall(className, m));
                MethodInstrumenter.insertAfterMonitorEnter(m, n, after);
            } else if (op == Opcodes.MONITOREXIT) {
                InsnList l = new InsnList();
                l.add(new InsnNode(Opcodes.DUP));
                l.add(event(release));
                m.instructions.insertBefore(n, l);
            } else if (sync && op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                InsnList l = new InsnList();
                l.add(isStatic ? new LdcInsnNode(Type.getObjectType(className)) : new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(event(release));
                m.instructions.insertBefore(n, l);
            }
        }
        if (sync) {
            InsnList l = new InsnList();
            l.add(isStatic ? new LdcInsnNode(Type.getObjectType(className)) : new VarInsnNode(Opcodes.ALOAD, 0));
            l.add(event(acquire));
            LabelNode start = new LabelNode();
            l.add(start);
            m.instructions.insert(l);
            if (DEADLOCKS) {
                // A synchronized method that throws gives its monitor back too: the thread must not go on holding it.
                LabelNode end = new LabelNode();
                LabelNode handler = new LabelNode();
                InsnList h = new InsnList();
                h.add(end);
                h.add(handler);
                h.add(isStatic
                        ? new FrameNode(Opcodes.F_FULL, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"})
                        : new FrameNode(Opcodes.F_FULL, 1, new Object[] {className}, 1,
                                new Object[] {"java/lang/Throwable"}));
                h.add(isStatic ? new LdcInsnNode(Type.getObjectType(className)) : new VarInsnNode(Opcodes.ALOAD, 0));
                h.add(event(release));
                h.add(new InsnNode(Opcodes.ATHROW));
                m.instructions.add(h);
                m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
            }
        }
    }

    /**
     * The methods of a synchronized wrapper that use the wrapped collection without taking the mutex: the program
     * must hold it (their javadoc), so a call of one is an access of the collection at the time of the call.
     */
    private static final java.util.Set<String> UNSYNCHRONIZED_WRAPPER_READS = java.util.Set.of("iterator",
            "listIterator", "spliterator", "stream", "parallelStream", "descendingIterator");

    /**
     * In a method of a {@code Collections.synchronized*} wrapper: {@code RaceEvents.wrapperCall(this, op, site)}, the
     * access of the wrapped collection that the method makes (see {@code Containers.wrapperCall}); null for other
     * classes, constructors and static methods.
     */
    private static InsnList wrapperCall(String className, MethodNode m) {
        if (!className.startsWith("java/util/Collections$Synchronized") || m.name.startsWith("<")
                || (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_BRIDGE)) != 0) {
            return null;
        }
        int op = dev.racecheck.agent.runtime.jdk.Containers.operation(m.name, m.desc);
        if (op == dev.racecheck.agent.runtime.jdk.Containers.NONE) return null;
        String dotted = className.replace('/', '.');
        int site = dev.racecheck.agent.runtime.report.Sites.register(dotted, m.name, "Collections.java", -1, dotted,
                m.name);
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, 0));
        l.add(MethodInstrumenter.push(op));
        l.add(MethodInstrumenter.push(site));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "wrapperCall", "(Ljava/lang/Object;II)V", false));
        return l;
    }

    private static MethodInsnNode event(String name) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, name, "(Ljava/lang/Object;)V", false);
    }

    /**
     * Runs the method with racecheck's events off: {@code JdkInternals.begin()} on entry, {@code end()} before each
     * return and in a catch-all handler that rethrows. The handler needs no local, so its frame can be a full one
     * with no locals (the method's own frames are copied as they are, compressed).
     */
    private static void quietly(MethodNode m) {
        String owner = "dev/racecheck/agent/runtime/JdkInternals";
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        for (AbstractInsnNode n : m.instructions.toArray()) {
            int op = n.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                m.instructions.insertBefore(n, new MethodInsnNode(Opcodes.INVOKESTATIC, owner, "end", "()V", false));
            }
        }
        InsnList entry = new InsnList();
        entry.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, "begin", "()V", false));
        entry.add(start);
        m.instructions.insert(entry);
        InsnList exit = new InsnList();
        exit.add(end);
        exit.add(handler);
        exit.add(new FrameNode(Opcodes.F_FULL, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"}));
        exit.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, "end", "()V", false));
        exit.add(new InsnNode(Opcodes.ATHROW));
        m.instructions.add(exit);
        // Last in the table: the method's own handlers are searched first.
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    /**
     * Around each {@code getfield CountedCompleter.pending}: release into the task before the read (the decrement
     * that may follow is then ordered after everything this thread did), and acquire from it when the count read
     * is zero ({@code RaceEvents.completerPending}): this thread goes on to complete the task, after every part.
     */
    private static void pendingReads(MethodNode m) {
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (n instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD && f.owner.equals(COUNTED_COMPLETER)
                    && f.name.equals("pending")) {
                InsnList before = new InsnList();
                before.add(new InsnNode(Opcodes.DUP)); // task, task
                before.add(new InsnNode(Opcodes.DUP)); // task, task, task
                before.add(event("release")); // task, task
                m.instructions.insertBefore(n, before); // getfield: task, count
                InsnList after = new InsnList();
                after.add(new InsnNode(Opcodes.DUP_X1)); // count, task, count
                after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "completerPending",
                        "(Ljava/lang/Object;I)V", false)); // count
                m.instructions.insert(n, after);
            }
        }
    }

    /**
     * After each {@code onAdvance(phase, parties)} call in Phaser's own code (the last arrival of a phase runs it,
     * before the phase advances): what it did is released into the phase, which the parties awaiting its advance
     * acquire (Phaser's memory consistency: arrivals, then onAdvance, then what follows the advance).
     */
    private static void phaserAdvances(MethodNode m) {
        if ((m.access & Opcodes.ACC_STATIC) != 0) return;
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (n instanceof MethodInsnNode mi && mi.owner.equals(PHASER) && mi.name.equals("onAdvance")
                    && mi.desc.equals("(II)Z")) {
                InsnList l = new InsnList();
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(new FieldInsnNode(Opcodes.GETFIELD, PHASER, "root", "L" + PHASER + ";"));
                l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "phaseOnAdvance",
                        "(Ljava/lang/Object;Ljava/lang/Object;)V", false));
                m.instructions.insert(n, l);
            }
        }
    }

    /**
     * Each read of a CompletableFuture's {@code result} in its own code (a stage added to a complete future, a
     * composed future found complete, a dependent's source): a non-null result is the future's completion, which the
     * reader acquires ({@code acquireIfNonNull}), as the volatile variable it is. So whatever path the JDK takes to
     * a result, what the completing thread did before is ordered before it.
     */
    private static void resultReads(MethodNode m) {
        java.util.Set<AbstractInsnNode> early = beforeThisReady(m);
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (!(n instanceof FieldInsnNode f) || f.getOpcode() != Opcodes.GETFIELD
                    || !f.owner.equals(COMPLETABLE_FUTURE) || !f.name.equals("result") || early.contains(n)) {
                continue;
            }
            m.instructions.insertBefore(n, new InsnNode(Opcodes.DUP)); // future, future
            InsnList after = new InsnList(); // future, result
            after.add(new InsnNode(Opcodes.DUP_X1)); // result, future, result
            after.add(new InsnNode(Opcodes.SWAP)); // result, result, future
            after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "acquireIfNonNull",
                    "(Ljava/lang/Object;Ljava/lang/Object;)V", false)); // result
            m.instructions.insert(n, after);
        }
    }

    /**
     * Around each function call ({@code apply}) of a method that runs it under a lock: acquire the object before, release
     * it after, so consecutive calls for one key are ordered while the lock is held.
     */
    private static void orderFunctionCalls(MethodNode m) {
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (n instanceof MethodInsnNode mi && mi.name.equals("apply") && mi.desc.endsWith(")Ljava/lang/Object;")
                    && (mi.owner.equals("java/util/function/Function") || mi.owner.equals("java/util/function/BiFunction"))) {
                InsnList before = new InsnList();
                before.add(new VarInsnNode(Opcodes.ALOAD, 0));
                before.add(event("acquire"));
                m.instructions.insertBefore(n, before);
                InsnList after = new InsnList();
                after.add(new VarInsnNode(Opcodes.ALOAD, 0));
                after.add(event("release"));
                m.instructions.insert(n, after);
            }
        }
    }

    /** Whether the outer class is a concurrent collection modelled by hand-offs (see {@link #collections}). */
    private static boolean isCollection(String outer) {
        return ELEMENT_LOADS.containsKey(outer) || OWNER_CALLS.containsKey(outer) || PLACINGS.containsKey(outer);
    }

    /**
     * Whether the code of {@code className} can hand a collection's elements out, or make what does: the collection
     * class itself and its nested classes that can name it or are bound to it (a node class's code cannot: left as
     * it is, which keeps the JDK's start, when many of them are loaded, short).
     */
    private static boolean handsOut(String className, String outer) {
        return isCollection(outer) && (className.equals(outer) || OWNER_PATHS.containsKey(className)
                || isBound(className));
    }

    /**
     * The methods (name + descriptor) of a collection's class that the collection passes may change: those with an
     * element load, a call of a helper of {@link #OWNER_CALLS}, a {@code new} of a bound class, an element store of
     * {@link #PLACINGS}, a call of {@link #RESULT_LOADS}. Found by a scan that builds nothing, so that the others are
     * copied byte for byte (ConcurrentHashMap is large, and loaded before the agent starts).
     */
    private static java.util.Set<String> handingMethods(ClassReader reader, String className, String outer) {
        java.util.Set<String> fields = ELEMENT_LOADS.getOrDefault(outer, java.util.Set.of());
        java.util.Set<String> callees = OWNER_CALLS.getOrDefault(outer, java.util.Set.of());
        java.util.Set<String> placing = PLACINGS.getOrDefault(className, java.util.Set.of());
        java.util.Set<String> results = RESULT_LOADS.getOrDefault(className, java.util.Set.of());
        java.util.Set<String> found = new java.util.HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] ex) {
                if ((access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) != 0) return null;
                String method = name + desc;
                boolean places = placing.contains(name);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.AALOAD && fields.contains(ARRAY_ELEMENTS)
                                || opcode == Opcodes.AASTORE && places) {
                            found.add(method);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDesc) {
                        if (opcode == Opcodes.GETFIELD && fields.contains(field) && owner.startsWith(outer + "$")
                                || opcode == Opcodes.PUTFIELD && places) {
                            found.add(method);
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String callee, String calleeDesc,
                                                boolean itf) {
                        if (callees.contains(callee) || callee.equals("<init>") && isBound(owner) || places
                                || results.contains(owner + "." + callee)) {
                            found.add(method);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    /** A nested class whose objects are bound to their collection when made (ConcurrentHashMap's tasks too). */
    private static boolean isBound(String className) {
        return BOUND.contains(className) || className.startsWith("java/util/concurrent/ConcurrentHashMap$")
                && className.endsWith("Task");
    }

    /**
     * The instructions that push the collection the code of {@code m} works for: {@code this} in the collection's own
     * instance methods, the fields of {@link #OWNER_PATHS} in its nested classes'; null when the code cannot name it
     * (a static method, a bound class: see {@link #isBound}, or a class not listed).
     */
    private static InsnList ownerCode(String className, String outer, MethodNode m) {
        if ((m.access & Opcodes.ACC_STATIC) != 0) return null;
        List<Step> path = className.equals(outer) ? List.of() : OWNER_PATHS.get(className);
        if (path == null) return null;
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, 0));
        l.add(steps(className, path));
        return l;
    }

    /** Whether {@code this} can be used at {@code n} (in a constructor, only after the super or this call). */
    private static java.util.Set<AbstractInsnNode> beforeThisReady(MethodNode m) {
        java.util.Set<AbstractInsnNode> early = new java.util.HashSet<>();
        if (!m.name.equals("<init>")) return early;
        int pendingNews = 0;
        for (AbstractInsnNode n : m.instructions.toArray()) {
            early.add(n);
            if (n.getOpcode() == Opcodes.NEW) {
                pendingNews++;
            } else if (n.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) n).name.equals("<init>")) {
                if (pendingNews > 0) pendingNews--;
                else return early; // super(...) or this(...): `this` is ready after it
            }
        }
        return early;
    }

    private static MethodInsnNode collectionEvent(String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, COLLECTIONS, name, desc, false);
    }

    /**
     * After each load of an element ({@link #ELEMENT_LOADS}): a field of one of the collection's nested classes, or
     * an array element, is DUPed and got out of the collection the code works for: named by the code
     * ({@code takeOver}), the one the object was bound to ({@code takeOverBound}), or for a static helper the one its
     * caller pushed ({@code takeOverInContext}). Loads where none can be told (a node's own methods) are left alone:
     * they hand nothing out.
     */
    private static void acquireLoadedElements(MethodNode m, String className, String outer,
                                              java.util.Set<String> fields) {
        boolean arrays = fields.contains(ARRAY_ELEMENTS);
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        boolean bound = isBound(className);
        if (!isStatic && !bound && ownerCode(className, outer, m) == null) return;
        java.util.Set<AbstractInsnNode> early = beforeThisReady(m);
        for (AbstractInsnNode n : m.instructions.toArray()) {
            boolean element = n instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD
                    && f.owner.startsWith(outer + "$") && fields.contains(f.name) && f.desc.startsWith("L")
                    || arrays && n.getOpcode() == Opcodes.AALOAD;
            if (!element || early.contains(n)) continue;
            InsnList l = new InsnList();
            l.add(new InsnNode(Opcodes.DUP));
            if (isStatic) {
                l.add(collectionEvent("takeOverInContext", "(Ljava/lang/Object;)V"));
            } else if (bound) {
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(collectionEvent("takeOverBound", "(Ljava/lang/Object;Ljava/lang/Object;)V"));
            } else {
                l.add(ownerCode(className, outer, m));
                l.add(collectionEvent("takeOver", "(Ljava/lang/Object;Ljava/lang/Object;)V"));
            }
            m.instructions.insert(n, l);
        }
    }

    /**
     * Around each call of a helper that gets elements out for its caller's collection ({@link #OWNER_CALLS}): the
     * caller's collection is pushed before ({@code enterOwner}; null when the caller cannot name it) and popped after.
     * A static method calling one passes on what its own caller pushed.
     */
    private static void ownerCalls(MethodNode m, String className, String outer) {
        java.util.Set<String> callees = OWNER_CALLS.get(outer);
        if (callees == null || (m.access & Opcodes.ACC_STATIC) != 0) return;
        java.util.Set<AbstractInsnNode> early = beforeThisReady(m);
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (!(n instanceof MethodInsnNode mi) || !callees.contains(mi.name) || early.contains(n)) continue;
            boolean helper = mi.getOpcode() == Opcodes.INVOKESTATIC && mi.owner.equals(outer)
                    || mi.getOpcode() == Opcodes.INVOKEVIRTUAL && mi.name.equals("advance")
                    && mi.owner.startsWith(outer + "$") && mi.desc.equals("()L" + outer + "$Node;");
            if (!helper) continue;
            InsnList before = new InsnList();
            InsnList owner = ownerCode(className, outer, m);
            if (owner != null) {
                before.add(owner);
                before.add(collectionEvent("enterOwner", "(Ljava/lang/Object;)V"));
            } else if (isBound(className)) {
                before.add(new VarInsnNode(Opcodes.ALOAD, 0));
                before.add(collectionEvent("enterOwnerOf", "(Ljava/lang/Object;)V"));
            } else {
                before.add(new InsnNode(Opcodes.ACONST_NULL));
                before.add(collectionEvent("enterOwner", "(Ljava/lang/Object;)V"));
            }
            m.instructions.insertBefore(n, before);
            InsnList after = new InsnList();
            after.add(collectionEvent("exitOwner", "()V"));
            m.instructions.insert(n, after);
        }
    }

    /**
     * After each {@code new X(...)} of a bound class ({@link #isBound}) in the collection's code: the new object is
     * bound to the collection the code works for ({@code bind}), or to the one its maker was bound to
     * ({@code bindLike}: a split, a subtask).
     */
    private static void bindCreations(MethodNode m, String className, String outer) {
        if ((m.access & Opcodes.ACC_STATIC) != 0) return;
        java.util.Set<AbstractInsnNode> early = beforeThisReady(m);
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (!(n instanceof MethodInsnNode mi) || mi.getOpcode() != Opcodes.INVOKESPECIAL
                    || !mi.name.equals("<init>") || !isBound(mi.owner) || early.contains(n)) {
                continue;
            }
            InsnList l = new InsnList();
            InsnList owner = ownerCode(className, outer, m);
            if (owner != null) {
                l.add(new InsnNode(Opcodes.DUP));
                l.add(owner);
                l.add(collectionEvent("bind", "(Ljava/lang/Object;Ljava/lang/Object;)V"));
            } else if (isBound(className)) {
                l.add(new InsnNode(Opcodes.DUP));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(collectionEvent("bindLike", "(Ljava/lang/Object;Ljava/lang/Object;)V"));
            } else {
                continue;
            }
            m.instructions.insert(n, l);
        }
    }

    /**
     * Where the methods of {@link #PLACINGS} store an element, it is released into the collection's clock for it,
     * before the store publishes it: ConcurrentHashMap's new nodes (key and value) and value updates, and the
     * (key, value) given to a tree bin; ConcurrentSkipListMap's new nodes and value compare-and-sets;
     * CopyOnWriteArrayList's element stores into the array it is about to publish.
     */
    private static void placings(MethodNode m, String className, String outer) {
        java.util.Set<String> methods = PLACINGS.get(className);
        if (methods == null || !methods.contains(m.name) || (m.access & Opcodes.ACC_STATIC) != 0) return;
        String pair = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V";
        String single = "(Ljava/lang/Object;Ljava/lang/Object;)V";
        int spare = -1;
        for (AbstractInsnNode n : m.instructions.toArray()) {
            InsnList l = new InsnList();
            int op = n.getOpcode();
            if (n instanceof MethodInsnNode mi && op == Opcodes.INVOKESPECIAL && mi.name.equals("<init>")
                    && mi.owner.equals(outer + "$Node")
                    && mi.desc.equals("(ILjava/lang/Object;Ljava/lang/Object;)V")
                    || n instanceof MethodInsnNode tv && tv.name.equals("putTreeVal")) {
                // ConcurrentHashMap: [.. hash key value]
                l.add(new InsnNode(Opcodes.DUP2));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(collectionEvent("handOffPair", pair));
            } else if (n instanceof MethodInsnNode mi && op == Opcodes.INVOKESPECIAL && mi.name.equals("<init>")
                    && mi.owner.equals(outer + "$Node")
                    && mi.desc.equals("(Ljava/lang/Object;Ljava/lang/Object;L" + outer + "$Node;)V")) {
                // ConcurrentSkipListMap: [.. key value next]; next is set aside in a local (no branch in between).
                if (spare < 0) spare = m.maxLocals++;
                l.add(new VarInsnNode(Opcodes.ASTORE, spare));
                l.add(new InsnNode(Opcodes.DUP2));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(collectionEvent("handOffPair", pair));
                l.add(new VarInsnNode(Opcodes.ALOAD, spare));
            } else if (n instanceof FieldInsnNode f && op == Opcodes.PUTFIELD && f.name.equals("val")
                    && f.owner.startsWith(outer + "$")
                    || n instanceof MethodInsnNode vh && vh.owner.equals("java/lang/invoke/VarHandle")
                    && vh.name.equals("compareAndSet")
                    && vh.desc.equals("(L" + outer + "$Node;Ljava/lang/Object;Ljava/lang/Object;)Z")
                    || op == Opcodes.AASTORE) {
                // A value stored: [.. value]
                l.add(new InsnNode(Opcodes.DUP));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(collectionEvent("handOff", single));
            } else {
                continue;
            }
            m.instructions.insertBefore(n, l);
        }
    }

    /** After each call of {@link #RESULT_LOADS} in an instance method: its result is got out of this collection. */
    private static void resultLoads(MethodNode m, String className) {
        java.util.Set<String> calls = RESULT_LOADS.get(className);
        if (calls == null || (m.access & Opcodes.ACC_STATIC) != 0) return;
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (n instanceof MethodInsnNode mi && calls.contains(mi.owner + "." + mi.name)
                    && mi.desc.endsWith(")Ljava/lang/Object;")) {
                InsnList l = new InsnList();
                l.add(new InsnNode(Opcodes.DUP));
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(collectionEvent("takeOver", "(Ljava/lang/Object;Ljava/lang/Object;)V"));
                m.instructions.insert(n, l);
            }
        }
    }

    /** Before {@code task.run()} in a worker loop (executor, timer): the worker acquires what submission released. */
    private static boolean acquireRunnables(MethodNode m) {
        boolean changed = false;
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (n instanceof MethodInsnNode mi && mi.name.equals("run") && mi.desc.equals("()V")
                    && mi.getOpcode() != Opcodes.INVOKESTATIC && mi.getOpcode() != Opcodes.INVOKESPECIAL) {
                InsnList l = new InsnList();
                // Explored: the worker may wait before it runs the task (which task runs first is the schedule's).
                if (Config.explore) {
                    l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "schedulePoint", "()V", false));
                }
                l.add(new InsnNode(Opcodes.DUP));
                l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "acquire", "(Ljava/lang/Object;)V", false));
                m.instructions.insertBefore(n, l);
                changed = true;
            }
        }
        return changed;
    }
}
