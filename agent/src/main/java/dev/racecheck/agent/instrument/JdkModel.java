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
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
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
    /** Where the key object comes from. */
    private enum Key { THIS, ARG0, RESULT, FIELD }

    private record Hook(boolean onExit, String event, Key key, String fieldName, String fieldDesc) {
    }

    private static final Map<String, Map<String, List<Hook>>> RULES = new HashMap<>();
    /** Methods in which each {@code Runnable.run()} call acquires the runnable (the executor's worker loop). */
    private static final Map<String, String> RUN_CALLS = new HashMap<>();

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
        rule("java/lang/Runtime", "exit", "(I)V", new Hook(false, "exitRequested", Key.ARG0, null, null));

        // Locks: the key is the shared Sync, so a ReentrantReadWriteLock's read and write locks and the
        // Conditions of a lock all meet on one object.
        lock(locks + "ReentrantLock", "Ljava/util/concurrent/locks/ReentrantLock$Sync;");
        lock(locks + "ReentrantReadWriteLock$ReadLock", "Ljava/util/concurrent/locks/ReentrantReadWriteLock$Sync;");
        lock(locks + "ReentrantReadWriteLock$WriteLock", "Ljava/util/concurrent/locks/ReentrantReadWriteLock$Sync;");
        for (String cond : new String[] {locks + "AbstractQueuedSynchronizer$ConditionObject",
                locks + "AbstractQueuedLongSynchronizer$ConditionObject"}) {
            String outer = cond.startsWith(locks + "AbstractQueuedLong")
                    ? "Ljava/util/concurrent/locks/AbstractQueuedLongSynchronizer;"
                    : "Ljava/util/concurrent/locks/AbstractQueuedSynchronizer;";
            for (String m : new String[] {"await()V", "awaitUninterruptibly()V", "awaitNanos(J)J",
                    "awaitUntil(Ljava/util/Date;)Z", "await(JLjava/util/concurrent/TimeUnit;)Z"}) {
                int p = m.indexOf('(');
                // Await gives up the lock and takes it again before returning, timed out or not.
                rule(cond, m.substring(0, p), m.substring(p),
                        new Hook(false, "release", Key.FIELD, "this$0", outer),
                        new Hook(true, "acquire", Key.FIELD, "this$0", outer));
            }
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

        // Queues as channels: what a thread did before handing an element over happens-before what the taker
        // does after taking that element.
        String[] producers = {"put", "offer", "add", "transfer", "tryTransfer", "addFirst", "addLast", "offerFirst",
                "offerLast", "putFirst", "putLast", "push"};
        String[] consumers = {"take", "poll", "remove", "element", "peek", "takeFirst", "takeLast", "pollFirst",
                "pollLast", "peekFirst", "peekLast", "pop", "removeFirst", "removeLast"};
        for (String q : new String[] {"ArrayBlockingQueue", "LinkedBlockingQueue", "LinkedBlockingDeque",
                "SynchronousQueue", "PriorityBlockingQueue", "LinkedTransferQueue", "DelayQueue",
                "ConcurrentLinkedQueue", "ConcurrentLinkedDeque"}) {
            for (String m : producers) rule(juc + q, m, "(Ljava/lang/Object;*", enter("release", Key.ARG0));
            for (String m : consumers) rule(juc + q, m, "*)Ljava/lang/Object;", exit("acquire", Key.RESULT));
        }

        // Executors: submission happens-before execution; completion happens-before Future.get.
        rule(juc + "ThreadPoolExecutor", "execute", "(Ljava/lang/Runnable;)V", enter("release", Key.ARG0));
        rule(juc + "ScheduledThreadPoolExecutor", "delayedExecute", "(Ljava/util/concurrent/RunnableScheduledFuture;)V",
                enter("release", Key.ARG0));
        RUN_CALLS.put(juc + "ThreadPoolExecutor", "runWorker");
        rule(juc + "FutureTask", "set", "(Ljava/lang/Object;)V", enter("release", Key.THIS));
        rule(juc + "FutureTask", "setException", "(Ljava/lang/Throwable;)V", enter("release", Key.THIS));
        rule(juc + "FutureTask", "get", "*", exit("acquire", Key.THIS));
    }

    private JdkModel() {
        // no instances
    }

    private static Hook enter(String event, Key key) {
        return new Hook(false, event, key, null, null);
    }

    private static Hook exit(String event, Key key) {
        return new Hook(true, event, key, null, null);
    }

    private static void lock(String c, String syncDesc) {
        Hook release = new Hook(false, "release", Key.FIELD, "sync", syncDesc);
        Hook acquire = new Hook(true, "acquire", Key.FIELD, "sync", syncDesc);
        Hook acquireIf = new Hook(true, "acquireIf", Key.FIELD, "sync", syncDesc);
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
        return RULES.containsKey(className) || RUN_CALLS.containsKey(className);
    }

    /**
     * The class with its hooks added, or null when nothing applies. Methods without hooks are copied byte for
     * byte (ASM's reader-to-writer fast path): JDK classes such as Thread are large, and this runs at start-up.
     */
    static byte[] transform(String className, byte[] bytes) {
        Map<String, List<Hook>> rules = RULES.get(className);
        String runCalls = RUN_CALLS.get(className);
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor target = super.visitMethod(access, name, desc, signature, exceptions);
                List<Hook> hooks = rules == null ? List.of() : hooksFor(rules, name, desc);
                boolean runs = name.equals(runCalls);
                if (hooks.isEmpty() && !runs) return target;
                changed[0] = true;
                return new MethodNode(Opcodes.ASM9, access, name, desc, signature, exceptions) {
                    @Override
                    public void visitEnd() {
                        if (!hooks.isEmpty()) apply(className, this, hooks);
                        if (runs) acquireRunnables(this);
                        maxStack += 3; // the hooks push at most three values above what the method had
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
        for (Hook h : hooks) {
            if (!h.onExit()) entry.add(call(className, m, h));
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
        if (h.event().equals("exitRequested")) {
            l.add(new VarInsnNode(Opcodes.ILOAD, 1));
            desc = "(I)V";
        } else if (h.event().equals("threadStart") || h.event().equals("uncaughtException")) {
            l.add(new VarInsnNode(Opcodes.ALOAD, 0));
            desc = "(Ljava/lang/Thread;)V";
        } else if (h.event().equals("acquireIf")) {
            l.add(new InsnNode(Opcodes.DUP)); // the boolean result
            l.add(key(className, m, h));
            desc = "(ZLjava/lang/Object;)V";
        } else {
            l.add(key(className, m, h));
            desc = "(Ljava/lang/Object;)V";
        }
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, h.event(), desc, false));
        return l;
    }

    private static InsnList key(String className, MethodNode m, Hook h) {
        InsnList l = new InsnList();
        switch (h.key()) {
            case THIS -> l.add(new VarInsnNode(Opcodes.ALOAD, 0));
            case ARG0 -> l.add(new VarInsnNode(Opcodes.ALOAD, (m.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1));
            case RESULT -> l.add(new InsnNode(Opcodes.DUP));
            case FIELD -> {
                l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                l.add(new FieldInsnNode(Opcodes.GETFIELD, className, h.fieldName(), h.fieldDesc()));
            }
        }
        return l;
    }

    /** Before {@code task.run()} in the executor's worker loop: the worker acquires what submission released. */
    private static boolean acquireRunnables(MethodNode m) {
        boolean changed = false;
        for (AbstractInsnNode n : m.instructions.toArray()) {
            if (n instanceof MethodInsnNode mi && mi.name.equals("run") && mi.desc.equals("()V")
                    && mi.owner.equals("java/lang/Runnable")) {
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
