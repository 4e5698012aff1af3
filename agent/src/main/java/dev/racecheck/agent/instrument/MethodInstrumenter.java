package dev.racecheck.agent.instrument;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import dev.racecheck.agent.runtime.predict.LockCalls;
import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Sites;

/**
 * Rewrites one application method so that it emits racecheck's events. Only events are added: no branch, no
 * change to what the method computes, so the existing stack map frames stay valid once racecheck's three
 * locals are appended to each of them.
 *
 * <p>The method gets locals {@code ts} (its {@code ThreadState}), {@code base} (its shadow-stack frame index)
 * and, if synchronized, {@code mon} (its monitor), right after the method's own locals:
 * <pre>
 *   prologue:        ts = RaceEvents.thread(); base = RaceEvents.enter(ts)   // depth(ts) if it calls nothing
 *   before a call:   RaceEvents.call(ts, base, site)
 *   field read:      DUP; read(obj, field, site, ts, base); GETFIELD
 *   volatile read:   DUP; GETFIELD; [value obj]; volatileRead(obj, ts)      // acquire after the read
 *   container call:  containerCall(receiver, op, site, ts, base) before it   // see ContainerCalls
 *   every exit:      [monitorExit(mon)] [classInitialized(C)] exit(ts, base)
 *   catch-all:       exit and monitor release on exceptional exit, then rethrow
 * </pre>
 */
final class MethodInstrumenter {
    private final String owner;
    private final String ownerDotted;
    private final String source;
    private final MethodNode method;
    private final ClassLoader loader;
    private final ClassHierarchy hierarchy;
    private final int version;

    /** Schedule points are emitted (exploration armed when the agent started). */
    private final boolean explore = Config.explore;
    /** Lock-order and deadlock detection (detect_deadlocks): monitors get a hook before monitorenter, and a site. */
    private static final boolean DEADLOCKS = dev.racecheck.agent.runtime.report.Config.detectDeadlocks;

    private final int tsLocal;
    private final int baseLocal;
    private final int monLocal;
    private final boolean isStatic;
    private final boolean isConstructor;
    private final boolean isSynchronized;
    private final boolean isInitializer;
    private final ContainerCalls containerCalls;
    private final SyncFreeCalls syncFreeCalls;
    private final boolean optimize;
    /** Where checks go: which are left out, which loops are checked before they run (see {@link CheckPlacement}). */
    private CheckPlacement.Plan plan = CheckPlacement.Plan.NONE;
    /** Access checks made, left out as redundant, and moved before their loop, in this method. */
    private int checksMade;
    private int checksElided;
    private int checksRanged;
    private int line = -1;
    /** Predictive mode (see {@code Config.predict}): monitor hooks say where, lock calls are marked. */
    private final boolean predict = dev.racecheck.agent.runtime.report.Config.predict;
    /** Locals past racecheck's three that VarHandle calls spill their arguments to ({@link VarHandleCalls}). */
    private int spillSlots;

    MethodInstrumenter(String owner, String source, MethodNode method, ClassLoader loader, ClassHierarchy hierarchy,
                       int version) {
        this(owner, source, method, loader, hierarchy, version, SyncFreeCalls.JDK_ONLY, false);
    }

