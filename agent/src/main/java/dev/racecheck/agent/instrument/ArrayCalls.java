package dev.racecheck.agent.instrument;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Calls that read or write array elements inside the JDK, where racecheck does not see the accesses:
 * {@code System.arraycopy}, an array's {@code clone()}, and {@code java.util.Arrays}' fill, sort, parallelSort,
 * parallelPrefix, setAll, parallelSetAll, copyOf, copyOfRange, equals, deepEquals, hashCode, deepHashCode, toString,
 * deepToString, compare, compareUnsigned and mismatch (their range forms included).
 *
 * <p>The arguments are spilled to locals past racecheck's own and loaded back for the call; once it has returned
 * normally, {@code RaceEvents.arrayRange(array, from, to, write, site, ts, base)} records each element of the range it
 * worked on as one access (a sort or fill is a write of every element in its range). Recording after the return is
 * what makes the record exact: a call that failed its argument checks (a null or mismatched array, an index out of
 * bounds, a negative length, from > to, an element {@code fill} cannot store) threw before touching an element and
 * records nothing, without racecheck mirroring each check. The same call's accesses recorded a few instructions
 * later are the same accesses for the analysis: nothing between them synchronizes. The one failure that leaves work
 * done is an {@code arraycopy} between reference arrays that stops at the first element the destination cannot
 * hold (ArrayStoreException): before that call, {@code RaceEvents.arraycopyStorePrefix} records the prefix it will
 * copy. Other calls that throw from the program's own code (a comparator, a generator, an element's
 * {@code compareTo}) may have touched some elements before; they record nothing (a missed race, never a false one).
 *
 * <p>Ranges are exactly the call's: {@code copyOf(a, n)} reads the first n elements, {@code arraycopy} its two
 * ranges; {@code equals} reads nothing of arrays of different lengths (or of one array with itself), {@code compare}
 * and {@code mismatch} the common length. An array's {@code clone()} can fail only on a null receiver, which
 * records nothing either: it is recorded before the call. binarySearch, stream, spliterator and asList are not
 * modelled (they read some elements, or later).
 */
final class ArrayCalls {
    private static final String RANGE_DESC = "(Ljava/lang/Object;IIZI" + Hooks.TS + "I)V";
    private static final String COMPARED_DESC = "(Ljava/lang/Object;IILjava/lang/Object;IIZZI" + Hooks.TS + "I)V";
    private static final String ARRAYCOPY_DESC = "(Ljava/lang/Object;ILjava/lang/Object;III" + Hooks.TS + "I)V";
    /** {@code to} argument meaning "the array's length". */
    private static final int WHOLE = -1;

    /** One range a call works on: argument indexes (or -1), and whether it is written. */
    private record Range(int array, int from, int to, int length, boolean write) {
    }

    /**
     * Two arrays a comparison reads side by side (argument indexes, -1 for the whole array): as far as their common
     * length, or nothing when {@code sameLengthOnly} and their lengths differ; nothing when {@code identity} and they
     * are one array (the JDK's shortcut).
     */
    private record Compared(int a, int aFrom, int aTo, int b, int bFrom, int bTo, boolean sameLengthOnly,
                            boolean identity) {
    }

    /** What a modelled call touches. */
    private record Model(List<Range> ranges, Compared compared, boolean arraycopy) {
        boolean empty() {
            return ranges.isEmpty() && compared == null;
        }
    }

    private static final Model NONE = new Model(List.of(), null, false);

    private ArrayCalls() {
        // no instances
    }

