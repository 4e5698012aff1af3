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
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The synchronization the Java platform documents, modelled on the JDK methods that provide it: a table of
 * (class, method) to hooks. A hook releases into a key object on method entry or acquires from it on exit, so the
 * model never holds a lock of its own around JDK code: a release before the operation and an acquire after it
 * cover every order in which two threads' operations can happen (at worst adding an edge, never losing one).
 *
 * <p>JDK methods are instrumented in their bodies (retransformation for classes loaded before the agent), so
 * calls through interfaces, method references and reflection are all seen. Class shapes never change.
 */
public final class JdkModel {
    /** Where a hook's key object comes from: this, an argument, the return value, a field of this, or nowhere. */
    private record Key(String kind, int arg, String fieldName, String fieldDesc) {
        static final Key THIS = new Key("this", 0, null, null);
        static final Key RESULT = new Key("result", 0, null, null);
        static final Key NONE = new Key("none", 0, null, null);

        static Key field(String name, String desc) {
            return new Key("field", 0, name, desc);
        }
    }

    /** A hook: on method entry, or before each normal return, call {@code RaceEvents.<event>} with the key. */
    private record Hook(boolean onExit, String event, Key key) {
    }

    /** JDK classes whose own monitors (synchronized blocks and methods) are synchronization the user relies on. */
    private static final java.util.Set<String> MONITORS = new java.util.HashSet<>();

