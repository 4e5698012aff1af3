package dev.racecheck.reports;

/**
 * The variable both accesses touched.
 *
 * @param kind        what sort of variable it is
 * @param owner       binary name of the class that declares the field, or the array's type ({@code int[]},
 *                    {@code java.lang.String[]}); for a container, the object's class ({@code java.util.HashMap})
 * @param name        field name; for array elements {@code "[" + index + "]"}; for a container {@value #STATE}
 * @param instance    the object or array as {@code Type@hexIdentity}, or {@code null} for static fields
 */
public record Target(Kind kind, String owner, String name, String instance) {

    /**
     * The sorts of variables racecheck tracks. {@code CONTAINER}: the whole state of an object of a JDK class that is
     * not thread-safe ({@code HashMap}, {@code ArrayList}, {@code StringBuilder}, {@code SimpleDateFormat}...) as one
     * variable, read or written by calls of its methods; each access's stack then starts with a frame that names the
     * method ({@code java.util.HashMap.put(HashMap.java)}), see {@link Race#operation}.
     */
    public enum Kind { FIELD, STATIC_FIELD, ARRAY_ELEMENT, CONTAINER }

    /** The {@link #name()} of a {@link Kind#CONTAINER} target: the object's whole state. */
    public static final String STATE = "state";

    /**
     * A human description: {@code field demo.Counter.value}, {@code static field demo.Main.total},
     * {@code element [3] of int[]}, {@code java.util.HashMap} (a container: the operations tell what was done to it).
     */
    public String describe() {
        return switch (kind) {
            case FIELD -> "field " + owner + "." + name;
            case STATIC_FIELD -> "static field " + owner + "." + name;
            // "element [3] of int[]" rather than splicing the index into the type: splicing breaks on int[][] and on
            // names that are not "[n]", and reads ambiguously next to the instance "int[]@1b6d".
            case ARRAY_ELEMENT -> "element " + name + " of " + owner;
            case CONTAINER -> owner;
        };
    }
}
