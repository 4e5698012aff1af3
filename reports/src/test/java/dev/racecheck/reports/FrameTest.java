package dev.racecheck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameTest {
    @Test
    void printsLikeStackTraceElement() {
        assertEquals("demo.Counter.next(Counter.java:12)", new Frame("demo.Counter", "next", "Counter.java", 12).toString());
        assertEquals("java.base/java.lang.Thread.run(Thread.java:840)",
                new Frame("java.lang.Thread", "run", "Thread.java", 840, "java.base").toString());
        assertEquals("demo.A.f(A.java)", new Frame("demo.A", "f", "A.java", -1).toString());
        assertEquals("demo.A.f(Unknown Source)", new Frame("demo.A", "f", null, -1).toString());
        assertEquals("java.base/java.lang.Object.wait(Native Method)",
                new Frame("java.lang.Object", "wait", "Object.java", Frame.NATIVE_METHOD, "java.base").toString());
    }

    @Test
    void matchesTheJdkForRealElements() {
        StackTraceElement[] cases = {
            new StackTraceElement(null, null, null, "demo.A", "f", "A.java", 3),
            new StackTraceElement(null, null, null, "demo.A", "f", "A.java", -1),
            new StackTraceElement(null, null, null, "demo.A", "f", null, -1),
            new StackTraceElement(null, null, null, "demo.A", "f", "A.java", -2),
            new StackTraceElement(null, "java.base", null, "java.lang.Thread", "run", "Thread.java", 840),
        };
        for (StackTraceElement e : cases) {
            assertEquals(e.toString(), new Frame(e.getClassName(), e.getMethodName(), e.getFileName(),
                    e.getLineNumber(), e.getModuleName()).toString());
        }
    }
}