    /** What {@code call} reads or writes; {@link #NONE} when it is not modelled. */
    private static Model model(MethodInsnNode call) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC) return NONE;
        Type[] args = Type.getArgumentTypes(call.desc);
        if (call.owner.equals("java/lang/System") && call.name.equals("arraycopy")
                && call.desc.equals("(Ljava/lang/Object;ILjava/lang/Object;II)V")) {
            return new Model(List.of(new Range(0, 1, -1, 4, false), new Range(2, 3, -1, 4, true)), null, true);
        }
        if (!call.owner.equals("java/util/Arrays") || args.length == 0 || args[0].getSort() != Type.ARRAY) {
            return NONE;
        }
        boolean fromTo = args.length >= 3 && args[1] == Type.INT_TYPE && args[2] == Type.INT_TYPE;
        List<Range> ranges = new ArrayList<>();
        switch (call.name) {
            case "fill":
                ranges.add(fromTo && args.length == 4 ? new Range(0, 1, 2, -1, true) : whole(0, true));
                break;
            case "sort": case "parallelSort": case "parallelPrefix":
                ranges.add(fromTo ? new Range(0, 1, 2, -1, true) : whole(0, true));
                break;
            case "setAll": case "parallelSetAll":
                ranges.add(whole(0, true));
                break;
            case "copyOf":
                ranges.add(new Range(0, -1, 1, -1, false)); // the first n elements (clipped at run time)
                break;
            case "copyOfRange":
                ranges.add(new Range(0, 1, 2, -1, false)); // to may pass the end: clipped at run time
                break;
            case "hashCode": case "deepHashCode": case "toString": case "deepToString":
                if (args.length == 1) ranges.add(whole(0, false));
                break;
            case "equals": case "deepEquals": case "compare": case "compareUnsigned": case "mismatch": {
                boolean equality = call.name.equals("equals") || call.name.equals("deepEquals");
                if (args.length >= 2 && args[1].getSort() == Type.ARRAY) {
                    return new Model(List.of(), new Compared(0, -1, -1, 1, -1, -1, equality, true), false);
                }
                if (args.length >= 6 && fromTo && args[3].getSort() == Type.ARRAY && args[4] == Type.INT_TYPE
                        && args[5] == Type.INT_TYPE) {
                    return new Model(List.of(), new Compared(0, 1, 2, 3, 4, 5, equality, false), false);
                }
                break;
            }
            default:
                break;
        }
        return ranges.isEmpty() ? NONE : new Model(ranges, null, false);
    }

    private static Range whole(int array, boolean write) {
        return new Range(array, -1, WHOLE, -1, write);
    }

    /** Whether {@code call} is an array's {@code clone()}: every element is read. */
    static boolean isArrayClone(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.name.equals("clone") && call.owner.startsWith("[")
                && call.desc.equals("()Ljava/lang/Object;");
    }

    /**
     * Adds the range events around {@code call}: after it (its normal return), and for arraycopy also before it.
     *
     * @param spill the first free local (past racecheck's)
     * @return how many local slots from {@code spill} on it used; 0 when the call was left alone
     */
    static int instrument(MethodNode method, MethodInsnNode call, int spill, int tsLocal, int baseLocal, int site) {
        if (isArrayClone(call)) {                                                        // [arr]
            InsnList l = new InsnList();
            l.add(new InsnNode(Opcodes.DUP));                                           // [arr arr]
            l.add(new InsnNode(Opcodes.ICONST_0));
            l.add(new InsnNode(Opcodes.ICONST_M1));
            l.add(new InsnNode(Opcodes.ICONST_0));
            l.add(hookTail("arrayRange", RANGE_DESC, site, tsLocal, baseLocal));        // [arr]
            method.instructions.insertBefore(call, l);
            return 0;
        }
        Model model = model(call);
        if (model.empty()) return 0;
        Type[] args = Type.getArgumentTypes(call.desc);
        int[] slots = new int[args.length];
        int next = spill;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        InsnList before = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        if (model.arraycopy()) {
            for (int i = 0; i < args.length; i++) before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
            before.add(hookTail("arraycopyStorePrefix", ARRAYCOPY_DESC, site, tsLocal, baseLocal));
        }
        for (int i = 0; i < args.length; i++) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        // After the call: whatever it returned stays on the stack under the events, which only load the spilled
        // arguments. No branch target lies between the stores and these loads, so the spill locals need no frame.
        InsnList after = new InsnList();
        for (Range r : model.ranges()) {
            after.add(new VarInsnNode(Opcodes.ALOAD, slots[r.array()]));
            after.add(index(slots, r.from(), 0));
            if (r.length() >= 0) { // from + length
                after.add(new VarInsnNode(Opcodes.ILOAD, slots[r.from()]));
                after.add(new VarInsnNode(Opcodes.ILOAD, slots[r.length()]));
                after.add(new InsnNode(Opcodes.IADD));
            } else {
                after.add(index(slots, r.to(), WHOLE));
            }
            after.add(new InsnNode(r.write() ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            after.add(hookTail("arrayRange", RANGE_DESC, site, tsLocal, baseLocal));
        }
        Compared c = model.compared();
        if (c != null) {
            after.add(new VarInsnNode(Opcodes.ALOAD, slots[c.a()]));
            after.add(index(slots, c.aFrom(), 0));
            after.add(index(slots, c.aTo(), WHOLE));
            after.add(new VarInsnNode(Opcodes.ALOAD, slots[c.b()]));
            after.add(index(slots, c.bFrom(), 0));
            after.add(index(slots, c.bTo(), WHOLE));
            after.add(new InsnNode(c.sameLengthOnly() ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            after.add(new InsnNode(c.identity() ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            after.add(hookTail("arraysCompared", COMPARED_DESC, site, tsLocal, baseLocal));
        }
        method.instructions.insertBefore(call, before);
        method.instructions.insert(call, after);
        return next - spill;
    }

    /** The int argument in {@code slots[arg]}, or the constant {@code absent} (0 or {@link #WHOLE}) when arg is -1. */
    private static AbstractInsnNode index(int[] slots, int arg, int absent) {
        if (arg >= 0) return new VarInsnNode(Opcodes.ILOAD, slots[arg]);
        return new InsnNode(absent == 0 ? Opcodes.ICONST_0 : Opcodes.ICONST_M1);
    }

    private static final String REFLECTED_DESC = "(Ljava/lang/Object;ILjava/lang/Object;CZI" + Hooks.TS + "I)V";

    /**
     * {@code java.lang.reflect.Array.get*(array, index)} or {@code set*(array, index, value)}: one element read or
     * written. Before the call, {@code RaceEvents.reflectedElement(array, index, value, type, write, site, ts, base)}
     * with the value for {@code set(Object)} (else null) and the primitive type the method takes or returns ('L' for
     * get and set), so that a call the JDK will reject (an index out of bounds, a type that does not convert) records
     * nothing.
     *
     * @return how many local slots from {@code spill} on it used; 0 when the call was left alone
     */
    static int instrumentReflectedElement(MethodNode method, MethodInsnNode call, int spill, int tsLocal,
                                          int baseLocal, int site) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC || !call.owner.equals("java/lang/reflect/Array")) return 0;
        boolean get = call.name.startsWith("get") && !call.name.equals("getLength");
        boolean set = call.name.startsWith("set");
        if (!(get || set) || !call.desc.startsWith("(Ljava/lang/Object;I")) return 0;
        Type[] args = Type.getArgumentTypes(call.desc);
        if (args.length != (get ? 2 : 3)) return 0;
        Type typed = get ? Type.getReturnType(call.desc) : args[2];
        char type = typed.getSort() == Type.OBJECT ? 'L' : typed.getDescriptor().charAt(0);
        int[] slots = new int[args.length];
        int next = spill;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        InsnList l = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        l.add(new VarInsnNode(Opcodes.ALOAD, slots[0]));
        l.add(new VarInsnNode(Opcodes.ILOAD, slots[1]));
        l.add(set && type == 'L' ? new VarInsnNode(Opcodes.ALOAD, slots[2]) : new InsnNode(Opcodes.ACONST_NULL));
        l.add(MethodInstrumenter.push(type));
        l.add(new InsnNode(set ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
        l.add(new LdcInsnNode(site));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "reflectedElement", REFLECTED_DESC, false));
        for (int i = 0; i < args.length; i++) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        method.instructions.insertBefore(call, l);
        return next - spill;
    }

    /** site, ts, base, then the call to the RaceEvents hook. */
    private static InsnList hookTail(String hook, String desc, int site, int tsLocal, int baseLocal) {
        InsnList l = new InsnList();
        l.add(new LdcInsnNode(site));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, hook, desc, false));
        return l;
    }
}
