package dev.racecheck.reports;

/**
 * The variable both accesses touched.
 *
 * @param kind        what sort of variable it is
 * @param owner       binary name of the class that declares the field, or the array's type ({@code int[]},
 *                    {@code java.lang.String[]})
 * @param name        field name; for array elements {@code "[" + index + "]"}
 * @param instance    the object or array as {@code Type@hexIdentity}, or {@code null} for static fields
 */
public record Target(Kind kind, String owner, String name, String instance) {

    /** The sorts of variables racecheck tracks. */
    public enum Kind { FIELD, STATIC_FIELD, ARRAY_ELEMENT }

    /** A human description: {@code field demo.Counter.value}, {@code static field demo.Main.total}, {@code element [3] of int[]}. */
    public String describe() {
        return switch (kind) {
            case FIELD -> "field " + owner + "." + name;
            case STATIC_FIELD -> "static field " + owner + "." + name;
            // "element [3] of int[]" rather than splicing the index into the type: splicing breaks on int[][] and on
            // names that are not "[n]", and reads ambiguously next to the instance "int[]@1b6d".
            case ARRAY_ELEMENT -> "element " + name + " of " + owner;
        };
    }
}