    private static final Map<String, Map<String, List<Hook>>> RULES = new HashMap<>();
    /** Methods in which each {@code Runnable.run()} call acquires the runnable (the executor's worker loop). */
    private static final Map<String, String> RUN_CALLS = new HashMap<>();
    /**
     * Per class, methods in which the value a {@code Function}/{@code BiFunction} returns is released right there,
     * before the method publishes it (ConcurrentHashMap.computeIfAbsent: another thread may get() it at once).
     */
    private static final Map<String, java.util.Set<String>> PUBLISHED_RESULTS = new HashMap<>();
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
     * Per lock-free collection (outer class), the fields of its nested node classes that hold elements, or
     * {@link #ARRAY_ELEMENTS} for the elements of the arrays it keeps them in: in the class and all its nested
     * classes, each such load is followed by {@code acquireItem} of the loaded element. Placing an element released
     * it (the producer rules), so whatever the collection hands out, by whichever path, is ordered after its placing.
     */
    private static final Map<String, java.util.Set<String>> ELEMENT_LOADS = new HashMap<>();
    /** In {@link #ELEMENT_LOADS}: every element loaded from an array (AALOAD). */
    private static final String ARRAY_ELEMENTS = "[]";
    /** CountedCompleter's methods whose reads of {@code pending} are modelled (see {@link #pendingReads}). */
    private static final java.util.Set<String> PENDING_READS = new java.util.HashSet<>();
    private static final String COUNTED_COMPLETER = "java/util/concurrent/CountedCompleter";

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
        lock(locks + "ReentrantLock", "Ljava/util/concurrent/locks/ReentrantLock$Sync;", true);
        lock(locks + "ReentrantReadWriteLock$ReadLock", "Ljava/util/concurrent/locks/ReentrantReadWriteLock$Sync;",
                false);
        lock(locks + "ReentrantReadWriteLock$WriteLock", "Ljava/util/concurrent/locks/ReentrantReadWriteLock$Sync;",
                true);
        for (String cond : new String[] {locks + "AbstractQueuedSynchronizer$ConditionObject",
                locks + "AbstractQueuedLongSynchronizer$ConditionObject"}) {
            String outer = cond.startsWith(locks + "AbstractQueuedLong")
                    ? "Ljava/util/concurrent/locks/AbstractQueuedLongSynchronizer;"
                    : "Ljava/util/concurrent/locks/AbstractQueuedSynchronizer;";
            for (String m : new String[] {"await()V", "awaitUninterruptibly()V", "awaitNanos(J)J",
                    "awaitUntil(Ljava/util/Date;)Z", "await(JLjava/util/concurrent/TimeUnit;)Z"}) {
                int p = m.indexOf('(');
                // Await gives up the lock and takes it again before returning, timed out or not (only a write
                // lock has conditions).
                rule(cond, m.substring(0, p), m.substring(p),
                        enter("awaitRelease", Key.field("this$0", outer)),
                        exit("awaitAcquire", Key.field("this$0", outer)));
            }
        }
        // More synchronizers: phasers meet at their root, exchangers and stamped locks on themselves.
        String root = "Ljava/util/concurrent/Phaser;";
        for (String m : new String[] {"arrive", "arriveAndDeregister", "arriveAndAwaitAdvance", "bulkRegister"}) {
            rule(juc + "Phaser", m, "*", enter("release", Key.field("root", root)));
        }
        for (String m : new String[] {"arriveAndAwaitAdvance", "awaitAdvance", "awaitAdvanceInterruptibly"}) {
            rule(juc + "Phaser", m, "*", exit("acquire", Key.field("root", root)));
        }
        rule(juc + "Exchanger", "exchange", "*", enter("release", Key.THIS), exit("acquire", Key.THIS));
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
        rule(juc + "CountDownLatch", "countDown", "()V", enter("release", Key.THIS));
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
        for (String atomic : new String[] {"AtomicInteger", "AtomicLong", "AtomicBoolean", "AtomicReference"}) {
            String c = juc + "atomic/" + atomic;
            for (String m : reads) rule(c, m, "*", exit("acquire", Key.THIS));
            for (String m : writes) rule(c, m, "*", enter("release", Key.THIS));
            for (String m : updates) rule(c, m, "*", enter("release", Key.THIS), exit("acquire", Key.THIS));
        }
        // AtomicStampedReference and AtomicMarkableReference: one volatile (reference, stamp or mark) pair, the same.
        for (String pair : new String[] {"AtomicStampedReference", "AtomicMarkableReference"}) {
            String c = juc + "atomic/" + pair;
            for (String m : new String[] {"getReference", "getStamp", "isMarked", "get"}) {
                rule(c, m, "*", exit("acquire", Key.THIS));
            }
            rule(c, "set", "*", enter("release", Key.THIS));
            for (String m : new String[] {"compareAndSet", "weakCompareAndSet", "attemptStamp", "attemptMark"}) {
                rule(c, m, "*", enter("release", Key.THIS), exit("acquire", Key.THIS));
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
            for (String m : updates) rule(c, m, "(I*", enter("elementRelease", array), exit("elementAcquire", array));
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
        // Field updaters act on the object passed first: key it like the object's own volatile fields.
        for (String updater : new String[] {"AtomicIntegerFieldUpdater$AtomicIntegerFieldUpdaterImpl",
                "AtomicLongFieldUpdater$CASUpdater", "AtomicLongFieldUpdater$LockedUpdater",
                "AtomicReferenceFieldUpdater$AtomicReferenceFieldUpdaterImpl"}) {
            String c = juc + "atomic/" + updater;
            for (String m : reads) rule(c, m, "(Ljava/lang/Object;)*", exit("updaterAcquire", arg(0)));
            for (String m : writes) rule(c, m, "(Ljava/lang/Object;*", enter("updaterRelease", arg(0)));
            for (String m : updates) {
                rule(c, m, "(Ljava/lang/Object;*", enter("updaterRelease", arg(0)), exit("updaterAcquire", arg(0)));
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

        // Queues as channels: what a thread did before handing an element over happens-before what the taker
        // does after taking that element.
        String[] producers = {"put", "offer", "add", "transfer", "tryTransfer", "addFirst", "addLast", "offerFirst",
                "offerLast", "putFirst", "putLast", "push"};
        String[] consumers = {"take", "poll", "remove", "element", "peek", "takeFirst", "takeLast", "pollFirst",
                "pollLast", "peekFirst", "peekLast", "pop", "removeFirst", "removeLast"};
        for (String q : new String[] {"ArrayBlockingQueue", "LinkedBlockingQueue", "LinkedBlockingDeque",
                "SynchronousQueue", "PriorityBlockingQueue", "LinkedTransferQueue", "DelayQueue",
                "ConcurrentLinkedQueue", "ConcurrentLinkedDeque"}) {
            for (String m : producers) rule(juc + q, m, "(Ljava/lang/Object;*", enter("release", arg(0)));
            for (String m : consumers) rule(juc + q, m, "*)Ljava/lang/Object;", exit("acquire", Key.RESULT));
        }

        // Concurrent maps and lists publish what is put in them to whoever gets it out: keyed by the value (and
        // the key), not the map, so unrelated users of one map (the JDK's own, among them) stay unordered.
        for (String map : new String[] {"ConcurrentHashMap", "ConcurrentSkipListMap"}) {
            String c = juc + map;
            for (String m : new String[] {"put", "putIfAbsent", "replace"}) {
                rule(c, m, "(Ljava/lang/Object;Ljava/lang/Object;)*", enter("release", arg(0)), enter("release", arg(1)));
            }
            rule(c, "replace", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Z", enter("release", arg(2)));
            for (String m : new String[] {"get", "getOrDefault", "put", "putIfAbsent", "replace", "remove"}) {
                rule(c, m, "*)Ljava/lang/Object;", exit("acquire", Key.RESULT));
            }
            // The value is made inside: released when the call returns (see the class comment on windows).
            for (String m : new String[] {"compute", "computeIfAbsent", "computeIfPresent", "merge"}) {
                rule(c, m, "*", exit("releaseAcquire", Key.RESULT));
            }
            if (map.equals("ConcurrentHashMap")) {
                // compute* and merge run the function atomically, under the key's bin lock: an update in place sees
                // what the previous function did. Ordered per map, right around each function call, inside the lock
                // (on entry and exit, a second caller could acquire before the first one's release).
                ATOMIC_FUNCTIONS.put(c, java.util.Set.of("compute", "computeIfAbsent", "computeIfPresent", "merge"));
            } else {
                // ConcurrentSkipListMap may run the function more than once, unlocked: ordered per call only.
                for (String m : new String[] {"compute", "computeIfPresent", "merge"}) {
                    rule(c, m, "*", enter("acquire", Key.THIS), exit("release", Key.THIS));
                }
            }
            rule(c, "merge", "*", enter("release", arg(1)));
            PUBLISHED_RESULTS.put(c, java.util.Set.of("compute", "computeIfAbsent", "computeIfPresent", "merge",
                    "doCompute", "doPut"));
        }
        // Every other way an element comes out of a lock-free collection (iterators, spliterators and the streams
        // over them, forEach, toArray, removeIf, views, navigation such as firstEntry or ceilingKey) reads it where
        // its nodes or array keep it: each element loaded there, by the collection or one of its nested classes, is
        // acquired (ELEMENT_LOADS). The lock-based queues need none of this: all their paths take the queue's lock.
        elementLoads(juc + "ConcurrentLinkedQueue", "item");
        elementLoads(juc + "ConcurrentLinkedDeque", "item");
        elementLoads(juc + "LinkedTransferQueue", "item");
        elementLoads(juc + "ConcurrentSkipListMap", "key", "val");
        elementLoads(juc + "CopyOnWriteArrayList", ARRAY_ELEMENTS);
        // ConcurrentHashMap: every traversal (iterators, spliterators, forEach, the parallel bulk operations, keys(),
        // elements(), toString) gets its nodes from advance(): the node's key and value are acquired. Every
        // insertion (put, putIfAbsent, putAll, the key-set views' add and addAll) goes through putVal, which
        // releases the key. Values are released by put/putIfAbsent (above) and putAll, not by putVal: a key-set
        // view stores one shared value (Boolean.TRUE) for every key of every such set, and releasing it would order
        // the users of unrelated sets (the JDK's thread containers among them). A set's contains(k) acquires k.
        String chm = juc + "ConcurrentHashMap";
        rule(chm + "$Traverser", "advance", "*", exit("acquireEntry", Key.RESULT));
        rule(chm + "$BulkTask", "advance", "*", exit("acquireEntry", Key.RESULT));
        rule(chm, "putVal", "(Ljava/lang/Object;Ljava/lang/Object;Z)Ljava/lang/Object;", enter("release", arg(0)));
        rule(chm, "putAll", "(Ljava/util/Map;)V", enter("releaseEach", arg(0)));
        rule(chm, "containsKey", "(Ljava/lang/Object;)Z", exit("acquireIf", arg(0)));
        // Bulk insertion: the lock-free queues copy the elements into new nodes themselves (not through offer).
        rule(juc + "ConcurrentLinkedQueue$Node", "<init>", "(Ljava/lang/Object;)V", exit("release", arg(0)));
        rule(juc + "ConcurrentLinkedDeque", "newNode", "*", enter("release", arg(0)));
        for (String list : new String[] {"CopyOnWriteArrayList", "CopyOnWriteArraySet"}) {
            String c = juc + list;
            for (String m : new String[] {"add", "addIfAbsent", "set"}) {
                rule(c, m, "(Ljava/lang/Object;)*", enter("release", arg(0)));
                rule(c, m, "(ILjava/lang/Object;)*", enter("release", arg(1)));
            }
        }
        String cow = juc + "CopyOnWriteArrayList";
        rule(cow, "addAll", "(Ljava/util/Collection;)Z", enter("releaseEach", arg(0)));
        rule(cow, "addAll", "(ILjava/util/Collection;)Z", enter("releaseEach", arg(1)));
        rule(cow, "addAllAbsent", "(Ljava/util/Collection;)I", enter("releaseEach", arg(0)));
        // Copy-on-write lists hand out copies of their array, and spliterators over a snapshot of it (the snapshot
        // is taken inside the call: what the list holds on entry and on exit is acquired).
        for (String c : new String[] {cow, cow + "$COWSubList"}) {
            rule(c, "toArray", "*", exit("acquireEach", Key.RESULT));
        }
        for (String c : new String[] {cow, cow + "$COWSubList", juc + "CopyOnWriteArraySet"}) {
            rule(c, "spliterator", "()Ljava/util/Spliterator;", enter("acquireEach", Key.THIS),
                    exit("acquireEach", Key.THIS));
        }

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
        for (String m : new String[] {"join", "invoke", "get", "quietlyJoin", "quietlyInvoke", "joinForPoolInvoke",
                "getForPoolInvoke", "awaitPoolInvoke",
                "quietlyJoinUninterruptibly", "isDone", "isCompletedNormally", "isCompletedAbnormally", "getRawResult"}) {
            rule(fjt, m, "*", exit("acquire", Key.THIS));
        }
        // invokeAll returns once every task is done (it waits in awaitDone, not through join): each is acquired.
        rule(fjt, "invokeAll", "(Ljava/util/concurrent/ForkJoinTask;Ljava/util/concurrent/ForkJoinTask;)V",
                exit("acquire", arg(0)), exit("acquire", arg(1)));
        rule(fjt, "invokeAll", "([Ljava/util/concurrent/ForkJoinTask;)V", exit("acquireEach", arg(0)));
        rule(fjt, "invokeAll", "(Ljava/util/Collection;)Ljava/util/Collection;", exit("acquireEach", arg(0)));
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
        String cf = juc + "CompletableFuture";
        for (String m : new String[] {"completeNull", "completeValue", "completeThrowable", "completeRelay",
                "internalComplete", "complete", "completeExceptionally", "obtrudeValue", "obtrudeException", "cancel"}) {
            rule(cf, m, "*", enter("release", Key.THIS));
        }
        for (String m : new String[] {"join", "get", "getNow", "resultNow", "exceptionNow", "isDone",
                "isCompletedExceptionally", "isCancelled", "state"}) {
            rule(cf, m, "*", exit("acquire", Key.THIS));
        }
        // A stage added to a completed future runs its function at once, inside the call: acquire on entry.
        // Adding a stage also releases: what the caller did before thenApply(f) happens-before f, which the
        // completing thread may run later (it acquires the source in tryFire).
        for (String m : new String[] {"uniApplyStage", "uniAcceptStage", "uniRunStage", "uniWhenCompleteStage",
                "uniHandleStage", "uniExceptionallyStage", "uniComposeExceptionallyStage", "uniComposeStage",
                "biApplyStage", "biAcceptStage", "biRunStage", "orApplyStage", "orAcceptStage", "orRunStage"}) {
            rule(cf, m, "*", enter("acquire", Key.THIS), enter("release", Key.THIS));
            if (m.startsWith("bi") || m.startsWith("or")) {
                // The other future: bi/or stages take (Executor, CompletionStage, function).
                rule(cf, m, "*", enter("acquire", arg(1)), enter("release", arg(1)));
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
                    enter("acquire", Key.field("src", cfDesc)));
            if (stage.startsWith("Bi") || stage.startsWith("Or")) {
                rule(cf + "$" + stage, "tryFire", "(I)Ljava/util/concurrent/CompletableFuture;",
                        enter("acquire", Key.field("snd", cfDesc)));
            }
        }

        // invokeAll returns futures of which some finished before it looked: each is acquired.
        rule(juc + "AbstractExecutorService", "invokeAll", "*", exit("acquireEach", Key.RESULT));
        // JDK 21+ thread-per-task executors: a finished task is released into the executor, which
        // close()/awaitTermination() acquire.
        rule(juc + "ThreadPerTaskExecutor", "taskComplete", "*", enter("release", Key.THIS));
        rule(juc + "ThreadPerTaskExecutor", "awaitTermination", "*", exit("acquire", Key.THIS));
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

        // Timer: scheduling a task happens-before it runs in the timer thread.
        rule("java/util/Timer", "sched", "*", enter("release", arg(0)));
        RUN_CALLS.put("java/util/TimerThread", "mainLoop");

        // Synchronized wrappers and legacy collections: their monitors are what orders their users.
        MONITORS.addAll(dev.racecheck.agent.runtime.report.MonitorClasses.INTERNAL_NAMES);

        // Executors: submission happens-before execution; completion happens-before Future.get.
        rule(juc + "ThreadPoolExecutor", "execute", "(Ljava/lang/Runnable;)V", enter("release", arg(0)));
        rule(juc + "ScheduledThreadPoolExecutor", "delayedExecute", "(Ljava/util/concurrent/RunnableScheduledFuture;)V",
                enter("release", arg(0)));
        RUN_CALLS.put(juc + "ThreadPoolExecutor", "runWorker");
        rule(juc + "FutureTask", "set", "(Ljava/lang/Object;)V", enter("release", Key.THIS));
        rule(juc + "FutureTask", "setException", "(Ljava/lang/Throwable;)V", enter("release", Key.THIS));
        rule(juc + "FutureTask", "get", "*", exit("acquire", Key.THIS));
        // JDK 19+: resultNow()/exceptionNow() return what get() would (they throw if the task is not done), state()
        // reads the same state; isDone() returning true is the same completed state.
        for (String m : new String[] {"resultNow", "exceptionNow", "state"}) {
            rule(juc + "FutureTask", m, "*", exit("acquire", Key.THIS));
        }
        rule(juc + "FutureTask", "isDone", "()Z", exit("acquireIf", Key.THIS));
    }

    private JdkModel() {
        // no instances
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
        return new Key("arg", index, null, null);
    }

    private static Hook enter(String event, Key key) {
        return new Hook(false, event, key);
    }

    private static Hook exit(String event, Key key) {
        return new Hook(true, event, key);
    }

    /** A lock's rules, keyed by its {@code sync} field: exclusive (a write lock) or shared (a read lock). */
    private static void lock(String c, String syncDesc, boolean exclusive) {
        Key sync = Key.field("sync", syncDesc);
        Hook release = enter(exclusive ? "unlockWrite" : "unlockRead", sync);
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
                || PUBLISHED_RESULTS.containsKey(className) || QUIET.containsKey(className)
                || ELEMENT_LOADS.containsKey(outerClass(className)) || className.equals(COUNTED_COMPLETER);
    }

    /**
     * The class with its hooks added, or null when nothing applies. Methods without hooks are copied byte for
     * byte (ASM's reader-to-writer fast path): JDK classes such as Thread are large, and this runs at start-up.
     */
    static byte[] transform(String className, byte[] bytes) {
        Map<String, List<Hook>> rules = RULES.get(className);
        String runCalls = RUN_CALLS.get(className);
        boolean monitors = MONITORS.contains(className);
        java.util.Set<String> published = PUBLISHED_RESULTS.getOrDefault(className, java.util.Set.of());
        java.util.Set<String> atomic = ATOMIC_FUNCTIONS.getOrDefault(className, java.util.Set.of());
        java.util.Set<String> quiet = QUIET.getOrDefault(className, java.util.Set.of());
        String outer = outerClass(className);
        java.util.Set<String> elementFields = ELEMENT_LOADS.get(outer);
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor target = super.visitMethod(access, name, desc, signature, exceptions);
                List<Hook> hooks = rules == null ? List.of() : hooksFor(rules, name, desc);
                boolean runs = name.equals(runCalls);
                boolean publishes = published.contains(name);
                boolean atomics = atomic.contains(name) && (access & Opcodes.ACC_STATIC) == 0;
                boolean quiets = quiet.contains(name) && !name.equals("<init>")
                        && (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
                boolean loads = elementFields != null && (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
                boolean pending = className.equals(COUNTED_COMPLETER) && PENDING_READS.contains(name);
                if (hooks.isEmpty() && !runs && !monitors && !publishes && !quiets && !atomics && !loads && !pending) {
                    return target;
                }
                changed[0] = true;
                return new MethodNode(Opcodes.ASM9, access, name, desc, signature, exceptions) {
                    @Override
                    public void visitEnd() {
                        if (!hooks.isEmpty()) apply(className, this, hooks);
                        if (loads) acquireLoadedElements(this, outer, elementFields);
                        if (runs) acquireRunnables(this);
                        if (monitors) monitors(className, this);
                        if (atomics) orderFunctionCalls(this);
                        if (publishes) releaseFunctionResults(this);
                        if (pending) pendingReads(this);
                        if (quiets) quietly(this);
                        maxStack += 4; // the hooks push at most four values above what the method had
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
        InsnList entry = new InsnList();
        boolean constructor = m.name.equals("<init>");
        for (Hook h : hooks) {
            // In a constructor `this` is usable only at the end: constructors get exit hooks only.
            if (!h.onExit() && !constructor) entry.add(call(className, m, h));
        }
        for (AbstractInsnNode n : m.instructions.toArray()) {
            int op = n.getOpcode();
            if (op < Opcodes.IRETURN || op > Opcodes.RETURN) continue;
            InsnList exit = new InsnList();
            for (Hook h : hooks) {
                if (h.onExit()) exit.add(call(className, m, h));
            }
            m.instructions.insertBefore(n, exit);
        }
        m.instructions.insert(entry);
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
            case "releaseEach":
            case "acquireEntry":
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
            case "arrayHandle":
                owner = VarHandleCalls.OWNER;
                l.add(new InsnNode(Opcodes.DUP));
                desc = "(Ljava/lang/Object;)V";
                break;
            default: // acquire, release, releaseAcquire, poolTerminated
                l.add(key(className, m, h.key()));
                desc = "(Ljava/lang/Object;)V";
                break;
        }
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, h.event(), desc, false));
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
                l.add(new InsnNode(Opcodes.DUP));
                break;
            case "field":
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(new FieldInsnNode(Opcodes.GETFIELD, className, k.fieldName(), k.fieldDesc()));
                break;
            default:
                throw new IllegalStateException("no key for " + k);
        }
        return l;
    }

    /**
     * The monitors of a JDK class the user synchronizes through (a synchronized wrapper, Vector): acquire after
     * each monitorenter and on entry of synchronized methods, release before each monitorexit and return.
     */
    private static void monitors(String className, MethodNode m) {
        boolean sync = (m.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        for (AbstractInsnNode n : m.instructions.toArray()) {
            int op = n.getOpcode();
            if (op == Opcodes.MONITORENTER) {
                m.instructions.insertBefore(n, new InsnNode(Opcodes.DUP));
                m.instructions.insert(n, event("acquire"));
            } else if (op == Opcodes.MONITOREXIT) {
                InsnList l = new InsnList();
                l.add(new InsnNode(Opcodes.DUP));
                l.add(event("release"));
                m.instructions.insertBefore(n, l);
            } else if (sync && op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                InsnList l = new InsnList();
                l.add(isStatic ? new LdcInsnNode(Type.getObjectType(className)) : new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(event("release"));
                m.instructions.insertBefore(n, l);
            }
        }
        if (sync) {
            InsnList l = new InsnList();
            l.add(isStatic ? new LdcInsnNode(Type.getObjectType(className)) : new VarInsnNode(Opcodes.ALOAD, 0));
            l.add(event("acquire"));
            m.instructions.insert(l);
        }
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

    /** After each {@code (Bi)Function.apply} call: DUP the result and release it before it is published. */
    private static void releaseFunctionResults(MethodNode m) {
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (n instanceof MethodInsnNode mi && mi.name.equals("apply") && mi.desc.endsWith(")Ljava/lang/Object;")
                    && (mi.owner.equals("java/util/function/Function") || mi.owner.equals("java/util/function/BiFunction"))) {
                InsnList l = new InsnList();
                l.add(new InsnNode(Opcodes.DUP));
                l.add(event("release"));
                m.instructions.insert(n, l);
            }
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

    /**
     * After each load of an element ({@link #ELEMENT_LOADS}): a field of one of the collection's nested classes, or
     * an array element, is DUPed and acquired.
     */
    private static void acquireLoadedElements(MethodNode m, String outer, java.util.Set<String> fields) {
        boolean arrays = fields.contains(ARRAY_ELEMENTS);
        for (AbstractInsnNode n : m.instructions.toArray()) {
            boolean element = n instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD
                    && f.owner.startsWith(outer + "$") && fields.contains(f.name) && f.desc.startsWith("L")
                    || arrays && n.getOpcode() == Opcodes.AALOAD;
            if (!element) continue;
            InsnList l = new InsnList();
            l.add(new InsnNode(Opcodes.DUP));
            l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "acquireItem", "(Ljava/lang/Object;)V", false));
            m.instructions.insert(n, l);
        }
    }

    /** Before {@code task.run()} in a worker loop (executor, timer): the worker acquires what submission released. */
    private static boolean acquireRunnables(MethodNode m) {
        boolean changed = false;
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (n instanceof MethodInsnNode mi && mi.name.equals("run") && mi.desc.equals("()V")
                    && mi.getOpcode() != Opcodes.INVOKESTATIC && mi.getOpcode() != Opcodes.INVOKESPECIAL) {
                InsnList l = new InsnList();
                l.add(new InsnNode(Opcodes.DUP));
                l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "acquire", "(Ljava/lang/Object;)V", false));
                m.instructions.insertBefore(n, l);
                changed = true;
            }
        }
        return changed;
    }
}
