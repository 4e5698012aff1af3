package dev.racecheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racecheck.reports.TestFrames;
import org.junit.jupiter.api.Test;

/** The rule itself is tested in racecheck-reports ({@code TestFramesTest}); here, that this entry point applies it. */
class FrameworkFramesTest {

    @Test
    void framesBelowTheTestAreLeftOut() {
        String text = "==================\n"
                + "WARNING: DATA RACE\n"
                + "Write of field demo.C.v (demo.C@1) by thread \"main\" (T1):\n"
                + "  at demo.C.set(C.java:3)\n"
                + "  at demo.CTest.races(CTest.java:9)\n"
                + "  at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n"
                + "  at java.base/java.lang.reflect.Method.invoke(Method.java:568)\n"
                + "  at org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:786)\n"
                + "  at java.base/java.util.ArrayList.forEach(ArrayList.java:1511)\n"
                + "  at org.apache.maven.surefire.booter.ForkedBooter.main(ForkedBooter.java:535)\n"
                + "\n"
                + "Previous write of field demo.C.v by thread \"w\" (T2):\n"
                + "  at demo.C.set(C.java:3)\n"
                + "  at java.base/java.lang.Thread.run(Thread.java:840)\n"
                + "\n"
                + "Thread \"w\" (T2, finished) started at:\n"
                + "  at demo.CTest.races(CTest.java:8)\n"
                + "  at org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:786)\n"
                + "==================\n";
        String expected = "==================\n"
                + "WARNING: DATA RACE\n"
                + "Write of field demo.C.v (demo.C@1) by thread \"main\" (T1):\n"
                + "  at demo.C.set(C.java:3)\n"
                + "  at demo.CTest.races(CTest.java:9)\n"
                + "  ... 5 frames of the test framework\n"
                + "\n"
                + "Previous write of field demo.C.v by thread \"w\" (T2):\n"
                + "  at demo.C.set(C.java:3)\n"
                + "  at java.base/java.lang.Thread.run(Thread.java:840)\n"
                + "\n"
                + "Thread \"w\" (T2, finished) started at:\n"
                + "  at demo.CTest.races(CTest.java:8)\n"
                + "  ... 1 frame of the test framework\n"
                + "==================\n";
        assertEquals(expected, FrameworkFrames.trim(text));
        assertEquals(TestFrames.elide(text), FrameworkFrames.trim(text));
        assertEquals(expected, FrameworkFrames.trim(expected), "a shortened text stays as it is");
    }

    @Test
    void aRaceInFrameworkCodeKeepsItsStack() {
        String text = "Read of field org.junit.X.y by thread \"a\" (T2):\n"
                + "  at org.junit.X.get(X.java:1)\n"
                + "  at org.junit.Y.run(Y.java:2)\n";
        assertEquals(text, FrameworkFrames.trim(text));
    }
}
