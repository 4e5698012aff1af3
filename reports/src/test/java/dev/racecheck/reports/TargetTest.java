package dev.racecheck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TargetTest {
    @Test
    void describesEachKind() {
        assertEquals("field demo.Counter.value",
                new Target(Target.Kind.FIELD, "demo.Counter", "value", "demo.Counter@1").describe());
        assertEquals("static field demo.Main.total",
                new Target(Target.Kind.STATIC_FIELD, "demo.Main", "total", null).describe());
        assertEquals("element [3] of int[]",
                new Target(Target.Kind.ARRAY_ELEMENT, "int[]", "[3]", "int[]@1b6d").describe());
        assertEquals("element [0] of java.lang.String[][]",
                new Target(Target.Kind.ARRAY_ELEMENT, "java.lang.String[][]", "[0]", "x").describe());
        assertEquals("java.util.HashMap",
                new Target(Target.Kind.CONTAINER, "java.util.HashMap", Target.STATE, "java.util.HashMap@1").describe());
    }
}
