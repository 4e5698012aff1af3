package dev.racecheck.agent.instrument;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
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
 * deepToString, compare and mismatch. Before such a call its arguments are spilled to locals past racecheck's own,
 * and {@code RaceEvents.arrayRange(array, from, to, write, site, ts, base)} records each element of the range the call
 * works on as one access; then the arguments are loaded back. A sort or fill is a write of every element in its range
 * (a write is checked against earlier reads as well as writes). Ranges are exactly the call's: {@code copyOf(a, n)}
 * reads the first n elements, {@code arraycopy} its two ranges; binarySearch, stream, spliterator and asList are not
 * modelled (they read some elements, or later).
 */
final class ArrayCalls {
    private static final String RANGE_DESC = "(Ljava/lang/Object;IIZI" + Hooks.TS + "I)V";
    /** {@code to} argument meaning "the array's length". */
    private static final int WHOLE = -1;

    /** One range a call works on: argument indexes (or -1), and whether it is written. */
    private record Range(int array, int from, int to, int length, boolean write) {
    }

    private ArrayCalls() {
        // no instances
    }

    /** The ranges {@code call} reads or writes, or an empty list when it is not modelled. */
    private static List<Range> ranges(MethodInsnNode call) {
        List<Range> ranges = new ArrayList<>();
        if (call.getOpcode() != Opcodes.INVOKESTATIC) return ranges;
        Type[] args = Type.getArgumentTypes(call.desc);
        if (call.owner.equals("java/lang/System") && call.name.equals("arraycopy")
                && call.desc.equals("(Ljava/lang/Object;ILjava/lang/Object;II)V")) {
            ranges.add(new Range(0, 1, -1, 4, false));
            ranges.add(new Range(2, 3, -1, 4, true));
            return ranges;
        }
        if (!call.owner.equals("java/util/Arrays") || args.length == 0 || args[0].getSort() != Type.ARRAY) {
            return ranges;
        }
        boolean fromTo = args.length >= 3 && args[1] == Type.INT_TYPE && args[2] == Type.INT_TYPE;
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
            case "equals": case "deepEquals": case "compare": case "compareUnsigned": case "mismatch":
                if (args.length >= 2 && args[1].getSort() == Type.ARRAY) {
                    ranges.add(whole(0, false));
                    ranges.add(whole(1, false));
                }
                break;
            default:
                break;
        }
        return ranges;
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
     * Adds the range events before {@code call}.
     *
     * @param spill the first free local (past racecheck's)
     * @return how many local slots from {@code spill} on it used; 0 when the call was left alone
     */
    static int instrument(MethodNode method, MethodInsnNode call, int spill, int tsLocal, int baseLocal, int site) {
        InsnList l = new InsnList();
        if (isArrayClone(call)) {                                                        // [arr]
            l.add(new InsnNode(Opcodes.DUP));                                           // [arr arr]
            l.add(new InsnNode(Opcodes.ICONST_0));
            l.add(new InsnNode(Opcodes.ICONST_M1));
            l.add(new InsnNode(Opcodes.ICONST_0));
            l.add(hookTail(site, tsLocal, baseLocal));                                  // [arr]
            method.instructions.insertBefore(call, l);
            return 0;
        }
        List<Range> ranges = ranges(call);
        if (ranges.isEmpty()) return 0;
        Type[] args = Type.getArgumentTypes(call.desc);
        int[] slots = new int[args.length];
        int next = spill;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        for (int i = args.length - 1; i >= 0; i--) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        for (Range r : ranges) {
            l.add(new VarInsnNode(Opcodes.ALOAD, slots[r.array()]));
            if (r.from() >= 0) l.add(new VarInsnNode(Opcodes.ILOAD, slots[r.from()]));
            else l.add(new InsnNode(Opcodes.ICONST_0));
            if (r.length() >= 0) { // from + length
                l.add(new VarInsnNode(Opcodes.ILOAD, slots[r.from()]));
                l.add(new VarInsnNode(Opcodes.ILOAD, slots[r.length()]));
                l.add(new InsnNode(Opcodes.IADD));
            } else if (r.to() >= 0) {
                l.add(new VarInsnNode(Opcodes.ILOAD, slots[r.to()]));
            } else {
                l.add(new InsnNode(Opcodes.ICONST_M1));
            }
            l.add(new InsnNode(r.write() ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            l.add(hookTail(site, tsLocal, baseLocal));
        }
        for (int i = 0; i < args.length; i++) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        method.instructions.insertBefore(call, l);
        return next - spill;
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

    /** site, ts, base, then the call to {@code arrayRange}. */
    private static InsnList hookTail(int site, int tsLocal, int baseLocal) {
        InsnList l = new InsnList();
        l.add(new LdcInsnNode(site));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "arrayRange", RANGE_DESC, false));
        return l;
    }
}
