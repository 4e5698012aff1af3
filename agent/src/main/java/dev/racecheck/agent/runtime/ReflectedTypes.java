package dev.racecheck.agent.runtime;

/**
 * Whether {@code java.lang.reflect.Array}'s get and set methods accept an array of a component type: the widening
 * conversions of their javadoc (JLS 5.1.2), and for {@code set(Object)} unboxing or an instance of the component
 * type. A call they reject throws before touching the element, and must record nothing.
 */
final class ReflectedTypes {
    /** Primitive types by descriptor letter, narrowest first within each line of widening. */
    private static final String NUMERIC = "BSCIJFD";

    private ReflectedTypes() {
        // no instances
    }

    /**
     * @param component the array's component type
     * @param type      the descriptor letter of the primitive the method takes ({@code setInt}: 'I') or returns
     *                  ({@code getInt}), or 'L' for {@code get(Object, int)} and {@code set(Object, int, Object)}
     * @param value     set(Object)'s value
     * @param write     a set method
     */
    static boolean converts(Class<?> component, char type, Object value, boolean write) {
        if (type == 'L') {
            if (!write) return true; // get wraps a primitive element
            if (!component.isPrimitive()) return value == null || component.isInstance(value);
            char from = unboxed(value);
            return from != 0 && widens(from, letter(component));
        }
        if (!component.isPrimitive()) return false;
        char element = letter(component);
        return write ? widens(type, element) : widens(element, type);
    }

    /** Whether a value of primitive type {@code from} converts to {@code to} by identity or widening. */
    static boolean widens(char from, char to) {
        if (from == to) return true;
        if (from == 'Z' || to == 'Z') return false;
        if (from == 'C') return to == 'I' || to == 'J' || to == 'F' || to == 'D';
        if (to == 'C') return false;
        if (from == 'B' && to == 'S') return true;
        int f = NUMERIC.indexOf(from);
        int t = NUMERIC.indexOf(to);
        return f >= 0 && t >= 0 && t >= NUMERIC.indexOf('I') && f < t;
    }

    private static char letter(Class<?> primitive) {
        if (primitive == int.class) return 'I';
        if (primitive == long.class) return 'J';
        if (primitive == double.class) return 'D';
        if (primitive == float.class) return 'F';
        if (primitive == short.class) return 'S';
        if (primitive == byte.class) return 'B';
        if (primitive == char.class) return 'C';
        if (primitive == boolean.class) return 'Z';
        return 0;
    }

    private static char unboxed(Object v) {
        if (v instanceof Integer) return 'I';
        if (v instanceof Long) return 'J';
        if (v instanceof Double) return 'D';
        if (v instanceof Float) return 'F';
        if (v instanceof Short) return 'S';
        if (v instanceof Byte) return 'B';
        if (v instanceof Character) return 'C';
        if (v instanceof Boolean) return 'Z';
        return 0;
    }
}
