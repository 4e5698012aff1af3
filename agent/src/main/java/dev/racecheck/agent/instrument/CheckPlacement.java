package dev.racecheck.agent.instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * Static check placement (after BigFoot, Rhodes, Flanagan and Freund, PLDI 2017): which of a method's access checks
 * cannot find anything the method's earlier checks did not, and which array loops can be checked once, before the
 * loop. Computed on the original method, before it is rewritten.
 *
 * <p><b>Epochs.</b> A thread's epoch moves on only at its own releases; a check whose variable this thread already
 * checked in the same epoch takes the runtime's same-epoch fast path and changes nothing. A <i>synchronization
 * event</i> here is anything that may make a release on this thread: {@code monitorenter}/{@code monitorexit}, a
 * volatile access (or a field the class files do not show), {@code invokedynamic}, any call but those of
 * {@link SyncFreeCalls}, a dynamic constant, and whatever may run a static initializer (new, a static field or a
 * static method of a class not known to be initialized on every path here). Between two synchronization events the
 * epoch stays the same.
 *
 * <p><b>Redundant checks.</b> A forward must-analysis over the control-flow graph (exception edges included): at
 * each instruction, the set of checks made on every path from the method's entry since the last synchronization
 * event. A read is covered by an earlier read of the same variable, a write by an earlier write: after a read in
 * epoch E the variable's read state is E (or its own entry of a shared read state is), after a write its write epoch
 * is E, so the later check is the fast path's no-op. (A write does not cover a later read: the runtime records that
 * read, so a later racing write is reported against both accesses; leaving it out would drop the second report.)
 * The same variable: the same field of the same object value, the same static field, the same element (the same
 * array value and the same index value). Values are numbered: a local or stack slot keeps the value it was loaded
 * from, {@code i + c} is the value of {@code i} plus a constant, and a value read from memory is new each time. A
 * value named after the instruction that made it (or the merge point where paths meet with different values) stands
 * for that instruction's latest result only: when the instruction runs again, every slot and check still naming the
 * older result is forgotten, so a loop's previous iteration never covers this one's access unless it was the very
 * same value. The analysis only gains where a check <i>dominates</i> the covered access with no synchronization
 * event between them on any path: that is what the intersection over all paths gives. An access whose instruction
 * throws (a null object, an index out of bounds) has its check made, but recording nothing, so exception edges carry
 * the state from before the instruction.
 *
 * <p><b>Array loops.</b> A counted loop in javac's shape ({@code for (i = a; i < n; i += s)}, the condition at the
 * top, {@code iinc} then {@code goto} at the bottom, no other way in or out) whose body can neither synchronize nor
 * throw, except by its array accesses: those all of the form {@code x[i + c]} with {@code x} a local the loop never
 * stores. Then the loop runs exactly the iterations {@code i = a, a + s, ...} below both {@code n} and the first
 * {@code i} at which any such access would be out of bounds (or its array null); those iterations are computed
 * before the loop ({@code RaceEvents.loopEnd}) and each access the body makes on every iteration (it dominates the
 * loop's {@code iinc}) is checked for all of them at once ({@code RaceEvents.loopRead}/{@code loopWrite}), in the
 * order in which the loop first touches each element. The body is acyclic and has no calls, so every iteration
 * finishes. Accesses that only some iterations make keep their own checks.
 */
final class CheckPlacement {
    /** What an instrumented access checks. */
    record Access(int kind, boolean write, String field) {
        static final int FIELD = 0;
        static final int STATIC = 1;
        static final int ELEMENT = 2;
    }

    /** An array access checked once before its loop, for all the loop's iterations. */
    record RangeAccess(AbstractInsnNode insn, int arrayLocal, int offset, boolean write) {
    }

    /** A counted loop whose unconditional array accesses are checked before it. */
    record RangeLoop(LabelNode header, int inductionLocal, int stride, AbstractInsnNode bound, boolean inclusive,
                     List<RangeAccess> guards, List<RangeAccess> checked) {
    }

    /** What to do with a method's checks. */
    record Plan(Set<AbstractInsnNode> elided, List<RangeLoop> loops) {
        static final Plan NONE = new Plan(Set.of(), List.of());

        boolean ranged(AbstractInsnNode n) {
            for (RangeLoop l : loops) {
                for (RangeAccess a : l.checked()) {
                    if (a.insn() == n) return true;
                }
            }
            return false;
        }
    }

    /** Methods longer than this are left as they are: the analysis grows with their size. */
    private static final int MAX_INSTRUCTIONS = 20_000;

    private final String owner;
    private final MethodNode method;
    private final Map<AbstractInsnNode, Access> accesses;
    private final SyncFreeCalls calls;
    private final ClassHierarchy hierarchy;
    private final ClassLoader loader;
    private final List<String> initiallyInitialized;

    private AbstractInsnNode[] insns;
    private int[][] successors;
    private int[][] handlers;
    private int[] predecessorCount;
    private final Map<Key, Integer> keyIds = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();
    private final Map<String, Integer> classIds = new HashMap<>();
    private final Values values = new Values();

    private CheckPlacement(String owner, MethodNode method, Map<AbstractInsnNode, Access> accesses,
                           SyncFreeCalls calls, ClassHierarchy hierarchy, ClassLoader loader) {
        this.owner = owner;
        this.method = method;
        this.accesses = accesses;
        this.calls = calls;
        this.hierarchy = hierarchy;
        this.loader = loader;
        List<String> init = new ArrayList<>();
        init.add(owner);
        init.addAll(hierarchy.superclasses(owner, loader));
        this.initiallyInitialized = init;
    }

    /**
     * The plan for one method. {@code accesses}: the instructions that will get an access check (volatile accesses
     * and everything else racecheck does not check as an access are not in it).
     */
    static Plan plan(String owner, MethodNode method, Map<AbstractInsnNode, Access> accesses, SyncFreeCalls calls,
                     ClassHierarchy hierarchy, ClassLoader loader) {
        if (accesses.isEmpty() || method.instructions.size() > MAX_INSTRUCTIONS) return Plan.NONE;
        try {
            return new CheckPlacement(owner, method, accesses, calls, hierarchy, loader).plan();
        } catch (AnalyzerException | RuntimeException e) {
            return Plan.NONE; // when in doubt, every access keeps its check
        }
    }

    private Plan plan() throws AnalyzerException {
        insns = method.instructions.toArray();
        buildGraph();
        List<RangeLoop> loops = new ArrayList<>();
        Set<AbstractInsnNode> ranged = Collections.newSetFromMap(new IdentityHashMap<>());
        State[] in = solve(Set.of());
        if (in == null) return Plan.NONE;
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof JumpInsnNode j && j.getOpcode() == Opcodes.GOTO && in[i] != null) {
                RangeLoop loop = rangeLoop(i, in);
                if (loop != null) {
                    loops.add(loop);
                    for (RangeAccess a : loop.checked()) ranged.add(a.insn());
                }
            }
        }
        // The accesses checked before their loop no longer make their check where they are: solve again without them.
        if (!ranged.isEmpty()) in = solve(ranged);
        if (in == null) return new Plan(Set.of(), loops);
        Set<AbstractInsnNode> elided = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < insns.length; i++) {
            Access a = accesses.get(insns[i]);
            if (a == null || in[i] == null || ranged.contains(insns[i])) continue;
            if (isSync(i, in[i])) continue;
            Key k = key(a, in[i].frame, i);
            if (k == null) continue;
            Integer id = keyIds.get(k);
            if (id != null && in[i].avail.get(id)) elided.add(insns[i]);
        }
        return new Plan(elided, loops);
    }

    // ---- the control-flow graph ------------------------------------------------------------------------------

    private void buildGraph() throws AnalyzerException {
        InsnList list = method.instructions;
        int n = insns.length;
        successors = new int[n][];
        handlers = new int[n][];
        predecessorCount = new int[n];
        for (int i = 0; i < n; i++) {
            AbstractInsnNode x = insns[i];
            int op = x.getOpcode();
            List<Integer> s = new ArrayList<>(2);
            if (x instanceof JumpInsnNode j) {
                if (op == Opcodes.JSR) throw new AnalyzerException(x, "subroutine");
                s.add(list.indexOf(j.label));
                if (op != Opcodes.GOTO) s.add(i + 1);
            } else if (x instanceof TableSwitchInsnNode t) {
                s.add(list.indexOf(t.dflt));
                for (LabelNode l : t.labels) s.add(list.indexOf(l));
            } else if (x instanceof LookupSwitchInsnNode t) {
                s.add(list.indexOf(t.dflt));
                for (LabelNode l : t.labels) s.add(list.indexOf(l));
            } else if (op == Opcodes.RET) {
                throw new AnalyzerException(x, "subroutine");
            } else if (!(op >= Opcodes.IRETURN && op <= Opcodes.RETURN) && op != Opcodes.ATHROW) {
                if (i + 1 < n) s.add(i + 1);
            }
            successors[i] = s.stream().distinct().mapToInt(Integer::intValue).toArray();
            for (int t : successors[i]) predecessorCount[t]++;
        }
        List<List<Integer>> h = new ArrayList<>(n);
        for (int i = 0; i < n; i++) h.add(null);
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int start = list.indexOf(tcb.start);
            int end = list.indexOf(tcb.end);
            int handler = list.indexOf(tcb.handler);
            for (int i = start; i < end; i++) {
                if (insns[i].getOpcode() < 0) continue; // labels, lines and frames throw nothing
                if (h.get(i) == null) h.set(i, new ArrayList<>(2));
                if (!h.get(i).contains(handler)) {
                    h.get(i).add(handler);
                    predecessorCount[handler]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            handlers[i] = h.get(i) == null ? new int[0] : h.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    // ---- the data-flow analysis ------------------------------------------------------------------------------

    /** At one instruction: the values of locals and stack, the checks available, the classes known initialized. */
    private static final class State {
        final Frame<Val> frame;
        final BitSet avail;
        final BitSet initialized;

        State(Frame<Val> frame, BitSet avail, BitSet initialized) {
            this.frame = frame;
            this.avail = avail;
            this.initialized = initialized;
        }

        State copy() {
            return new State(new Frame<>(frame), (BitSet) avail.clone(), (BitSet) initialized.clone());
        }

        boolean sameAs(State o) {
            if (!avail.equals(o.avail) || !initialized.equals(o.initialized)) return false;
            if (frame.getStackSize() != o.frame.getStackSize()) return false;
            for (int i = 0; i < frame.getLocals(); i++) {
                if (!java.util.Objects.equals(frame.getLocal(i), o.frame.getLocal(i))) return false;
            }
            for (int i = 0; i < frame.getStackSize(); i++) {
                if (!frame.getStack(i).equals(o.frame.getStack(i))) return false;
            }
            return true;
        }
    }

    /** The states at each instruction's entry, or null when the analysis gives up. */
    private State[] solve(Set<AbstractInsnNode> ranged) throws AnalyzerException {
        int n = insns.length;
        State[] in = new State[n];
        State[] out = new State[n];
        State[] thrown = new State[n];
        List<List<Integer>> preds = new ArrayList<>(n);
        List<List<Integer>> excPreds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            preds.add(new ArrayList<>(1));
            excPreds.add(new ArrayList<>(0));
        }
        for (int i = 0; i < n; i++) {
            for (int s : successors[i]) preds.get(s).add(i);
            for (int h : handlers[i]) excPreds.get(h).add(i);
        }
        in[0] = entryState();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        BitSet queued = new BitSet(n);
        work.add(0);
        queued.set(0);
        long budget = 40L * n + 1000;
        while (!work.isEmpty()) {
            if (--budget < 0) return null;
            int i = work.poll();
            queued.clear(i);
            if (i != 0 || !preds.get(0).isEmpty()) {
                State merged = merge(i, preds.get(i), out, excPreds.get(i), thrown);
                if (i == 0) merged = meet(i, merged, entryState());
                if (merged == null) continue;
                if (in[i] != null && in[i].sameAs(merged) && out[i] != null) continue;
                in[i] = merged;
            }
            State s = in[i].copy();
            thrown[i] = transfer(i, s, ranged);
            out[i] = s;
            for (int t : successors[i]) {
                if (!queued.get(t)) {
                    queued.set(t);
                    work.add(t);
                }
            }
            for (int t : handlers[i]) {
                if (!queued.get(t)) {
                    queued.set(t);
                    work.add(t);
                }
            }
        }
        return in;
    }

    private State entryState() {
        Frame<Val> f = new Frame<>(method.maxLocals, method.maxStack);
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        int local = 0;
        if (!isStatic) f.setLocal(local, Val.param(local++, 1));
        for (Type t : Type.getArgumentTypes(method.desc)) {
            f.setLocal(local, Val.param(local, t.getSize()));
            local++;
            if (t.getSize() == 2) f.setLocal(local++, Val.UNKNOWN);
        }
        while (local < method.maxLocals) f.setLocal(local++, Val.UNKNOWN);
        Type ret = Type.getReturnType(method.desc);
        f.setReturn(ret == Type.VOID_TYPE ? null : Val.unknown(ret.getSize()));
        BitSet init = new BitSet();
        for (String c : initiallyInitialized) init.set(classId(c));
        return new State(f, new BitSet(), init);
    }

    /** The state at {@code i} from its predecessors' states so far; null while none has one. */
    private State merge(int i, List<Integer> preds, State[] out, List<Integer> excPreds, State[] thrown) {
        State m = null;
        for (int p : preds) {
            if (out[p] != null) m = m == null ? out[p].copy() : meet(i, m, out[p]);
        }
        for (int p : excPreds) {
            if (thrown[p] != null) m = m == null ? thrown[p].copy() : meet(i, m, thrown[p]);
        }
        if (m != null && predecessorCount[i] + (i == 0 ? 1 : 0) > 1) forgetOlder(m, i);
        return m;
    }

    /**
     * Meets two states at {@code i}: a slot keeps its value if both agree, else it holds the merge value of {@code i};
     * checks and initialized classes are those of both.
     */
    private State meet(int i, State a, State b) {
        if (a == null) return b.copy();
        Frame<Val> f = a.frame;
        for (int l = 0; l < f.getLocals(); l++) {
            Val x = f.getLocal(l);
            Val y = b.frame.getLocal(l);
            if (!x.equals(y)) f.setLocal(l, Val.merged(i, l, x.getSize()));
        }
        if (f.getStackSize() != b.frame.getStackSize()) throw new IllegalStateException("stack heights differ");
        for (int s = 0; s < f.getStackSize(); s++) {
            Val x = f.getStack(s);
            Val y = b.frame.getStack(s);
            if (!x.equals(y)) f.setStack(s, Val.merged(i, f.getLocals() + s, x.getSize()));
        }
        a.avail.and(b.avail);
        a.initialized.and(b.initialized);
        return a;
    }

    /** At a merge point, values named after this merge point are older ones: give their slots the new merge value. */
    private void forgetOlder(State s, int i) {
        Frame<Val> f = s.frame;
        for (int l = 0; l < f.getLocals(); l++) {
            Val v = f.getLocal(l);
            if (v.isMergeAt(i) && v.slot() != l) f.setLocal(l, Val.merged(i, l, v.getSize()));
        }
        for (int st = 0; st < f.getStackSize(); st++) {
            Val v = f.getStack(st);
            if (v.isMergeAt(i) && v.slot() != f.getLocals() + st) f.setStack(st, Val.merged(i, f.getLocals() + st, v.getSize()));
        }
        // Checks on values this merge point names are of an earlier pass through it.
        for (int k = s.avail.nextSetBit(0); k >= 0; k = s.avail.nextSetBit(k + 1)) {
            if (keys.get(k).mentionsMerge(i)) s.avail.clear(k);
        }
    }

    /**
     * Runs instruction {@code i} on {@code s} (in place); returns the state its exception handlers see (checks made
     * before it, or none after a synchronization event that may have happened before it threw).
     */
    private State transfer(int i, State s, Set<AbstractInsnNode> ranged) throws AnalyzerException {
        AbstractInsnNode x = insns[i];
        if (x.getOpcode() < 0) return null; // a label, line number or frame
        boolean sync = isSync(i, s);
        // The instruction's result is a new value: slots and checks that name its earlier result are forgotten.
        Access a = ranged.contains(x) ? null : accesses.get(x);
        forgetResultsOf(s, i);
        Key key = a == null ? null : key(a, s.frame, i);
        State thrown = null;
        if (handlers[i].length > 0) {
            thrown = s.copy();
            if (sync) thrown.avail.clear();
            thrown.frame.clearStack();
            thrown.frame.push(Val.UNKNOWN);
        }
        s.frame.execute(x, values);
        if (sync) s.avail.clear();
        if (key != null) s.avail.set(keyId(key));
        String initializes = initializedBy(x);
        if (initializes != null) s.initialized.set(classId(initializes));
        return thrown;
    }

    private void forgetResultsOf(State s, int i) {
        Frame<Val> f = s.frame;
        for (int l = 0; l < f.getLocals(); l++) {
            if (f.getLocal(l).isResultOf(i)) f.setLocal(l, Val.unknown(f.getLocal(l).getSize()));
        }
        for (int st = 0; st < f.getStackSize(); st++) {
            if (f.getStack(st).isResultOf(i)) f.setStack(st, Val.unknown(f.getStack(st).getSize()));
        }
        for (int k = s.avail.nextSetBit(0); k >= 0; k = s.avail.nextSetBit(k + 1)) {
            if (keys.get(k).mentionsResultOf(i)) s.avail.clear(k);
        }
    }

    /** Whether instruction {@code i} may make a release on this thread, in state {@code s}. */
    private boolean isSync(int i, State s) {
        AbstractInsnNode x = insns[i];
        switch (x.getOpcode()) {
            case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT: case Opcodes.INVOKEDYNAMIC:
                return true;
            case Opcodes.INVOKEVIRTUAL: case Opcodes.INVOKESPECIAL: case Opcodes.INVOKESTATIC:
            case Opcodes.INVOKEINTERFACE:
                return !calls.isSyncFree((MethodInsnNode) x);
            case Opcodes.GETFIELD: case Opcodes.PUTFIELD: case Opcodes.GETSTATIC: case Opcodes.PUTSTATIC: {
                FieldInsnNode fi = (FieldInsnNode) x;
                ClassHierarchy.FieldInfo info = hierarchy.field(fi.owner, fi.name, fi.desc, loader);
                if (info == null || info.isVolatile()) return true;
                boolean isStatic = x.getOpcode() == Opcodes.GETSTATIC || x.getOpcode() == Opcodes.PUTSTATIC;
                return isStatic && !s.initialized.get(classId(info.declaringClass()));
            }
            case Opcodes.NEW:
                return !s.initialized.get(classId(((TypeInsnNode) x).desc));
            case Opcodes.LDC:
                return !SyncFreeCalls.isPlainConstant(((LdcInsnNode) x).cst);
            default:
                return false;
        }
    }

    /** The class an instruction that completed normally has initialized (or found initialized), or null. */
    private String initializedBy(AbstractInsnNode x) {
        switch (x.getOpcode()) {
            case Opcodes.GETSTATIC: case Opcodes.PUTSTATIC: {
                FieldInsnNode fi = (FieldInsnNode) x;
                ClassHierarchy.FieldInfo info = hierarchy.field(fi.owner, fi.name, fi.desc, loader);
                return info == null ? null : info.declaringClass();
            }
            case Opcodes.NEW:
                return ((TypeInsnNode) x).desc;
            default:
                return null;
        }
    }

    private int classId(String name) {
        return classIds.computeIfAbsent(name, k -> classIds.size());
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    /** A check: what it checks (a field of an object, a static field, an element) and whether it is a write. */
    record Key(int kind, String field, Val object, Val index, boolean write) {
        boolean mentionsResultOf(int i) {
            return (object != null && object.isResultOf(i)) || (index != null && index.isResultOf(i));
        }

        boolean mentionsMerge(int i) {
            return (object != null && object.isMergeAt(i)) || (index != null && index.isMergeAt(i));
        }
    }

    /** The key of access {@code a} at instruction {@code i} with operands in {@code f}; null if a value is unknown. */
    private Key key(Access a, Frame<Val> f, int i) {
        int top = f.getStackSize();
        switch (a.kind()) {
            case Access.STATIC:
                return new Key(a.kind(), a.field(), null, null, a.write());
            case Access.FIELD: {
                Val o = f.getStack(top - (a.write() ? 2 : 1));
                return o.known() ? new Key(a.kind(), a.field(), o, null, a.write()) : null;
            }
            default: {
                int base = top - (a.write() ? 3 : 2);
                Val arr = f.getStack(base);
                Val idx = f.getStack(base + 1);
                return arr.known() && idx.known() ? new Key(a.kind(), null, arr, idx, a.write()) : null;
            }
        }
    }

    private int keyId(Key k) {
        Integer id = keyIds.get(k);
        if (id == null) {
            id = keys.size();
            keyIds.put(k, id);
            keys.add(k);
        }
        return id;
    }

    // ---- array loops -----------------------------------------------------------------------------------------

    private static AbstractInsnNode real(AbstractInsnNode n) {
        while (n != null && n.getOpcode() < 0) n = n.getNext();
        return n;
    }

    private static AbstractInsnNode realBefore(AbstractInsnNode n) {
        while (n != null && n.getOpcode() < 0) n = n.getPrevious();
        return n;
    }

    /** The loop whose back edge is the {@code goto} at {@code g}, if it has the shape of a checkable array loop. */
    private RangeLoop rangeLoop(int g, State[] in) {
        InsnList list = method.instructions;
        JumpInsnNode back = (JumpInsnNode) insns[g];
        int h = list.indexOf(back.label);
        if (h >= g || in[h] == null) return null;
        // The latch: iinc i, s (s > 0) right before the goto.
        AbstractInsnNode latch = realBefore(back.getPrevious());
        if (!(latch instanceof IincInsnNode inc) || inc.incr <= 0) return null;
        int i = inc.var;
        int latchIndex = list.indexOf(latch);
        // The header: iload i; <bound>; if_icmpge/if_icmpgt exit.
        AbstractInsnNode load = real(back.label);
        if (!(load instanceof VarInsnNode lv) || lv.getOpcode() != Opcodes.ILOAD || lv.var != i) return null;
        AbstractInsnNode bound = real(load.getNext());
        AbstractInsnNode test = real(bound.getNext());
        int boundLocal = -1;
        int lengthLocal = -1;
        if (bound instanceof VarInsnNode bv && bv.getOpcode() == Opcodes.ILOAD) {
            boundLocal = bv.var;
        } else if (bound instanceof VarInsnNode av && av.getOpcode() == Opcodes.ALOAD
                && test != null && test.getOpcode() == Opcodes.ARRAYLENGTH) {
            lengthLocal = av.var;
            test = real(test.getNext());
        } else if (intConstant(bound) == null) {
            return null;
        }
        if (!(test instanceof JumpInsnNode exit)
                || (exit.getOpcode() != Opcodes.IF_ICMPGE && exit.getOpcode() != Opcodes.IF_ICMPGT)) {
            return null;
        }
        int testIndex = list.indexOf(test);
        if (list.indexOf(exit.label) <= g) return null;
        if (in[h].frame.getStackSize() != 0) return null;
        Val induction = in[h].frame.getLocal(i);
        if (!induction.isMergeAt(h)) return null;

        // Nothing but the goto enters the header from inside or outside, nothing leaves but the test, nothing
        // enters the body from outside; no handler starts inside; no back edge but the goto.
        for (int k = 0; k < insns.length; k++) {
            boolean inside = k >= h && k <= g;
            for (int t : successors[k]) {
                boolean targetInside = t > h && t <= g;
                if (t == h && k != g && !(k == h - 1 && k >= 0 && falls(k))) return null;
                if (inside && !targetInside && t != h && !(k == testIndex && t == list.indexOf(exit.label))) return null;
                if (!inside && targetInside) return null;
                if (inside && targetInside && t <= k && k != g) return null; // an inner loop
            }
            for (int t : handlers[k]) {
                if (t > h && t <= g) return null;
            }
        }
        if (h > 0 && !falls(h - 1)) return null; // the header is entered by falling into it

        // The body: no synchronization, no throwing instruction but range-shaped array accesses, and the loop's
        // locals (induction, bound, arrays) stored nowhere in it but the latch.
        Set<Integer> stored = new java.util.HashSet<>();
        for (int k = h + 1; k <= g; k++) {
            AbstractInsnNode x = insns[k];
            if (x instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                stored.add(v.var);
            } else if (x instanceof IincInsnNode v && v != latch) {
                stored.add(v.var);
            }
        }
        if (stored.contains(i) || (boundLocal >= 0 && stored.contains(boundLocal))
                || (lengthLocal >= 0 && stored.contains(lengthLocal))) {
            return null;
        }
        List<RangeAccess> guards = new ArrayList<>();
        for (int k = testIndex + 1; k < latchIndex; k++) {
            AbstractInsnNode x = insns[k];
            int op = x.getOpcode();
            if (op < 0) continue;
            if (isArrayAccess(op)) {
                if (in[k] == null) return null;
                RangeAccess r = rangeAccess(k, in, h, i, stored);
                if (r == null) return null;
                guards.add(r);
            } else if (!cannotThrow(x)) {
                return null;
            }
        }
        // The accesses every iteration makes: those that dominate the latch.
        List<RangeAccess> checked = new ArrayList<>();
        for (RangeAccess r : guards) {
            int k = list.indexOf(r.insn());
            if (accesses.containsKey(r.insn()) && dominates(k, testIndex + 1, latchIndex)) checked.add(r);
        }
        if (checked.isEmpty()) return null;
        // Each element's first touch: larger offsets reach an element in earlier iterations; then program order.
        checked.sort(Comparator.comparingInt((RangeAccess r) -> -r.offset())
                .thenComparingInt(r -> list.indexOf(r.insn())));
        return new RangeLoop(back.label, i, inc.incr, bound, exit.getOpcode() == Opcodes.IF_ICMPGT, guards,
                List.copyOf(checked));
    }

    /** Whether instruction {@code k} may continue with the next one. */
    private boolean falls(int k) {
        for (int t : successors[k]) {
            if (t == k + 1) return true;
        }
        return false;
    }

    private static boolean isArrayAccess(int op) {
        return (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE);
    }

    /** {@code x[i + c]} with {@code x} a local the loop does not store; null for any other access. */
    private RangeAccess rangeAccess(int k, State[] in, int h, int i, Set<Integer> stored) {
        AbstractInsnNode x = insns[k];
        int op = x.getOpcode();
        if (op == Opcodes.AASTORE) return null; // may throw ArrayStoreException
        boolean write = op >= Opcodes.IASTORE;
        Frame<Val> f = in[k].frame;
        int base = f.getStackSize() - (write ? 3 : 2);
        Val array = f.getStack(base);
        Val index = f.getStack(base + 1);
        if (!index.known() || !index.sameBase(in[h].frame.getLocal(i))) return null;
        if (!array.known()) return null;
        Frame<Val> header = in[h].frame;
        for (int l = 0; l < header.getLocals(); l++) {
            if (array.equals(header.getLocal(l)) && !stored.contains(l) && isReferenceAt(h, l)) {
                return new RangeAccess(x, l, index.offset(), write);
            }
        }
        return null;
    }

    /**
     * Whether the stack map frame at {@code h} (if the class has frames) gives local {@code l} a reference type: the
     * code inserted before the loop loads it, and a local out of scope there may be TOP for the verifier.
     */
    private boolean isReferenceAt(int h, int l) {
        AbstractInsnNode n = insns[h].getNext();
        while (n != null && n.getOpcode() < 0 && !(n instanceof org.objectweb.asm.tree.FrameNode)) n = n.getNext();
        if (!(n instanceof org.objectweb.asm.tree.FrameNode f)) return true; // no frames: the verifier infers types
        if (f.type != Opcodes.F_NEW || f.local == null) return false;
        int slot = 0;
        for (Object t : f.local) {
            if (slot == l) return t instanceof String;
            slot += (t == Opcodes.LONG || t == Opcodes.DOUBLE) ? 2 : 1;
        }
        return false;
    }

    /** Instructions a checked loop body may contain besides its array accesses: none of them can throw. */
    private static boolean cannotThrow(AbstractInsnNode x) {
        int op = x.getOpcode();
        if (x instanceof MethodInsnNode mi) return SyncFreeCalls.cannotThrow(mi);
        if (x instanceof LdcInsnNode ldc) return !(ldc.cst instanceof Type) && SyncFreeCalls.isPlainConstant(ldc.cst);
        if (x instanceof JumpInsnNode j) return op != Opcodes.JSR;
        if (x instanceof TableSwitchInsnNode || x instanceof LookupSwitchInsnNode) return true;
        if (op >= Opcodes.ACONST_NULL && op <= Opcodes.SIPUSH) return true;           // constants
        if (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) return true;                   // local loads
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) return true;                 // local stores
        if (op >= Opcodes.POP && op <= Opcodes.SWAP) return true;                      // stack
        switch (op) {
            case Opcodes.IDIV: case Opcodes.IREM: case Opcodes.LDIV: case Opcodes.LREM:
                return false;                                                          // ArithmeticException
            default:
                break;
        }
        if (op >= Opcodes.IADD && op <= Opcodes.DCMPG) return true;                    // arithmetic, conversions
        return op == Opcodes.IINC || op == Opcodes.NOP;
    }

    /** Whether every path from {@code from} to {@code to} (forward edges only, in a loop body) passes {@code k}. */
    private boolean dominates(int k, int from, int to) {
        if (k == from) return true;
        BitSet seen = new BitSet();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        work.add(from);
        seen.set(from);
        while (!work.isEmpty()) {
            int x = work.poll();
            if (x == to) return false;
            for (int t : successors[x]) {
                if (t != k && t > x && t <= to && !seen.get(t)) {
                    seen.set(t);
                    work.add(t);
                }
            }
        }
        return true;
    }

    /** The int an instruction pushes as a constant, or null. */
    static Integer intConstant(AbstractInsnNode x) {
        int op = x.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) return op - Opcodes.ICONST_0;
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) return ((IntInsnNode) x).operand;
        if (x instanceof LdcInsnNode ldc && ldc.cst instanceof Integer c) return c;
        return null;
    }

    // ---- values ----------------------------------------------------------------------------------------------

    /**
     * A value, numbered: a parameter, the result of an instruction, the value paths bring to a merge point in a slot,
     * or an int constant; each possibly plus an int constant ({@code i + 1}). Equal values are the same value at run
     * time (see the class comment for when a name is given up). Unknown values equal nothing, themselves included.
     */
    static final class Val implements Value {
        static final int UNKNOWN_KIND = 0;
        static final int PARAM = 1;
        static final int RESULT = 2;
        static final int MERGE = 3;
        static final int CONST = 4;

        static final Val UNKNOWN = new Val(UNKNOWN_KIND, 0, 0, 0, 1);
        static final Val UNKNOWN_WIDE = new Val(UNKNOWN_KIND, 0, 0, 0, 2);

        private final int kind;
        private final int at;
        private final int slot;
        private final int offset;
        private final int size;

        private Val(int kind, int at, int slot, int offset, int size) {
            this.kind = kind;
            this.at = at;
            this.slot = slot;
            this.offset = offset;
            this.size = size;
        }

        static Val unknown(int size) {
            return size == 2 ? UNKNOWN_WIDE : UNKNOWN;
        }

        static Val param(int local, int size) {
            return new Val(PARAM, local, 0, 0, size);
        }

        static Val result(int insn, int size) {
            return new Val(RESULT, insn, 0, 0, size);
        }

        static Val merged(int insn, int slot, int size) {
            return new Val(MERGE, insn, slot, 0, size);
        }

        static Val constant(int c) {
            return new Val(CONST, 0, 0, c, 1);
        }

        /** This value plus {@code c}; unknown if the sum's base cannot carry it. */
        Val plus(int c) {
            if (kind == UNKNOWN_KIND || size != 1) return UNKNOWN;
            return new Val(kind, at, slot, offset + c, size);
        }

        boolean known() {
            return kind != UNKNOWN_KIND;
        }

        boolean isResultOf(int insn) {
            return kind == RESULT && at == insn;
        }

        boolean isMergeAt(int insn) {
            return kind == MERGE && at == insn;
        }

        int slot() {
            return slot;
        }

        int offset() {
            return offset;
        }

        /** The same value but for the constant added: {@code i + c} and {@code i}. */
        boolean sameBase(Val o) {
            return known() && kind != CONST && kind == o.kind && at == o.at && slot == o.slot && size == o.size;
        }

        @Override
        public int getSize() {
            return size;
        }

        @Override
        public boolean equals(Object o) {
            // Unknown values are equal to themselves for the fixpoint's sake only: known() guards every use.
            return o instanceof Val v && v.kind == kind && v.at == at && v.slot == slot && v.offset == offset
                    && v.size == size;
        }

        @Override
        public int hashCode() {
            return ((kind * 31 + at) * 31 + slot) * 31 + offset;
        }

        @Override
        public String toString() {
            String base = switch (kind) {
                case PARAM -> "p" + at;
                case RESULT -> "r" + at;
                case MERGE -> "m" + at + "." + slot;
                case CONST -> "c";
                default -> "?";
            };
            return offset == 0 && kind != CONST ? base : base + "+" + offset;
        }
    }

    /** Numbers the values an instruction makes; copies keep their value, int sums with a constant are tracked. */
    private final class Values extends Interpreter<Val> {
        Values() {
            super(Opcodes.ASM9);
        }

        private int index(AbstractInsnNode insn) {
            return method.instructions.indexOf(insn);
        }

        @Override
        public Val newValue(Type type) {
            if (type == Type.VOID_TYPE) return null;
            return Val.unknown(type == null ? 1 : type.getSize());
        }

        @Override
        public Val newOperation(AbstractInsnNode insn) {
            Integer c = intConstant(insn);
            if (c != null) return Val.constant(c);
            return Val.result(index(insn), sizeOf(insn));
        }

        private int sizeOf(AbstractInsnNode insn) {
            switch (insn.getOpcode()) {
                case Opcodes.LCONST_0: case Opcodes.LCONST_1: case Opcodes.DCONST_0: case Opcodes.DCONST_1:
                    return 2;
                case Opcodes.LDC: {
                    Object c = ((LdcInsnNode) insn).cst;
                    return c instanceof Long || c instanceof Double
                            || (c instanceof org.objectweb.asm.ConstantDynamic cd && cd.getSize() == 2) ? 2 : 1;
                }
                case Opcodes.GETSTATIC:
                    return Type.getType(((FieldInsnNode) insn).desc).getSize();
                default:
                    return 1;
            }
        }

        @Override
        public Val copyOperation(AbstractInsnNode insn, Val value) {
            return value;
        }

        @Override
        public Val unaryOperation(AbstractInsnNode insn, Val value) {
            switch (insn.getOpcode()) {
                case Opcodes.IINC:
                    return value.kind == Val.CONST ? Val.constant(value.offset + ((IincInsnNode) insn).incr)
                            : value.plus(((IincInsnNode) insn).incr);
                case Opcodes.CHECKCAST:
                    return value;
                case Opcodes.I2L: case Opcodes.I2D: case Opcodes.L2D: case Opcodes.F2L: case Opcodes.F2D:
                case Opcodes.D2L: case Opcodes.LNEG: case Opcodes.DNEG:
                    return Val.result(index(insn), 2);
                case Opcodes.GETFIELD:
                    return Val.result(index(insn), Type.getType(((FieldInsnNode) insn).desc).getSize());
                case Opcodes.IFEQ: case Opcodes.IFNE: case Opcodes.IFLT: case Opcodes.IFGE: case Opcodes.IFGT:
                case Opcodes.IFLE: case Opcodes.TABLESWITCH: case Opcodes.LOOKUPSWITCH: case Opcodes.IRETURN:
                case Opcodes.LRETURN: case Opcodes.FRETURN: case Opcodes.DRETURN: case Opcodes.ARETURN:
                case Opcodes.PUTSTATIC: case Opcodes.ATHROW: case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT:
                case Opcodes.IFNULL: case Opcodes.IFNONNULL:
                    return null;
                default:
                    return Val.result(index(insn), 1);
            }
        }

        @Override
        public Val binaryOperation(AbstractInsnNode insn, Val a, Val b) {
            switch (insn.getOpcode()) {
                case Opcodes.IADD:
                    if (b.kind == Val.CONST && a.kind == Val.CONST) return Val.constant(a.offset + b.offset);
                    if (b.kind == Val.CONST && a.known()) return a.plus(b.offset);
                    if (a.kind == Val.CONST && b.known()) return b.plus(a.offset);
                    return Val.result(index(insn), 1);
                case Opcodes.ISUB:
                    if (b.kind == Val.CONST && a.kind == Val.CONST) return Val.constant(a.offset - b.offset);
                    if (b.kind == Val.CONST && a.known()) return a.plus(-b.offset);
                    return Val.result(index(insn), 1);
                case Opcodes.LALOAD: case Opcodes.DALOAD: case Opcodes.LADD: case Opcodes.DADD: case Opcodes.LSUB:
                case Opcodes.DSUB: case Opcodes.LMUL: case Opcodes.DMUL: case Opcodes.LDIV: case Opcodes.DDIV:
                case Opcodes.LREM: case Opcodes.DREM: case Opcodes.LSHL: case Opcodes.LSHR: case Opcodes.LUSHR:
                case Opcodes.LAND: case Opcodes.LOR: case Opcodes.LXOR:
                    return Val.result(index(insn), 2);
                case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
                case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE: case Opcodes.IF_ACMPEQ: case Opcodes.IF_ACMPNE:
                case Opcodes.PUTFIELD:
                    return null;
                default:
                    return Val.result(index(insn), 1);
            }
        }

        @Override
        public Val ternaryOperation(AbstractInsnNode insn, Val a, Val b, Val c) {
            return null;
        }

        @Override
        public Val naryOperation(AbstractInsnNode insn, List<? extends Val> args) {
            if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) return Val.result(index(insn), 1);
            String desc = insn instanceof MethodInsnNode mi ? mi.desc
                    : ((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).desc;
            Type ret = Type.getReturnType(desc);
            return ret == Type.VOID_TYPE ? null : Val.result(index(insn), ret.getSize());
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Val value, Val expected) {
            // nothing to check
        }

        @Override
        public Val merge(Val a, Val b) {
            return a.equals(b) ? a : Val.unknown(a.getSize()); // not used: CheckPlacement merges itself
        }
    }
}