    /**
     * @param syncFreeCalls the calls that cannot synchronize (the JDK's and the class's own, see {@link SyncFreeCalls})
     * @param optimize      leave out the checks that cannot find anything new ({@link CheckPlacement})
     */
    MethodInstrumenter(String owner, String source, MethodNode method, ClassLoader loader, ClassHierarchy hierarchy,
                       int version, SyncFreeCalls syncFreeCalls, boolean optimize) {
        this.owner = owner;
        this.ownerDotted = owner.replace('/', '.');
        this.source = source;
        this.method = method;
        this.loader = loader;
        this.hierarchy = hierarchy;
        this.version = version & 0xFFFF;
        this.tsLocal = method.maxLocals;
        this.baseLocal = tsLocal + 1;
        this.monLocal = tsLocal + 2;
        this.isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        this.isConstructor = method.name.equals("<init>");
        this.isSynchronized = (method.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        this.isInitializer = method.name.equals("<clinit>");
        this.containerCalls = new ContainerCalls(method, ownerDotted, source, loader, hierarchy, tsLocal, baseLocal,
                tsLocal + 3);
        this.syncFreeCalls = syncFreeCalls;
        this.optimize = optimize;
    }

    int checksMade() {
        return checksMade;
    }

    int checksElided() {
        return checksElided;
    }

    int checksRanged() {
        return checksRanged;
    }

    /** Rewrites the method; false when it has nothing to observe or cannot be rewritten safely. */
    boolean instrument() {
        InsnList insns = method.instructions;
        if (insns.size() == 0) return false;
        // JaCoCo's transformer always runs before racecheck's (it cannot be re-run on retransformation): its
        // probe array and the method that makes it are coverage bookkeeping, not the program's data.
        if (method.name.equals("$jacocoInit")) return false;
        java.util.Set<Integer> probeLocals = jacocoProbeLocals(insns);
        boolean calls = false;
        boolean work = isSynchronized || isInitializer;
        for (AbstractInsnNode n : insns) {
            int op = n.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) return false; // pre-Java-6 subroutines: leave alone
            if (n instanceof MethodInsnNode || n instanceof InvokeDynamicInsnNode) calls = true;
            if (observes(n)) work = true;
        }
        if (!work && !calls) return false;
        // Class constants (ldc) need class files of version 49 or later: the static initializer's event and a
        // static synchronized method's monitor need them, so such methods of older classes stay as they are.
        if (version < Opcodes.V1_5 && (isInitializer || (isSynchronized && isStatic))) return false;
        boolean pushes = calls;

        AbstractInsnNode superCall = isConstructor ? superCall() : null;
        if (optimize) {
            plan = CheckPlacement.plan(owner, method, checkedAccesses(probeLocals, superCall), syncFreeCalls, hierarchy,
                    loader);
        }
        Map<AbstractInsnNode, Integer> lines = plan.loops().isEmpty() ? Map.of() : lines();
        AbstractInsnNode[] original = insns.toArray();
        FinalFields finalFields = isConstructor ? FinalFields.of(owner, method, hierarchy, loader) : null;
        boolean thisReady = !isConstructor;
        LabelNode bodyStart = null;
        for (AbstractInsnNode n : original) {
            if (n instanceof LineNumberNode ln) {
                line = ln.line;
                continue;
            }
            int op = n.getOpcode();
            if (n == superCall) {
                // super(...) or this(...): from here on `this` is initialized and may be passed around,
                // and the frame is pushed: a constructor whose super call throws has nothing to pop.
                thisReady = true;
                bodyStart = new LabelNode();
                InsnList push = new InsnList();
                if (pushes) {
                    push.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
                    push.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "enter", Hooks.ENTER_DESC, false));
                    push.add(new VarInsnNode(Opcodes.ISTORE, baseLocal));
                }
                push.add(bodyStart);
                insns.insert(n, push);
            }
            if (skipsCheck(n)) continue;
            if (n instanceof MethodInsnNode mi) {
                containerCalls.instrument(mi, line);
                insns.insertBefore(n, callSite(mi));
                replaceThreadCall(mi);
                if (mi.getOpcode() == Opcodes.INVOKESTATIC || ArrayCalls.isArrayClone(mi)) {
                    spillSlots = Math.max(spillSlots, ArrayCalls.instrument(method, mi, tsLocal + 3, tsLocal,
                            baseLocal, Sites.register(ownerDotted, method.name, source, line, null, null)));
                    spillSlots = Math.max(spillSlots, ArrayCalls.instrumentReflectedElement(method, mi, tsLocal + 3,
                            tsLocal, baseLocal, Sites.register(ownerDotted, method.name, source, line, null, null)));
                }
                List<ContainerArguments.Use> uses = ContainerArguments.selected(mi, appSubclassOfModelled(mi));
                if (!uses.isEmpty()) {
                    spillSlots = Math.max(spillSlots, ContainerArguments.instrument(method, mi, mi.desc, uses,
                            tsLocal + 3, tsLocal, baseLocal, Sites.register(ownerDotted, method.name, source, line,
                                    mi.owner.replace('/', '.'), mi.name)));
                }
                if (VarHandleCalls.isMethodHandleInvoke(mi)) {
                    spillSlots = Math.max(spillSlots, VarHandleCalls.instrumentMethodHandle(method, mi, tsLocal + 3,
                            tsLocal, baseLocal, Sites.register(ownerDotted, method.name, source, line, null, null)));
                }
                if (isObjectClone(mi)) {
                    // The copy's companion fields still hold the original's field states: dropped at once, or they
                    // would keep the original alive for as long as the copy lives (see RaceEvents.cloned).
                    InsnList after = new InsnList();
                    after.add(new InsnNode(Opcodes.DUP));
                    after.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
                    after.add(hook("cloned", Hooks.SYNC_DESC));
                    insns.insert(mi, after);
                }
                if (VarHandleCalls.isModelled(mi)) {
                    spillSlots = Math.max(spillSlots, VarHandleCalls.instrument(method, mi, tsLocal + 3, tsLocal,
                            baseLocal, Sites.register(ownerDotted, method.name, source, line, null, null)));
                }
            } else if (n instanceof InvokeDynamicInsnNode indy) {
                insns.insertBefore(n, callSite(null));
                List<ContainerArguments.Use> uses = ContainerArguments.selected(indy);
                if (!uses.isEmpty()) {
                    // A concatenation turns each argument into text: String.valueOf.
                    spillSlots = Math.max(spillSlots, ContainerArguments.instrument(method, indy, indy.desc, uses,
                            tsLocal + 3, tsLocal, baseLocal, Sites.register(ownerDotted, method.name, source, line,
                                    "java.lang.String", "valueOf")));
                }
            } else if (n instanceof FieldInsnNode fi) {
                field(fi, thisReady);
            } else {
                switch (op) {
                    case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
                    case Opcodes.AALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
                        arrayLoad(n);
                        break;
                    case Opcodes.BASTORE:
                        if (!isJacocoProbe(n, probeLocals)) arrayStore(n, false);
                        break;
                    case Opcodes.IASTORE: case Opcodes.FASTORE: case Opcodes.AASTORE:
                    case Opcodes.CASTORE: case Opcodes.SASTORE:
                        arrayStore(n, false);
                        break;
                    case Opcodes.LASTORE: case Opcodes.DASTORE:
                        arrayStore(n, true);
                        break;
                    case Opcodes.MONITORENTER:
                        monitorEnter(n);
                        break;
                    case Opcodes.MONITOREXIT:
                        monitorExit(n);
                        break;
                    case Opcodes.IRETURN: case Opcodes.LRETURN: case Opcodes.FRETURN: case Opcodes.DRETURN:
                    case Opcodes.ARETURN: case Opcodes.RETURN:
                        if (finalFields != null) insns.insertBefore(n, finalFields.freeze(tsLocal));
                        insns.insertBefore(n, exitCode(pushes));
                        break;
                    default:
                        break;
                }
            }
        }

        for (CheckPlacement.RangeLoop loop : plan.loops()) {
            insns.insertBefore(loop.header(), loopChecks(loop, lines));
        }

        InsnList prologue = new InsnList();
        prologue.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "thread", Hooks.THREAD_DESC, false));
        prologue.add(new VarInsnNode(Opcodes.ASTORE, tsLocal));
        prologue.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        // A constructor pushes its frame only once super(...) has returned (above).
        prologue.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, pushes && !isConstructor ? "enter" : "depth",
                Hooks.ENTER_DESC, false));
        prologue.add(new VarInsnNode(Opcodes.ISTORE, baseLocal));
        if (isSynchronized) {
            prologue.add(isStatic ? new LdcInsnNode(Type.getObjectType(owner)) : new VarInsnNode(Opcodes.ALOAD, 0));
            prologue.add(new VarInsnNode(Opcodes.ASTORE, monLocal));
            prologue.add(new VarInsnNode(Opcodes.ALOAD, monLocal));
            if (DEADLOCKS || predict) {
                // Taken before the method's first instruction, at its first line; stacks taken here (the lock's
                // acquisition, a thread blocked entering the method) show that line too, not none.
                int first = firstLine();
                if (first > 0) {
                    LabelNode here = new LabelNode();
                    prologue.insert(new LineNumberNode(first, here));
                    prologue.insert(here);
                }
                monitorHook(prologue, true, first);
            } else {
                monitorHook(prologue, true, -1);
            }
            if (explore) prologue.add(schedulePoint());
        }
        if (!isConstructor) {
            bodyStart = new LabelNode();
            prologue.add(bodyStart);
        }
        insns.insert(prologue);

        if ((pushes || isSynchronized) && bodyStart != null) addCatchAll(bodyStart, pushes);
        extendFrames();
        // Spill slots of VarHandle and container call sites: both start right after racecheck's locals.
        method.maxLocals = Math.max(tsLocal + 3 + spillSlots, containerCalls.maxLocals());
        return true;
    }

    /** Locals that hold JaCoCo's probe array: stored from {@code $jacocoInit()} or the {@code $jacocoData} constant. */
    private static java.util.Set<Integer> jacocoProbeLocals(InsnList insns) {
        java.util.Set<Integer> locals = new java.util.HashSet<>();
        for (AbstractInsnNode n : insns) {
            boolean probes = (n instanceof MethodInsnNode mi && mi.name.equals("$jacocoInit"))
                    || (n instanceof LdcInsnNode ldc && ldc.cst instanceof org.objectweb.asm.ConstantDynamic cd
                        && cd.getName().equals("$jacocoData"));
            if (!probes) continue;
            AbstractInsnNode next = n.getNext();
            if (next != null && next.getOpcode() == Opcodes.CHECKCAST) next = next.getNext();
            if (next != null && next.getOpcode() == Opcodes.ASTORE) locals.add(((VarInsnNode) next).var);
        }
        return locals;
    }

    /**
     * The constructor's {@code super(...)} or {@code this(...)} call: the first {@code invokespecial <init>} that is not
     * the initialization of an object made with {@code new} before it; null if there is none.
     */
    private AbstractInsnNode superCall() {
        int pendingNews = 0;
        for (AbstractInsnNode n : method.instructions) {
            if (n.getOpcode() == Opcodes.NEW) {
                pendingNews++;
            } else if (n.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) n).name.equals("<init>")) {
                if (pendingNews == 0) return n;
                pendingNews--;
            }
        }
        return null;
    }

    /** The instructions that will get an access check ({@link #field}, {@link #arrayLoad}, {@link #arrayStore}). */
    private Map<AbstractInsnNode, CheckPlacement.Access> checkedAccesses(java.util.Set<Integer> probeLocals,
                                                                         AbstractInsnNode superCall) {
        Map<AbstractInsnNode, CheckPlacement.Access> out = new IdentityHashMap<>();
        boolean thisReady = !isConstructor;
        for (AbstractInsnNode n : method.instructions) {
            if (n == superCall) thisReady = true;
            int op = n.getOpcode();
            if (n instanceof FieldInsnNode fi) {
                CheckPlacement.Access a = fieldAccess(fi, thisReady);
                if (a != null) out.put(n, a);
            } else if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
                out.put(n, new CheckPlacement.Access(CheckPlacement.Access.ELEMENT, false, null));
            } else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE
                    && !(op == Opcodes.BASTORE && isJacocoProbe(n, probeLocals))) {
                out.put(n, new CheckPlacement.Access(CheckPlacement.Access.ELEMENT, true, null));
            }
        }
        return out;
    }

    /** The access check {@link #field} makes for this instruction, or null when it makes none or a sync event. */
    private CheckPlacement.Access fieldAccess(FieldInsnNode fi, boolean thisReady) {
        int op = fi.getOpcode();
        boolean isStaticField = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
        if (!isStaticField && !thisReady) return null;
        if (isStaticField && version < Opcodes.V1_5) return null;
        ClassHierarchy.FieldInfo info = hierarchy.field(fi.owner, fi.name, fi.desc, loader);
        if (info == null || info.isFinal() || info.isVolatile()) return null;
        String id = info.declaringClass() + "." + fi.name + ":" + fi.desc;
        return new CheckPlacement.Access(isStaticField ? CheckPlacement.Access.STATIC : CheckPlacement.Access.FIELD,
                op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC, id);
    }

    /** Whether the plan leaves out this access's check (redundant, or made before its loop); counts the checks. */
    private boolean skipsCheck(AbstractInsnNode n) {
        if (plan.elided().contains(n)) {
            checksElided++;
            return true;
        }
        if (plan.ranged(n)) {
            checksRanged++;
            return true;
        }
        return false;
    }

    /** The source line of each instruction. */
    private Map<AbstractInsnNode, Integer> lines() {
        Map<AbstractInsnNode, Integer> out = new IdentityHashMap<>();
        int current = -1;
        for (AbstractInsnNode n : method.instructions) {
            if (n instanceof LineNumberNode ln) current = ln.line;
            out.put(n, current);
        }
        return out;
    }

    /**
     * Before a loop's header: computes the iterations it will make ({@code loopEnd} over its array accesses) and
     * checks each access it makes on every iteration for all of them ({@code loopRead}/{@code loopWrite}).
     * <pre>
     *   to = bound [+ 1]                                          // long: i < n, or i <= n
     *   to = loopEnd(to, x, i, c, s)                              // for each x[i + c] in the body
     *   loopRead(to, x, i, c, s, site, ts, base)                  // for each x[i + c] on every path, in order
     * </pre>
     */
    private InsnList loopChecks(CheckPlacement.RangeLoop loop, Map<AbstractInsnNode, Integer> lines) {
        InsnList l = new InsnList();
        AbstractInsnNode bound = loop.bound();
        if (bound instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD) {
            l.add(new VarInsnNode(Opcodes.ILOAD, v.var));
        } else if (bound instanceof VarInsnNode v) {
            l.add(new VarInsnNode(Opcodes.ALOAD, v.var));
            l.add(hook("loopBound", "(Ljava/lang/Object;)I"));
        } else {
            l.add(push(CheckPlacement.intConstant(bound)));
        }
        l.add(new InsnNode(Opcodes.I2L));
        if (loop.inclusive()) {
            l.add(new InsnNode(Opcodes.LCONST_1));
            l.add(new InsnNode(Opcodes.LADD));
        }
        java.util.Set<Long> guarded = new java.util.HashSet<>();
        for (CheckPlacement.RangeAccess g : loop.guards()) {
            if (!guarded.add(((long) g.arrayLocal() << 32) | (g.offset() & 0xFFFFFFFFL))) continue;
            l.add(new VarInsnNode(Opcodes.ALOAD, g.arrayLocal()));
            l.add(new VarInsnNode(Opcodes.ILOAD, loop.inductionLocal()));
            l.add(push(g.offset()));
            l.add(push(loop.stride()));
            l.add(hook("loopEnd", "(JLjava/lang/Object;III)J"));
        }
        for (CheckPlacement.RangeAccess c : loop.checked()) {
            l.add(new InsnNode(Opcodes.DUP2));
            l.add(new VarInsnNode(Opcodes.ALOAD, c.arrayLocal()));
            l.add(new VarInsnNode(Opcodes.ILOAD, loop.inductionLocal()));
            l.add(push(c.offset()));
            l.add(push(loop.stride()));
            l.add(push(Sites.register(ownerDotted, method.name, source, lines.getOrDefault(c.insn(), -1), null, null)));
            l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
            l.add(hook(c.write() ? "loopWrite" : "loopRead", "(JLjava/lang/Object;IIII" + Hooks.TS + "I)V"));
        }
        l.add(new InsnNode(Opcodes.POP2));
        return l;
    }

    /** JaCoCo's probe: {@code aload probes; <index>; iconst_1; bastore}. */
    private static boolean isJacocoProbe(AbstractInsnNode bastore, java.util.Set<Integer> probeLocals) {
        if (probeLocals.isEmpty()) return false;
        AbstractInsnNode one = bastore.getPrevious();
        AbstractInsnNode index = one == null ? null : one.getPrevious();
        AbstractInsnNode array = index == null ? null : index.getPrevious();
        return one != null && one.getOpcode() == Opcodes.ICONST_1 && index != null && array != null
                && array.getOpcode() == Opcodes.ALOAD && probeLocals.contains(((VarInsnNode) array).var);
    }

    private boolean observes(AbstractInsnNode n) {
        switch (n.getOpcode()) {
            case Opcodes.GETFIELD: case Opcodes.PUTFIELD: case Opcodes.GETSTATIC: case Opcodes.PUTSTATIC:
            case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
            case Opcodes.AALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
            case Opcodes.IASTORE: case Opcodes.LASTORE: case Opcodes.FASTORE: case Opcodes.DASTORE:
            case Opcodes.AASTORE: case Opcodes.BASTORE: case Opcodes.CASTORE: case Opcodes.SASTORE:
            case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT:
                return true;
            default:
                return false;
        }
    }

    // ---- calls ----------------------------------------------------------------------------------------------

    private InsnList callSite(MethodInsnNode mi) {
        int site = Sites.register(ownerDotted, method.name, source, line, null, null);
        if (predict && mi != null && isLockCall(mi)) LockCalls.mark(site);
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(push(site));
        l.add(hook("call", Hooks.CALL_DESC));
        return l;
    }

    /** A call of a JDK lock method (see {@link LockCalls}): its site is marked, in predictive mode. */
    private boolean isLockCall(MethodInsnNode mi) {
        String o = mi.owner;
        if (o.startsWith("[")) return false;
        boolean stamped = o.equals("java/util/concurrent/locks/StampedLock");
        boolean lockType = o.equals("java/util/concurrent/locks/Lock")
                || o.equals("java/util/concurrent/locks/ReentrantLock")
                || o.equals("java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock")
                || o.equals("java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock");
        if (!LockCalls.isLockMethod(mi.name, mi.desc, true, false) && !LockCalls.isLockMethod(mi.name, mi.desc, false, true)) {
            return false; // cheap name filter first
        }
        if (!lockType && !stamped) {
            // An application subclass of a JDK lock (class MyLock extends ReentrantLock): its inherited methods.
            lockType = hierarchy.isSubclass(o, "java/util/concurrent/locks/ReentrantLock", loader);
            stamped = !lockType && hierarchy.isSubclass(o, "java/util/concurrent/locks/StampedLock", loader);
        }
        return LockCalls.isLockMethod(mi.name, mi.desc, lockType, stamped);
    }

    /** A virtual call whose owner is an application subclass of a modelled class: its inherited methods are the JDK's. */
    private boolean appSubclassOfModelled(MethodInsnNode mi) {
        if (mi.getOpcode() != Opcodes.INVOKEVIRTUAL) return false;
        if (mi.owner.startsWith("[") || ContainerArguments.isJdk(mi.owner)) return false;
        return hierarchy.isSubclassOfAny(mi.owner, ContainerCalls.MODELLED, loader);
    }

    /**
     * {@code Thread.join}, {@code Thread.isAlive} and {@code Object.wait} become calls of RaceEvents methods that
     * make the same call and then record its happens-before edge.
     */
    private void replaceThreadCall(MethodInsnNode mi) {
        if (mi.getOpcode() != Opcodes.INVOKEVIRTUAL && mi.getOpcode() != Opcodes.INVOKEINTERFACE) return;
        String d = mi.desc;
        if (mi.name.equals("wait") && (d.equals("()V") || d.equals("(J)V") || d.equals("(JI)V"))) {
            redirect(mi, "(Ljava/lang/Object;" + d.substring(1));
            return;
        }
        boolean join = mi.name.equals("join")
                && (d.equals("()V") || d.equals("(J)V") || d.equals("(JI)V") || d.equals("(Ljava/time/Duration;)Z"));
        boolean isAlive = mi.name.equals("isAlive") && d.equals("()Z");
        if ((join || isAlive) && mi.getOpcode() == Opcodes.INVOKEVIRTUAL
                && hierarchy.isSubclass(mi.owner, "java/lang/Thread", loader)) {
            redirect(mi, "(Ljava/lang/Thread;" + d.substring(1));
        }
    }

    /** A call of a {@code clone()} method that returns an object, not an array's clone (see {@link ArrayCalls}). */
    static boolean isObjectClone(MethodInsnNode mi) {
        int op = mi.getOpcode();
        return (op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKESPECIAL || op == Opcodes.INVOKEINTERFACE)
                && mi.name.equals("clone") && mi.desc.startsWith("()L") && !mi.owner.startsWith("[");
    }

    private static void redirect(MethodInsnNode mi, String desc) {
        mi.setOpcode(Opcodes.INVOKESTATIC);
        mi.owner = Hooks.OWNER;
        mi.desc = desc;
        mi.itf = false;
    }

    // ---- fields ---------------------------------------------------------------------------------------------

    private void field(FieldInsnNode fi, boolean thisReady) {
        boolean isStaticField = fi.getOpcode() == Opcodes.GETSTATIC || fi.getOpcode() == Opcodes.PUTSTATIC;
        // Before super(...) the receiver may be uninitializedThis, which must not be passed on; such
        // writes (javac's this$0) happen before the object can be shared.
        if (!isStaticField && !thisReady) return;
        // Class constants (ldc) need class files of version 49 or later.
        if (isStaticField && version < Opcodes.V1_5) return;
        ClassHierarchy.FieldInfo info = hierarchy.field(fi.owner, fi.name, fi.desc, loader);
        if (info == null) return; // unknown field: no report is better than a false one
        int sort = Type.getType(fi.desc).getSort();
        boolean wide = sort == Type.LONG || sort == Type.DOUBLE;
        boolean reference = sort == Type.OBJECT || sort == Type.ARRAY;
        String declaring = info.declaringClass().replace('/', '.');
        InsnList insns = method.instructions;
        InsnList l = new InsnList();
        switch (fi.getOpcode()) {
            case Opcodes.GETFIELD:
                if (info.isFinal()) return;
                if (info.isVolatile()) {
                    if (explore) insns.insertBefore(fi, schedulePoint());
                    insns.insertBefore(fi, new InsnNode(Opcodes.DUP));                  // [obj obj]
                    if (wide) {                                                          // [obj v2]
                        l.add(new InsnNode(Opcodes.DUP2_X1));                           // [v2 obj v2]
                        l.add(new InsnNode(Opcodes.POP2));                              // [v2 obj]
                    } else {
                        l.add(new InsnNode(Opcodes.SWAP));                              // [v obj]
                    }
                    l.add(push(Sites.syncKey(fi.name)));
                    l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
                    l.add(hook("volatileRead", Hooks.FIELD_SYNC_DESC));                 // [v]
                    insns.insert(fi, l);
                } else {
                    l.add(new InsnNode(Opcodes.DUP));                                   // [obj obj]
                    accessArgs(l, Sites.fieldKey(fi.name, fi.desc), site(declaring, fi.name));
                    l.add(hook("read", Hooks.ACCESS_DESC));
                    checksMade++;                             // [obj]
                    insns.insertBefore(fi, l);
                }
                return;
            case Opcodes.PUTFIELD:
                if (info.isFinal()) return;
                if (explore && info.isVolatile()) insns.insertBefore(fi, schedulePoint());
                if (wide) {                                                              // [obj v2]
                    l.add(new InsnNode(Opcodes.DUP2_X1));                               // [v2 obj v2]
                    l.add(new InsnNode(Opcodes.POP2));                                  // [v2 obj]
                    l.add(new InsnNode(Opcodes.DUP_X2));                                // [obj v2 obj]
                } else {                                                                 // [obj v]
                    l.add(new InsnNode(Opcodes.DUP2));                                  // [obj v obj v]
                    l.add(new InsnNode(Opcodes.POP));                                   // [obj v obj]
                }
                if (info.isVolatile()) {
                    l.add(push(Sites.syncKey(fi.name)));
                    l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
                    l.add(hook("volatileWrite", Hooks.FIELD_SYNC_DESC));                // [obj v]
                } else {
                    accessArgs(l, Sites.fieldKey(fi.name, fi.desc), site(declaring, fi.name));
                    l.add(hook("write", Hooks.ACCESS_DESC));
                    checksMade++;                            // [obj v]
                }
                insns.insertBefore(fi, l);
                return;
            case Opcodes.GETSTATIC:
                // Static events go after the instruction: only then is the class initialized (JLS 12.4.2), so a
                // thread that waited for another's static initializer sees its end before the access is checked.
                l.add(new LdcInsnNode(Type.getObjectType(fi.owner)));
                if (info.isFinal()) {
                    // A final static of reference type leads to what the class initializer built.
                    if (!reference) return;
                    l.add(push(site(declaring, fi.name)));
                    l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
                    l.add(hook("classUse", "(Ljava/lang/Class;I" + Hooks.TS + ")V"));
                } else if (info.isVolatile()) {
                    if (explore) insns.insertBefore(fi, schedulePoint());
                    l.add(push(Sites.syncKey(fi.name)));
                    l.add(push(site(declaring, fi.name)));
                    l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
                    l.add(hook("staticVolatileRead", Hooks.STATIC_SYNC_DESC));
                } else {
                    accessArgs(l, Sites.fieldKey(fi.name, fi.desc), site(declaring, fi.name));
                    l.add(hook("staticRead", Hooks.STATIC_ACCESS_DESC));
                    checksMade++;
                }
                insns.insert(fi, l);
                return;
            case Opcodes.PUTSTATIC:
                if (info.isFinal()) return;
                l.add(new LdcInsnNode(Type.getObjectType(fi.owner)));
                if (info.isVolatile()) {
                    if (explore) l.add(schedulePoint());
                    // A release must precede the write it publishes.
                    l.add(push(Sites.syncKey(fi.name)));
                    l.add(push(site(declaring, fi.name)));
                    l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
                    l.add(hook("staticVolatileWrite", Hooks.STATIC_SYNC_DESC));
                    insns.insertBefore(fi, l);
                } else {
                    accessArgs(l, Sites.fieldKey(fi.name, fi.desc), site(declaring, fi.name));
                    l.add(hook("staticWrite", Hooks.STATIC_ACCESS_DESC));
                    checksMade++;
                    insns.insert(fi, l);
                }
                return;
            default:
                break;
        }
    }

    private int site(String fieldOwner, String fieldName) {
        return Sites.register(ownerDotted, method.name, source, line, fieldOwner, fieldName);
    }

    /** Pushes {@code key, site, ts, base}: the arguments every access event takes after the target. */
    private void accessArgs(InsnList l, int key, int site) {
        l.add(push(key));
        l.add(push(site));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
    }

    // ---- arrays and monitors -----------------------------------------------------------------------------

    private void arrayLoad(AbstractInsnNode n) {
        InsnList l = new InsnList();
        l.add(new InsnNode(Opcodes.DUP2));                                              // [arr i arr i]
        l.add(push(Sites.register(ownerDotted, method.name, source, line, null, null)));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(hook("arrayRead", Hooks.ARRAY_DESC));                                     // [arr i]
        method.instructions.insertBefore(n, l);
        checksMade++;
    }

    private void arrayStore(AbstractInsnNode n, boolean wide) {
        InsnList l = new InsnList();
        if (wide) {                                                                      // [arr i v2]
            l.add(new InsnNode(Opcodes.DUP2_X2));                                       // [v2 arr i v2]
            l.add(new InsnNode(Opcodes.POP2));                                          // [v2 arr i]
            l.add(new InsnNode(Opcodes.DUP2_X2));                                       // [arr i v2 arr i]
        } else {                                                                         // [arr i v]
            l.add(new InsnNode(Opcodes.DUP_X2));                                        // [v arr i v]
            l.add(new InsnNode(Opcodes.POP));                                           // [v arr i]
            l.add(new InsnNode(Opcodes.DUP2_X1));                                       // [arr i v arr i]
        }
        l.add(push(Sites.register(ownerDotted, method.name, source, line, null, null)));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(hook("arrayWrite", Hooks.ARRAY_DESC));                                    // [arr i v]
        method.instructions.insertBefore(n, l);
        checksMade++;
    }

    private void monitorEnter(AbstractInsnNode n) {
        InsnList before = new InsnList();
        if (explore) before.add(schedulePoint());
        before.add(new InsnNode(Opcodes.DUP));                                          // [o o] monitorenter [o]
        if (DEADLOCKS) {
            // The thread may block here: racecheck's deadlock watchdog must know on what.
            before.add(new InsnNode(Opcodes.DUP));                                      // [o o o]
            before.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            before.add(hook("monitorWait", Hooks.SYNC_DESC));                           // [o o]
        }
        method.instructions.insertBefore(n, before);
        InsnList l = new InsnList();
        monitorHook(l, true, line);                                                     // []
        insertAfterMonitorEnter(method, n, l);
    }

    /**
     * Inserts {@code hook} right after {@code enter} (a monitorenter), inside the handlers that give that monitor back
     * if the block throws: javac's catch-all begins after the monitorenter, where the hook goes, and a call outside
     * it could throw holding the monitor. HotSpot's JIT compilers refuse such a method ("non-empty monitor stack at
     * exceptional exit"), so every method with a synchronized block would stay interpreted.
     */
    static void insertAfterMonitorEnter(MethodNode m, AbstractInsnNode enter, InsnList hook) {
        AbstractInsnNode next = enter.getNext();
        LabelNode from = new LabelNode();
        hook.insert(from);
        m.instructions.insert(enter, hook);
        // The labels between the monitorenter and the next instruction: where javac's handler range starts.
        java.util.Set<LabelNode> starts = new java.util.HashSet<>();
        for (AbstractInsnNode x = next; x != null && x.getOpcode() < 0; x = x.getNext()) {
            if (x instanceof LabelNode label) starts.add(label);
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            if (t.type == null && starts.contains(t.start) && releasesMonitor(t.handler)) t.start = from;
        }
    }

    /** Whether the handler at {@code handler} exits a monitor before it throws (javac's: store, load, monitorexit). */
    private static boolean releasesMonitor(LabelNode handler) {
        for (AbstractInsnNode x = handler; x != null; x = x.getNext()) {
            if (x.getOpcode() == Opcodes.MONITOREXIT) return true;
            int op = x.getOpcode();
            if (op == Opcodes.ATHROW || op == Opcodes.GOTO || op >= Opcodes.IRETURN && op <= Opcodes.RETURN) return false;
        }
        return false;
    }

    /** The method's first line number, or -1. */
    private int firstLine() {
        for (AbstractInsnNode n : method.instructions) {
            if (n instanceof LineNumberNode ln) return ln.line;
        }
        return -1;
    }

    private void monitorExit(AbstractInsnNode n) {
        InsnList l = new InsnList();
        if (explore) l.add(schedulePoint());
        l.add(new InsnNode(Opcodes.DUP));                                               // [o o]
        monitorHook(l, false, line);                                                    // [o] monitorexit
        method.instructions.insertBefore(n, l);
    }

    /**
     * With the monitor's object on the stack: {@code monitorEnter(o, ts)} / {@code monitorExit(o, ts)}; with lock-order
     * detection or in predictive mode {@code monitorEnter(o, ts, site, base)}, which also says where (the lock's
     * acquisition site, the predicted race's critical sections), and in predictive mode
     * {@code monitorExitAt(o, ts, site, base)}.
     */
    private void monitorHook(InsnList l, boolean enter, int atLine) {
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        if (enter ? !(DEADLOCKS || predict) : !predict) {
            l.add(hook(enter ? "monitorEnter" : "monitorExit", Hooks.SYNC_DESC));
            return;
        }
        l.add(push(Sites.register(ownerDotted, method.name, source, atLine, null, null)));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(hook(enter ? "monitorEnter" : "monitorExitAt", Hooks.MONITOR_ENTER_DESC));
    }

    // ---- exits ----------------------------------------------------------------------------------------------

    private InsnList exitCode(boolean pushes) {
        InsnList l = new InsnList();
        if (isInitializer) {
            l.add(new LdcInsnNode(Type.getObjectType(owner)));
            l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            l.add(hook("classInitialized", Hooks.CLASS_INIT_DESC));
        }
        if (isSynchronized) {
            if (explore) l.add(schedulePoint());
            l.add(new VarInsnNode(Opcodes.ALOAD, monLocal));
            monitorHook(l, false, line);
        }
        if (pushes) {
            l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
            l.add(hook("exit", Hooks.EXIT_DESC));
        }
        return l;
    }

    /** An exceptional exit must pop the frame and release the monitor of a synchronized method too. */
    private void addCatchAll(LabelNode start, boolean pushes) {
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        InsnList l = new InsnList();
        l.add(end);
        l.add(handler);
        if (version >= Opcodes.V1_6) {
            List<Object> locals = new ArrayList<>();
            for (int i = 0; i < tsLocal; i++) locals.add(Opcodes.TOP);
            locals.add(Hooks.THREAD_STATE);
            locals.add(Opcodes.INTEGER);
            if (isSynchronized) locals.add("java/lang/Object");
            l.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1,
                    new Object[] {"java/lang/Throwable"}));
        }
        if (isSynchronized) {
            l.add(new VarInsnNode(Opcodes.ALOAD, monLocal));
            monitorHook(l, false, line);
        }
        if (pushes) {
            l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
            l.add(hook("exit", Hooks.EXIT_DESC));
        }
        l.add(new InsnNode(Opcodes.ATHROW));
        method.instructions.add(l);
        // Last in the table: the method's own handlers are searched first.
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    /** Appends racecheck's locals to every existing stack map frame; the handler's frame has them already. */
    private void extendFrames() {
        for (AbstractInsnNode n : method.instructions) {
            if (!(n instanceof FrameNode f) || f.type != Opcodes.F_NEW) continue;
            if (f.stack != null && f.stack.size() == 1 && "java/lang/Throwable".equals(f.stack.get(0))
                    && f.local != null && f.local.size() > tsLocal && Hooks.THREAD_STATE.equals(f.local.get(tsLocal))) {
                continue; // our own handler frame
            }
            List<Object> locals = f.local == null ? new ArrayList<>() : new ArrayList<>(f.local);
            int slots = 0;
            for (Object o : locals) slots += (o == Opcodes.LONG || o == Opcodes.DOUBLE) ? 2 : 1;
            for (; slots < tsLocal; slots++) locals.add(Opcodes.TOP);
            locals.add(Hooks.THREAD_STATE);
            locals.add(Opcodes.INTEGER);
            if (isSynchronized) locals.add("java/lang/Object");
            f.local = locals;
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /**
     * {@code RaceEvents.schedulePoint(ts)}: before a synchronization operation, where schedule exploration may make the
     * thread wait. Emitted only when exploration is armed ({@link Config#explore}): otherwise the code is as before.
     */
    private InsnList schedulePoint() {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(hook("schedulePoint", "(" + Hooks.TS + ")V"));
        return l;
    }

    private static MethodInsnNode hook(String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, name, desc, false);
    }

    static AbstractInsnNode push(int value) {
        if (value >= -1 && value <= 5) return new InsnNode(Opcodes.ICONST_0 + value);
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) return new IntInsnNode(Opcodes.BIPUSH, value);
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) return new IntInsnNode(Opcodes.SIPUSH, value);
        return new LdcInsnNode(value);
    }
}
